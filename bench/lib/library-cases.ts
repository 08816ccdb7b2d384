/**
 * The reads the library benchmark makes, with the objects they read: a warm object read again
 * and again, and fresh objects for cold reads where the catalog has many alike (albums,
 * artists); the two seeded playlists are one of a kind, so their cold reads delete their keys.
 * The last, a call refused for want of a session, is the floor: the app's HTTP server, tRPC and
 * the session reader with no database work.
 */
import postgres from "postgres";

import type { SeedReport } from "./library-seed";

export interface ReadCase {
  /** Row label. */
  name: string;
  procedure: "catalog.album" | "catalog.artist" | "playlist.get" | "playlist.items" | "playlist.mine";
  /** Undefined for a procedure without input. */
  input: Record<string, unknown> | undefined;
  /** The input of a cold read, and the object whose cache keys go first. */
  cold(): { input: Record<string, unknown> | undefined; objectId: string };
  /** Part of the throughput comparison (extras are timed sequentially only). */
  throughput: boolean;
  /** Sent without the session cookie: the framework's floor, refused with 401. */
  anonymous?: true;
}

/**
 * The reads in a fresh order for each round (fixed per round number, so runs repeat it): what a
 * read leaves behind (a big answer's garbage, say) then falls on every other read alike.
 */
export function roundOrder<T>(items: readonly T[], round: number): T[] {
  let state = (round + 1) * 0x9e3779b9;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0; // mulberry32
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const order = [...items];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as T, order[i] as T];
  }
  return order;
}

export function trpcPath(procedure: string, input: unknown): string {
  const path = `/api/trpc/${procedure}`;
  return input === undefined ? path : `${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}

/** Hands out fresh ids; throws when a run asks for more than were picked. */
function fresh(ids: string[], what: string): () => string {
  let next = 0;
  return () => {
    const id = ids[next++];
    if (!id) throw new Error(`ran out of fresh ${what}: raise the pick count`);
    return id;
  };
}

export interface PickedObjects {
  album: string;
  artist: { id: string; albums: number };
  largestArtist: { id: string; albums: number };
}

export async function readCases(
  databaseUrl: string,
  seed: SeedReport,
  freshCount: number,
): Promise<{ cases: ReadCase[]; picked: PickedObjects }> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    // A stable pseudo-random order, so runs read the same objects.
    const albums = await sql<{ id: string }[]>`
      select id::text from album order by md5(id::text || 'bench') limit ${freshCount + 1}`;
    const perArtist = sql`select artist_id, count(*)::int as albums from album group by artist_id`;
    const [median] = await sql<{ n: number }[]>`
      select percentile_disc(0.5) within group (order by albums) as n from (${perArtist}) a`;
    // Artists of the median size first, then the nearest sizes.
    const artists = await sql<{ id: string; albums: number }[]>`
      select artist_id::text as id, albums from (${perArtist}) a
      order by abs(albums - ${median?.n ?? 0}), md5(artist_id::text || 'bench') limit ${freshCount + 1}`;
    const [largest] = await sql<{ id: string; albums: number }[]>`
      select artist_id::text as id, albums from (${perArtist}) a order by albums desc limit 1`;
    const [album, ...coldAlbums] = albums.map((a) => a.id);
    const [artist, ...coldArtists] = artists;
    if (!album || !artist || !largest) throw new Error("the seeded catalog is empty");
    const nextAlbum = fresh(coldAlbums, "albums");
    const nextArtist = fresh(
      coldArtists.map((a) => a.id),
      "artists",
    );
    const same = (input: { id: string }) => () => ({ input, objectId: input.id });
    const big = { id: seed.bigPlaylistId };
    const small = { id: seed.smallPlaylistId };
    // Refused before any lookup; an id of its own keeps its URL apart from the real reads'.
    const nobody = { id: "00000000-0000-4000-8000-000000000000" };
    const bigN = "10,000-track playlist";
    const smallN = "10-track playlist";
    const cases: ReadCase[] = [
      {
        name: "catalog.album",
        procedure: "catalog.album",
        input: { id: album },
        cold: () => {
          const id = nextAlbum();
          return { input: { id }, objectId: id };
        },
        throughput: true,
      },
      {
        name: `catalog.artist (${artist.albums} albums)`,
        procedure: "catalog.artist",
        input: { id: artist.id },
        cold: () => {
          const id = nextArtist();
          return { input: { id }, objectId: id };
        },
        throughput: true,
      },
      {
        name: `catalog.artist, largest (${largest.albums} albums)`,
        procedure: "catalog.artist",
        input: { id: largest.id },
        cold: same({ id: largest.id }),
        throughput: false,
      },
      {
        name: `playlist.get, ${bigN}`,
        procedure: "playlist.get",
        input: big,
        cold: same(big),
        throughput: true,
      },
      {
        name: `playlist.items, ${bigN}`,
        procedure: "playlist.items",
        input: big,
        cold: same(big),
        throughput: true,
      },
      {
        name: `playlist.items limit 10, ${bigN}`,
        procedure: "playlist.items",
        input: { ...big, limit: 10 },
        cold: () => ({ input: { ...big, limit: 10 }, objectId: big.id }),
        throughput: false,
      },
      {
        name: `playlist.get, ${smallN}`,
        procedure: "playlist.get",
        input: small,
        cold: same(small),
        throughput: true,
      },
      {
        name: `playlist.items, ${smallN}`,
        procedure: "playlist.items",
        input: small,
        cold: same(small),
        throughput: true,
      },
      {
        // The sidebar of every page: the listener's playlists with their covers, the big one's too.
        name: "playlist.mine (owns both)",
        procedure: "playlist.mine",
        input: undefined,
        cold: () => ({ input: undefined, objectId: big.id }),
        throughput: false,
      },
      {
        name: "floor: playlist.get without a session (401)",
        procedure: "playlist.get",
        input: nobody,
        cold: same(nobody),
        throughput: true,
        anonymous: true,
      },
    ];
    return {
      cases,
      picked: { album, artist, largestArtist: largest },
    };
  } finally {
    await sql.end();
  }
}
