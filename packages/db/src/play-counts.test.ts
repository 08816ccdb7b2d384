import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { sql } from "drizzle-orm";

import type { DbHandle } from "./client";
import { rowsOf } from "./rows";
import { createTestDb } from "./testing";

const USER = "00000000-0000-4000-8000-000000000001";
const track = (n: number) => sql`md5(${`t${n}`})::uuid`;

/**
 * Plays per track (an artist's top tracks, search popularity) are a counter that a trigger on
 * listening_event keeps: whoever inserts events, started listens are counted, and only those.
 */
describe.each(["pglite", "postgres"] as const)("plays per track on %s", (driver) => {
  let handle: DbHandle;

  beforeAll(async () => {
    handle = await createTestDb(driver);
    const statements = [
      sql`insert into "user" (id, email) values (${USER}, 'a@example.com')`,
      sql`insert into artist (id, name, name_key) values ('00000000-0000-4000-8000-000000000002', 'A', 'a')`,
      sql`insert into album (id, title, album_key, artist_id)
        values ('00000000-0000-4000-8000-000000000003', 'B', 'a|b', '00000000-0000-4000-8000-000000000002')`,
      sql`insert into track (id, title, album_id, duration_ms)
        select md5('t' || g)::uuid, 'T' || g, '00000000-0000-4000-8000-000000000003', 1000
        from generate_series(1, 3) g`,
    ];
    for (const statement of statements) await handle.db.execute(statement);
  });

  afterAll(() => handle.close());

  async function plays(): Promise<Record<string, number>> {
    const rows = await rowsOf<{ title: string; plays: string | number }>(
      handle.db,
      sql`select t.title, c.plays from track_play_count c join track t on t.id = c.track_id order by t.title`,
    );
    return Object.fromEntries(rows.map((r) => [r.title, Number(r.plays)]));
  }

  async function listen(trackNumber: number, kinds: string[]): Promise<void> {
    await handle.db.execute(sql`
      insert into listening_event (user_id, track_id, kind, playback_id, occurred_at)
      select ${USER}, ${track(trackNumber)}, k::listen_kind, 'p', now() from unnest(${`{${kinds.join(",")}}`}::text[]) k`);
  }

  it("count started listens of every insert, whatever else a batch holds", async () => {
    await listen(1, ["start", "progress", "complete", "start"]);
    await listen(2, ["skip", "stall"]);
    await listen(1, ["start"]);
    // One statement over several tracks, as a seed or an import writes them.
    await handle.db.execute(sql`
      insert into listening_event (user_id, track_id, kind, playback_id, occurred_at)
      select ${USER}, md5('t' || (1 + g % 3))::uuid, 'start', 'p' || g, now() from generate_series(1, 30) g`);
    expect(await plays()).toEqual({ T1: 13, T3: 10, T2: 10 });
  });

  // PGlite is one connection: nothing there runs at once.
  it.skipIf(driver === "pglite")(
    "lose no play when batches for the same tracks arrive at once (Postgres)",
    async () => {
      const before = await plays();
      // Each batch names the tracks in another order; the trigger locks them in one order.
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          handle.db.execute(sql`
          insert into listening_event (user_id, track_id, kind, playback_id, occurred_at)
          select ${USER}, md5('t' || n)::uuid, 'start', 'c', now()
          from unnest(${i % 2 ? "{3,2,1}" : "{1,2,3}"}::int[]) n`),
        ),
      );
      const after = await plays();
      for (const title of ["T1", "T2", "T3"]) expect(after[title]).toBe((before[title] ?? 0) + 20);
    },
  );
});
