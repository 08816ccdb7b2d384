import { describe, expect, it } from "vitest";

import { sql } from "drizzle-orm";

import { createTestDb } from "./testing";

describe.each(["pglite", "postgres"] as const)("migrations on an empty %s database", (driver) => {
  it("create every table, the reference plans, and are idempotent", async () => {
    const handle = await createTestDb(driver);
    try {
      // postgres-js answers with an array of rows, PGlite with { rows }.
      const result: unknown = await handle.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public'`,
      );
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
        table_name: string;
      }[];
      const names = rows.map((r) => r.table_name);
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
