import { describe, expect, it } from "vitest";

import { sql } from "drizzle-orm";

import { createTestDb } from "./testing";

describe.each(["pglite", "postgres"] as const)("migrations on an empty %s database", (driver) => {
  it("create every table, the reference plans, and are idempotent", async () => {
    const handle = await createTestDb(driver);
    try {
      const tables = await handle.db.execute<{ table_name: string }>(
        sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
      );
      const names = ("rows" in tables ? tables.rows : tables).map(
        (r) => (r as { table_name: string }).table_name,
      );
      expect(names).toEqual(
        expect.arrayContaining([
          "user",
          "oauth_account",
          "profile",
          "preference",
          "plan",
          "subscription",
          "artist",
          "album",
          "track",
          "track_artist",
          "rendition",
          "track_key",
          "playlist",
          "playlist_item",
          "playlist_collaborator",
          "track_like",
          "saved_album",
          "artist_follow",
          "user_follow",
          "listening_event",
        ]),
      );
      const plans = await handle.db.query.plan.findMany({ orderBy: (p, { asc }) => [asc(p.code)] });
      expect(plans.map((p) => [p.code, p.adSupported, p.offlineDownloads])).toEqual([
        ["free", true, false],
        ["premium", false, true],
      ]);
      await handle.migrate(); // a second run changes nothing and does not fail
      expect(await handle.db.query.plan.findMany()).toHaveLength(2);
    } finally {
      await handle.close();
    }
  });
});
