import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { sql } from "drizzle-orm";

import { createTestDb } from "./testing";

const MIGRATION = path.join(import.meta.dirname, "../drizzle/0007_playlist_totals.sql");

/** Migration 0007 adds playlist.item_count and duration_ms and fills them for existing playlists. */
describe("the playlist totals migration", () => {
  it("fills the totals of playlists made before it, duplicates and empty ones included", async () => {
    const handle = await createTestDb("postgres");
    try {
      const { db } = handle;
      await db.execute(sql`
        insert into "user" (id, email) values ('00000000-0000-4000-8000-000000000001', 'a@example.com');
        insert into artist (id, name, name_key) values ('00000000-0000-4000-8000-000000000002', 'A', 'a');
        insert into album (id, title, album_key, artist_id)
          values ('00000000-0000-4000-8000-000000000003', 'B', 'a|b', '00000000-0000-4000-8000-000000000002');
        insert into track (id, title, album_id, duration_ms)
          select md5('t' || g)::uuid, 'T' || g, '00000000-0000-4000-8000-000000000003', 1000 * g
          from generate_series(1, 5) g;
        insert into playlist (id, owner_id, name) values
          ('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000001', 'Full'),
          ('00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-000000000001', 'Empty');
        insert into playlist_item (playlist_id, track_id, position)
          select '00000000-0000-4000-8000-00000000000a', md5('t' || (1 + g % 5))::uuid, 'a' || g
          from generate_series(0, 6) g;
        update playlist set item_count = 0, duration_ms = 0;
      `);
      // Its backfill, as it ran on a database that had playlists (the columns exist already).
      const backfill = readFileSync(MIGRATION, "utf8").split("--> statement-breakpoint").at(-1) ?? "";
      await db.execute(sql.raw(backfill));
      const result: unknown = await db.execute(
        sql`select name, item_count, duration_ms::int as duration_ms from playlist order by name`,
      );
      const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
      // Tracks 1,2,3,4,5,1,2 (track n is n seconds long): 18 seconds in 7 items.
      expect(rows).toEqual([
        { name: "Empty", item_count: 0, duration_ms: 0 },
        { name: "Full", item_count: 7, duration_ms: 18_000 },
      ]);
    } finally {
      await handle.close();
    }
  });
});
