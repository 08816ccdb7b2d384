import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { sql } from "drizzle-orm";

import type { DbHandle } from "./client";
import { createTestDb } from "./testing";

/**
 * An artist's top tracks count each track's started listens (domain/catalog/read.ts). Counted
 * through listening_event_track_idx, that fetched every event row of every track from the heap;
 * the partial index on started listens answers the count from the index alone.
 */
describe("plays per track", () => {
  let handle: DbHandle;

  beforeAll(async () => {
    handle = await createTestDb("postgres");
    const { db } = handle;
    await db.execute(sql`
      insert into "user" (id, email) values ('00000000-0000-4000-8000-000000000001', 'a@example.com');
      insert into artist (id, name, name_key) values ('00000000-0000-4000-8000-000000000002', 'A', 'a');
      insert into album (id, title, album_key, artist_id)
        values ('00000000-0000-4000-8000-000000000003', 'B', 'a|b', '00000000-0000-4000-8000-000000000002');
      insert into track (id, title, album_id, duration_ms)
        select md5('t' || g)::uuid, 'T' || g, '00000000-0000-4000-8000-000000000003', 1000
        from generate_series(1, 200) g;
      insert into listening_event (user_id, track_id, kind, playback_id, occurred_at)
        select '00000000-0000-4000-8000-000000000001', md5('t' || (1 + g % 200))::uuid,
          (array['start', 'progress', 'complete']::listen_kind[])[1 + g % 3], 'p' || g, now()
        from generate_series(1, 30000) g;
    `);
    // As autovacuum leaves it: statistics, and a visibility map that spares heap visits.
    await db.execute(sql`vacuum analyze listening_event`);
  });

  afterAll(() => handle.close());

  it("are counted from the partial index on started listens, without reading the rows", async () => {
    const result: unknown = await handle.db.execute(sql`
      explain (format json) select count(*) from listening_event e
      where e.track_id = md5('t1')::uuid and e.kind = 'start'`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      "QUERY PLAN": unknown;
    }[];
    const plan = JSON.stringify(rows[0]?.["QUERY PLAN"]);
    expect(plan).toContain('"Node Type":"Index Only Scan"');
    expect(plan).toContain('"Index Name":"listening_event_start_track_idx"');
  });
});
