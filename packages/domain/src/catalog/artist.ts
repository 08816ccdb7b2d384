import { cached } from "@cadence/cache";
import type { Cache } from "@cadence/cache";
import { and, asc, count, desc, eq, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { AppError } from "../errors";
import type { Page } from "../pagination";
import { albumsByRelease } from "./album-list";
import type { AlbumSummary } from "./album-list";
import { CATALOG_TTL_SECONDS, catalogKeys } from "./cache-keys";
import { coverUrl, trackRecordOf, viewTracksOf } from "./track-view";
import { trackRowsById } from "./tracks-by-id";
import type { CatalogTrack, TrackRecord, Viewer } from "./track-view";
import { releaseKind, visibleTrack } from "./visibility";
import type { ReleaseKind } from "./visibility";

const TOP_TRACKS = 10;
/** Releases of each kind on the artist page; the rest come from `artistReleases`. */
export const ARTIST_PAGE_RELEASES = 12;

/** An artist as every listener sees it alike: what the cache keeps. */
interface ArtistRecord {
  id: string;
  name: string;
  bio: string | null;
  imageUrl: string | null;
  /** Most played first. */
  topTracks: TrackRecord[];
  albums: Page<AlbumSummary>;
  singles: Page<AlbumSummary>;
}

export interface ArtistView extends Omit<ArtistRecord, "topTracks"> {
  topTracks: CatalogTrack[];
  followerCount: number;
  /** The viewer follows this artist. */
  following: boolean;
}

/** The artist's most played visible tracks (plays = started listens), then the newest. */
async function topTrackIds(db: Db, artistId: string, now: Date): Promise<string[]> {
  // One counter row per track (track_play_count, kept by a trigger): the cost of this read
  // follows the artist's tracks, not their plays.
  const plays = sql`coalesce((select ${schema.trackPlayCount.plays} from ${schema.trackPlayCount}
    where ${schema.trackPlayCount.trackId} = ${schema.track.id}), 0)`;
  const rows = await db
    .select({ id: schema.track.id })
    .from(schema.trackArtist)
    .innerJoin(schema.track, eq(schema.track.id, schema.trackArtist.trackId))
    .where(and(eq(schema.trackArtist.artistId, artistId), visibleTrack(now)))
    .orderBy(
      desc(plays),
      sql`${schema.track.releaseDate} desc nulls last`,
      asc(schema.track.trackNumber),
      asc(schema.track.id),
    )
    .limit(TOP_TRACKS);
  return rows.map((r) => r.id);
}

async function topTracks(db: Db, artistId: string, now: Date): Promise<TrackRecord[]> {
  const ids = await topTrackIds(db, artistId, now);
  if (ids.length === 0) return [];
  const rows = await trackRowsById(db, ids);
  rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  return rows.map((row) => trackRecordOf(row, row.album));
}

/** An artist's albums or singles (see `releaseKind`), newest first; undated ones last. */
function artistReleases(
  db: Db,
  input: { artistId: string; kind: ReleaseKind; limit: number; cursor?: string | null | undefined },
  now = new Date(),
): Promise<Page<AlbumSummary>> {
  return albumsByRelease(db, {
    list: `artist:${input.artistId}:${input.kind}`,
    where: and(eq(schema.album.artistId, input.artistId), sql`${releaseKind(now)} = ${input.kind}`),
    limit: input.limit,
    cursor: input.cursor,
    undated: true,
  });
}

async function loadArtistRecord(db: Db, artistId: string, now: Date): Promise<ArtistRecord | null> {
  const artist = await db.query.artist.findFirst({ where: eq(schema.artist.id, artistId) });
  if (!artist) return null;
  const page = { artistId, limit: ARTIST_PAGE_RELEASES };
  const [tracks, albums, singles] = await Promise.all([
    topTracks(db, artistId, now),
    artistReleases(db, { ...page, kind: "album" }, now),
    artistReleases(db, { ...page, kind: "single" }, now),
  ]);
  // Nothing visible credited to them or released by them: they do not exist for listeners.
  if (tracks.length + albums.items.length + singles.items.length === 0) return null;
  const cover = [...albums.items, ...singles.items].map((album) => album.coverUrl).find(Boolean);
  return {
    id: artist.id,
    name: artist.name,
    bio: artist.bio,
    imageUrl: coverUrl({ coverPath: artist.imagePath }) ?? cover ?? tracks[0]?.facts.album.coverUrl ?? null,
    topTracks: tracks,
    albums,
    singles,
  };
}

function followerCount(db: Db, cache: Cache, artistId: string): Promise<number> {
  return cached(
    cache,
    catalogKeys.artistFollowers(artistId),
    CATALOG_TTL_SECONDS.artistFollowers,
    async () => {
      const [row] = await db
        .select({ n: count() })
        .from(schema.artistFollow)
        .where(eq(schema.artistFollow.artistId, artistId));
      return row?.n ?? 0;
    },
  );
}

async function isFollowing(db: Db, userId: string, artistId: string): Promise<boolean> {
  const rows = await db
    .select({ artistId: schema.artistFollow.artistId })
    .from(schema.artistFollow)
    .where(and(eq(schema.artistFollow.userId, userId), eq(schema.artistFollow.artistId, artistId)));
  return rows.length > 0;
}

/** The artist's shared record through the cache; NOT_FOUND unless they exist for listeners. */
async function visibleArtistRecord(db: Db, cache: Cache, artistId: string, now: Date): Promise<ArtistRecord> {
  const record = await cached(cache, catalogKeys.artist(artistId), CATALOG_TTL_SECONDS.artist, () =>
    loadArtistRecord(db, artistId, now),
  );
  if (!record) throw new AppError("NOT_FOUND", "Artist not found");
  return record;
}

export async function getArtist(
  { db, cache }: { db: Db; cache: Cache },
  artistId: string,
  viewer: Viewer,
  now = new Date(),
): Promise<ArtistView> {
  const [record, followers, following] = await Promise.all([
    visibleArtistRecord(db, cache, artistId, now),
    followerCount(db, cache, artistId),
    isFollowing(db, viewer.listener.userId, artistId),
  ]);
  return {
    ...record,
    topTracks: await viewTracksOf(db, record.topTracks, viewer, now),
    followerCount: followers,
    following,
  };
}

/** A page of an artist's albums or singles; the first page is the artist page's own. */
export async function listArtistReleases(
  { db, cache }: { db: Db; cache: Cache },
  input: { artistId: string; kind: ReleaseKind; limit: number; cursor?: string | null | undefined },
  now = new Date(),
): Promise<Page<AlbumSummary>> {
  const record = await visibleArtistRecord(db, cache, input.artistId, now);
  if (!input.cursor && input.limit === ARTIST_PAGE_RELEASES) {
    return input.kind === "album" ? record.albums : record.singles;
  }
  return artistReleases(db, input, now);
}
