/**
 * A large library seeded straight into a fresh Postgres database with set-based SQL (insert …
 * select from generate_series), on the real schema (the app's migrations). Ids are derived from a
 * kind and a number (pg_temp.id below), so every statement can name rows of another table
 * without joining to find them. Popularity (likes, plays, saves) follows power laws, so counts and top
 * tracks differ between tracks the way they do in a real catalog.
 */
import postgres from "postgres";

import { createDb } from "@cadence/db";
import { createAccount } from "@cadence/domain/account";

export const SEED = {
  artists: 2_000,
  albums: 10_000,
  tracksPerAlbum: 10,
  users: 5_000,
  playlists: 1_000,
  bigPlaylistTracks: 10_000,
  smallPlaylistTracks: 10,
  /** Other playlists hold 0..this many tracks, most of them few (a squared uniform draw). */
  otherPlaylistMaxTracks: 200,
  likesPerUser: 40,
  listenerLikes: 1_500,
  savedAlbums: 30_000,
  artistFollows: 20_000,
  userFollows: 10_000,
  listeningEvents: 500_000,
} as const;

export const benchListener = {
  email: "bench@cadence.local",
  password: "bench listener passphrase, not for production",
  displayName: "Bench Listener",
};

export interface SeedReport {
  database: string;
  seconds: number;
  analyzeSeconds: number;
  sizeBytes: number;
  rows: Record<string, number>;
  steps: { name: string; seconds: number }[];
  listenerId: string;
  bigPlaylistId: string;
  smallPlaylistId: string;
}

/** Drops and creates a benchmark's own database (only a `cadence_bench_*` one); its URL. */
export async function recreateBenchDatabase(adminUrl: string, database: string): Promise<string> {
  if (!/^cadence_bench_[a-z0-9_]+$/.test(database)) throw new Error(`not a bench database: ${database}`);
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`drop database if exists ${database} with (force)`);
    await admin.unsafe(`create database ${database}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(adminUrl, database);
}

/** A connection string for `database` on the server of `adminUrl`. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/**
 * The i-th fractional-indexing key of a playlist (i < 62^3): integer keys with head "c" and
 * three base-62 digits, as generateNKeysBetween would hand out past "b zz", in byte order.
 */
const positionKey = (i: string) =>
  `'c' || substr('${BASE62}', (${i} / 3844) % 62 + 1, 1) || substr('${BASE62}', (${i} / 62) % 62 + 1, 1) ` +
  `|| substr('${BASE62}', ${i} % 62 + 1, 1)`;

/** A power-law pick in 1..n (exponent k > 1 favours low numbers: the popular ones). */
const popular = (n: number, k: number) => `(1 + floor(${n} * power(random(), ${k})))::int`;

function statements(listenerId: string): { name: string; sql: string }[] {
  const S = SEED;
  const tracks = S.albums * S.tracksPerAlbum;
  // Album g's artist: a skewed but deterministic spread (the first artists release the most).
  const albumArtist = `(1 + floor(${S.artists} * power(((g * 7919) % ${S.albums} + 0.5) / ${S.albums}, 1.5)))::int`;
  const user = (n: string) => `pg_temp.id('user' || ${n})`;
  return [
    {
      name: "artists",
      sql: `insert into artist (id, name, name_key, bio)
        select pg_temp.id('artist' || g), 'Artist ' || g, 'artist ' || g, 'Biography of artist ' || g
        from generate_series(1, ${S.artists}) g`,
    },
    {
      name: "albums",
      sql: `insert into album (id, title, album_key, artist_id, release_date, genre, label, cover_path, created_at)
        select pg_temp.id('album' || g), 'Album ' || g, 'album ' || g,
          pg_temp.id('artist' || ${albumArtist}),
          date '1970-01-01' + (g * 37 % 20000), (array['rock','pop','jazz','folk','electronic'])[1 + g % 5],
          'Label ' || (g % 300), 'covers/' || md5('cover' || g) || '.jpg', now() - g * interval '1 minute'
        from generate_series(1, ${S.albums}) g`,
    },
    {
      name: "tracks",
      sql: `insert into track (id, title, album_id, track_number, disc_number, duration_ms, genre, explicit,
          isrc, release_date, loudness_lufs, true_peak_db, source_path, source_hash, master_path)
        select pg_temp.id('track' || g), 'Track ' || g, pg_temp.id('album' || a), (g - 1) % ${S.tracksPerAlbum} + 1, 1,
          120000 + (g * 7919) % 240000, (array['rock','pop','jazz','folk','electronic'])[1 + a % 5], g % 17 = 0,
          'XXB' || lpad(g::text, 9, '0'), date '1970-01-01' + (a * 37 % 20000), -14 + (g % 60) / 10.0, -1.0,
          'bench/' || g || '.flac', md5('source' || g), 'tracks/' || pg_temp.id('track' || g) || '/bench0001/master.m3u8'
        from generate_series(1, ${tracks}) g, lateral (select (g - 1) / ${S.tracksPerAlbum} + 1 as a) album`,
    },
    {
      name: "track artists",
      // The album's artist, and for one track in ten a featured second artist.
      sql: `insert into track_artist (track_id, artist_id, position)
        select t.id, a.artist_id, 0 from track t join album a on a.id = t.album_id;
        insert into track_artist (track_id, artist_id, position)
        select pg_temp.id('track' || g), pg_temp.id('artist' || (1 + (g * 31) % ${S.artists})), 1
        from generate_series(10, ${tracks}, 10) g
        on conflict do nothing`,
    },
    {
      name: "renditions and keys",
      sql: `insert into rendition (track_id, bitrate_kbps, codecs, path_prefix, segment_count, size_bytes)
        select t.id, b, 'mp4a.40.2', 'tracks/' || t.id || '/bench0001/' || b || 'k/', t.duration_ms / 6000 + 1,
          t.duration_ms::bigint * b / 8
        from track t, unnest(array[64, 128, 256]) b;
        insert into track_key (track_id, key) select id, decode(md5('key' || id), 'hex') from track`,
    },
    {
      name: "users",
      sql: `insert into "user" (id, email, password_hash)
        select ${user("g")}, 'listener' || g || '@bench.local', null from generate_series(1, ${S.users}) g;
        insert into profile (user_id, username, display_name)
        select ${user("g")}, 'listener' || g, 'Listener ' || g from generate_series(1, ${S.users}) g;
        insert into preference (user_id) select ${user("g")} from generate_series(1, ${S.users}) g;
        insert into subscription (user_id, plan_code) select ${user("g")}, 'free' from generate_series(1, ${S.users}) g`,
    },
    {
      name: "playlists",
      // Playlists 1 and 2 are the listener's: the big one and the small one.
      sql: `insert into playlist (id, owner_id, name, description, is_public, version, created_at, updated_at)
        select pg_temp.id('playlist' || g),
          case when g <= 2 then '${listenerId}'::uuid else ${user(`(1 + (g * 13) % ${S.users})`)} end,
          case g when 1 then 'Ten thousand' when 2 then 'Ten' else 'Playlist ' || g end,
          'Seeded playlist ' || g, g % 2 = 0, 1, now() - g * interval '1 hour', now() - g * interval '1 hour'
        from generate_series(1, ${S.playlists}) g`,
    },
    {
      name: "playlist items",
      // The big playlist's tracks are distinct (7919 is coprime with the track count).
      sql: `insert into playlist_item (playlist_id, track_id, position, added_by, added_at)
        select pg_temp.id('playlist1'), pg_temp.id('track' || (1 + (i * 7919) % ${tracks})), ${positionKey("i")},
          '${listenerId}'::uuid, now() - (${S.bigPlaylistTracks} - i) * interval '1 minute'
        from generate_series(0, ${S.bigPlaylistTracks - 1}) i;
        insert into playlist_item (playlist_id, track_id, position, added_by, added_at)
        select pg_temp.id('playlist2'), pg_temp.id('track' || (1 + (i * 104729) % ${tracks})), ${positionKey("i")},
          '${listenerId}'::uuid, now() - (${S.smallPlaylistTracks} - i) * interval '1 minute'
        from generate_series(0, ${S.smallPlaylistTracks - 1}) i;
        insert into playlist_item (playlist_id, track_id, position, added_by, added_at)
        select p.id, pg_temp.id('track' || ${popular(tracks, 2)}), ${positionKey("i")}, p.owner_id,
          now() - i * interval '1 minute'
        from (select id, owner_id, floor(${S.otherPlaylistMaxTracks} * power(random(), 2))::int as n
          from playlist where name like 'Playlist %') p, generate_series(0, p.n - 1) i;
        update playlist set item_count = t.n, duration_ms = t.d
        from (select i.playlist_id, count(*)::int as n, sum(tr.duration_ms)::bigint as d
              from playlist_item i join track tr on tr.id = i.track_id group by i.playlist_id) t
        where playlist.id = t.playlist_id`,
    },
    {
      name: "likes, saves and follows",
      sql: `insert into track_like (user_id, track_id, liked_at)
        select ${user(`(1 + g % ${S.users})`)}, pg_temp.id('track' || ${popular(tracks, 3)}),
          now() - random() * interval '365 days'
        from generate_series(1, ${S.users * S.likesPerUser}) g on conflict do nothing;
        insert into track_like (user_id, track_id, liked_at)
        select '${listenerId}'::uuid, pg_temp.id('track' || ${popular(tracks, 2)}), now() - g * interval '1 hour'
        from generate_series(1, ${S.listenerLikes}) g on conflict do nothing;
        insert into saved_album (user_id, album_id, saved_at)
        select ${user(`(1 + g % ${S.users})`)}, pg_temp.id('album' || ${popular(S.albums, 2)}),
          now() - random() * interval '365 days'
        from generate_series(1, ${S.savedAlbums}) g on conflict do nothing;
        insert into artist_follow (user_id, artist_id, followed_at)
        select ${user(`(1 + g % ${S.users})`)}, pg_temp.id('artist' || ${popular(S.artists, 2)}),
          now() - random() * interval '365 days'
        from generate_series(1, ${S.artistFollows}) g on conflict do nothing;
        insert into user_follow (follower_id, followee_id, followed_at)
        select * from (select ${user(`(1 + g % ${S.users})`)} as a, ${user(popular(S.users, 2))} as b,
          now() - random() * interval '365 days' from generate_series(1, ${S.userFollows}) g) f
        where a <> b on conflict do nothing`,
    },
    {
      name: "listening events",
      sql: `insert into listening_event (user_id, track_id, kind, playback_id, position_ms, occurred_at)
        select ${user(`(1 + g % ${S.users})`)}, pg_temp.id('track' || ${popular(tracks, 3)}), 'start',
          md5('play' || g), 0, now() - random() * interval '90 days'
        from generate_series(1, ${S.listeningEvents}) g`,
    },
  ];
}

/** Drops and recreates `database`, migrates it, seeds it; keeps it for inspection afterwards. */
export async function seedLibrary(adminUrl: string, database: string, log: (m: string) => void) {
  const url = await recreateBenchDatabase(adminUrl, database);
  const started = performance.now();
  const handle = createDb({ driver: "postgres", url, maxConnections: 1 });
  const steps: SeedReport["steps"] = [];
  let listenerId: string;
  try {
    await handle.migrate();
    listenerId = (await createAccount(handle.db, benchListener)).id;
  } finally {
    await handle.close();
  }
  steps.push({ name: "migrate and listener", seconds: (performance.now() - started) / 1000 });
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    // md5 of the kind and number as an RFC 4122 uuid (version 4, variant 8): the API's
    // validation refuses other uuids. A session function: one connection does all the seeding.
    await sql.unsafe(`create function pg_temp.id(text) returns uuid language sql immutable
      as $$ select overlay(overlay(md5($1) placing '4' from 13) placing '8' from 17)::uuid $$`);
    for (const step of statements(listenerId)) {
      const t0 = performance.now();
      await sql.unsafe(step.sql).simple(); // several statements in one round trip
      steps.push({ name: step.name, seconds: (performance.now() - t0) / 1000 });
      log(`seeded ${step.name} in ${steps.at(-1)?.seconds.toFixed(1)} s`);
    }
    const t0 = performance.now();
    // What autovacuum would have done by the time such a library was in use.
    await sql.unsafe("vacuum analyze");
    const analyzeSeconds = (performance.now() - t0) / 1000;
    const seconds = (performance.now() - started) / 1000;
    const tables = [
      "artist",
      "album",
      "track",
      "track_artist",
      "rendition",
      "user",
      "playlist",
      "playlist_item",
      "track_like",
      "saved_album",
      "artist_follow",
      "user_follow",
      "listening_event",
    ];
    const rows: Record<string, number> = {};
    for (const table of tables) {
      const [row] = await sql.unsafe<{ n: string }[]>(`select count(*) as n from "${table}"`);
      rows[table] = Number(row?.n ?? 0);
    }
    const [size] = await sql<{ bytes: string }[]>`select pg_database_size(current_database()) as bytes`;
    const ids = await sql<{ big: string; small: string }[]>`
      select pg_temp.id('playlist1')::text as big, pg_temp.id('playlist2')::text as small`;
    return {
      database,
      seconds,
      analyzeSeconds,
      sizeBytes: Number(size?.bytes ?? 0),
      rows,
      steps,
      listenerId,
      bigPlaylistId: ids[0]?.big ?? "",
      smallPlaylistId: ids[0]?.small ?? "",
    } satisfies SeedReport;
  } finally {
    await sql.end();
  }
}
