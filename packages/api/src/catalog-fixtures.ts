import { randomBytes, randomUUID } from "node:crypto";

import { TRPCError } from "@trpc/server";

import { schema } from "@cadence/db";
import type { Db } from "@cadence/db";
import type { PublishedTrack } from "@cadence/domain/catalog";

import type { Session } from "./context";
import type { TestStack } from "./testing";

/** Catalog rows as ingest leaves them, shaped by the test: artists, albums and their tracks. */

export interface TrackSpec {
  durationMs?: number;
  availableFrom?: Date | null;
  retiredAt?: Date | null;
  /** Credited artists; the album artist when absent. */
  artistIds?: string[];
}

export interface AlbumSpec {
  artistId?: string;
  title?: string;
  releaseDate?: string | null;
  genre?: string | null;
  label?: string | null;
  createdAt?: Date;
  /** A count of plain three-minute tracks, or each track spelled out. */
  tracks: number | TrackSpec[];
}

const tag = () => randomBytes(4).toString("hex");

export async function insertArtist(db: Db, name = `Artist ${tag()}`): Promise<string> {
  const [row] = await db
    .insert(schema.artist)
    .values({ name, nameKey: `${name.toLowerCase()} ${tag()}` })
    .returning({ id: schema.artist.id });
  if (!row) throw new Error("no artist inserted");
  return row.id;
}

export async function insertAlbum(
  db: Db,
  spec: AlbumSpec,
): Promise<{ albumId: string; artistId: string; trackIds: string[] }> {
  const artistId = spec.artistId ?? (await insertArtist(db));
  const title = spec.title ?? `Album ${tag()}`;
  const [album] = await db
    .insert(schema.album)
    .values({
      title,
      albumKey: `${title.toLowerCase()} ${tag()}`,
      artistId,
      releaseDate: spec.releaseDate ?? null,
      genre: spec.genre ?? null,
      label: spec.label ?? null,
      coverPath: `covers/${tag()}.jpg`,
      ...(spec.createdAt ? { createdAt: spec.createdAt } : {}),
    })
    .returning({ id: schema.album.id });
  if (!album) throw new Error("no album inserted");
  const tracks: TrackSpec[] =
    typeof spec.tracks === "number" ? Array.from({ length: spec.tracks }, () => ({})) : spec.tracks;
  const trackIds: string[] = [];
  for (const [index, track] of tracks.entries()) {
    const id = randomUUID();
    await db.insert(schema.track).values({
      id,
      title: `Track ${index + 1} ${tag()}`,
      albumId: album.id,
      trackNumber: index + 1,
      durationMs: track.durationMs ?? 180_000,
      availableFrom: track.availableFrom ?? null,
      retiredAt: track.retiredAt ?? null,
      masterPath: `tracks/${id}/v1/master.m3u8`,
    });
    const credited = track.artistIds ?? [artistId];
    await db
      .insert(schema.trackArtist)
      .values(credited.map((credit, position) => ({ trackId: id, artistId: credit, position })));
    trackIds.push(id);
  }
  return { albumId: album.id, artistId, trackIds };
}

/** Started plays of tracks by a listener, at the given instants. */
export async function insertPlays(db: Db, userId: string, plays: { trackId: string; at: Date }[]) {
  if (plays.length === 0) return;
  await db.insert(schema.listeningEvent).values(
    plays.map((play) => ({
      userId,
      trackId: play.trackId,
      kind: "start" as const,
      playbackId: randomUUID(),
      occurredAt: play.at,
    })),
  );
}

/** Every page of a list, following cursors to the end (with a bound, should one loop). */
export async function allPages<T>(
  read: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 1; pages <= 1000; pages++) {
    const page = await read(cursor);
    items.push(...page.items);
    if (!page.nextCursor) return { items, pages };
    cursor = page.nextCursor;
  }
  throw new Error("the list never ended");
}

/** A fresh listener account on the stack, as a session. */
export async function signUpListener(stack: TestStack): Promise<Session> {
  const email = `c-${randomBytes(4).toString("hex")}@example.com`;
  const { id } = await stack
    .caller()
    .auth.signUp({ email, password: "a long listening phrase", displayName: "C" });
  return { user: { id, email, role: "listener" } };
}

/** The tRPC error a call fails with (the test fails if it succeeds). */
export async function failureOf(call: Promise<unknown>): Promise<TRPCError> {
  const outcome = await call.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof TRPCError)) throw new Error(`expected a tRPC error, got ${String(outcome)}`);
  return outcome;
}

/** A track as ingest publishes it (tags, a one-rendition encoding), for tests of what ingest writes. */
export function publishedTrack(
  tags: Partial<Pick<PublishedTrack, "title" | "album" | "label" | "genre">> & { artist?: string } = {},
): PublishedTrack {
  const trackId = randomUUID();
  const artist = tags.artist ?? "Ingest Artist";
  return {
    trackId,
    isNew: true,
    sourcePath: `/music/${trackId}.flac`,
    sourceHash: trackId,
    title: tags.title ?? `Track ${tag()}`,
    artists: [artist],
    albumArtist: artist,
    album: tags.album ?? `Album ${tag()}`,
    releaseDate: "2020-07-31",
    genre: tags.genre ?? "Chiptune",
    label: tags.label ?? null,
    trackNumber: 1,
    discNumber: 1,
    durationMs: 60_000,
    explicit: false,
    isrc: null,
    loudness: null,
    masterKey: `tracks/${trackId}/v1/master.m3u8`,
    renditions: [
      {
        bitrateKbps: 128,
        codecs: "mp4a.40.2",
        pathPrefix: `tracks/${trackId}/v1/128k/`,
        segmentCount: 1,
        sizeBytes: 1,
      },
    ],
    contentKey: Buffer.alloc(16),
    coverKey: null,
  };
}
