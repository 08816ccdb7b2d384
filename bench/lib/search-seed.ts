/**
 * A million-track catalog for the search benchmark, generated in Postgres with set-based SQL:
 * artist names and titles drawn from words of several languages and scripts (accents included),
 * ten tracks an album, one track in ten with a featured artist, and plays that follow Zipf's law
 * (the track of popularity rank r is played 50,000 / r times), so popularity separates namesakes
 * the way it does in a real catalog.
 */
import postgres from "postgres";

import { createDb } from "@cadence/db";
import { createAccount } from "@cadence/domain/account";

import { recreateBenchDatabase } from "./library-seed";
import { BAND_WORDS, FIRST_NAMES, GENRES, LAST_NAMES, TITLE_WORDS } from "./search-names";

export const SEARCH_SEED = { artists: 50_000, albums: 100_000, tracksPerAlbum: 10, zipfTop: 50_000 } as const;

export const searchListener = {
  email: "search-bench@cadence.local",
  password: "search bench passphrase, not for production",
  displayName: "Search Bench",
};

export interface SearchSeedReport {
  seconds: number;
  rows: Record<string, number>;
  listenerId: string;
}

export async function seedSearchCatalog(
  adminUrl: string,
  database: string,
  log: (m: string) => void,
): Promise<SearchSeedReport> {
  const url = await recreateBenchDatabase(adminUrl, database);
  const started = performance.now();
  const handle = createDb({ driver: "postgres", url, maxConnections: 1 });
  let listenerId: string;
  try {
    await handle.migrate();
    listenerId = (await createAccount(handle.db, searchListener)).id;
  } finally {
    await handle.close();
  }
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  const step = async (name: string, run: () => Promise<unknown>) => {
    const t0 = performance.now();
    await run();
    log(`seeded ${name} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  try {
    await sql`select setseed(0.42)`;
    await sql.unsafe(`create function pg_temp.pick(words text[]) returns text language sql volatile
      as $$ select words[1 + floor(random() * array_length(words, 1))::int] $$`);
    const { artists, albums, tracksPerAlbum, zipfTop } = SEARCH_SEED;
    await step(
      `${artists} artists`,
      () => sql`
      insert into artist (name, name_key)
      select n, lower(n) || ' #' || g from (
        select g, case
          when random() < 0.6 then pg_temp.pick(${FIRST_NAMES}) || ' ' || pg_temp.pick(${LAST_NAMES})
          else 'The ' || initcap(pg_temp.pick(${TITLE_WORDS})) || ' ' || pg_temp.pick(${BAND_WORDS})
        end as n
        from generate_series(1, ${artists}) g) s`,
    );
    await sql`create temp table artist_n as select row_number() over (order by id) as n, id from artist`;
    await step(
      `${albums} albums`,
      () => sql`
      insert into album (title, album_key, artist_id, release_date, genre)
      select s.title, lower(s.title) || ' #' || s.g, a.id, date '1960-01-01' + floor(random() * 23500)::int,
        pg_temp.pick(${GENRES})
      from (
        select g, initcap(pg_temp.pick(${TITLE_WORDS}))
          || case when random() < 0.6 then ' ' || pg_temp.pick(${TITLE_WORDS}) else '' end as title,
          -- Skewed: low-numbered artists have many albums, most have one or two.
          1 + floor(${artists} * power(random(), 2))::int as artist_n
        from generate_series(1, ${albums}) g
      ) s join artist_n a on a.n = s.artist_n`,
    );
    await step(`${albums * tracksPerAlbum} tracks`, async () => {
      await sql`
        insert into track (id, title, album_id, track_number, duration_ms, genre, master_path)
        select t.id, t.title, t.album_id, t.k, t.duration, t.genre, 'tracks/' || t.id || '/v1/master.m3u8'
        from (
          select gen_random_uuid() as id, al.id as album_id, k, al.genre,
            120000 + floor(random() * 240000)::int as duration,
            initcap(pg_temp.pick(${TITLE_WORDS}))
              || case when random() < 0.75 then ' ' || pg_temp.pick(${TITLE_WORDS}) else '' end
              || case when random() < 0.35 then ' ' || pg_temp.pick(${TITLE_WORDS}) else '' end
              || case when random() < 0.1 then ' ' || pg_temp.pick(${TITLE_WORDS}) else '' end as title
          from album al cross join generate_series(1, ${tracksPerAlbum}) k
        ) t`;
      await sql`
        insert into track_artist (track_id, artist_id, position)
        select t.id, al.artist_id, 0 from track t join album al on al.id = t.album_id`;
      await sql`
        insert into track_artist (track_id, artist_id, position)
        select s.id, a.id, 1 from (
          select t.id, 1 + floor(${artists} * random())::int as n from track t where random() < 0.1
        ) s join artist_n a on a.n = s.n
        on conflict do nothing`;
    });
    await step("Zipf plays", async () => {
      await sql`create temp table ranked as
        select id, row_number() over (order by random()) as r from track`;
      await sql`
        insert into listening_event (user_id, track_id, kind, playback_id, occurred_at)
        select ${listenerId}::uuid, id, 'start', 'bench', now()
        from ranked, generate_series(1, floor(${zipfTop}::float / r)::int)
        where r <= ${zipfTop}`;
    });
    await step("vacuum analyze", () => sql.unsafe("vacuum analyze"));
    const rows: Record<string, number> = {};
    for (const table of ["artist", "album", "track", "track_artist", "listening_event"]) {
      const [row] = await sql.unsafe<{ n: string }[]>(`select count(*) as n from "${table}"`);
      rows[table] = Number(row?.n ?? 0);
    }
    return { seconds: (performance.now() - started) / 1000, rows, listenerId };
  } finally {
    await sql.end();
  }
}
