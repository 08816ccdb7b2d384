import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { eq, schema } from "@cadence/db";
import { recordPublishedTrack, retireTracks } from "@cadence/domain/catalog";

import { failureOf, insertAlbum, publishedTrack, signUpListener } from "../catalog-fixtures";
import type { Session } from "../context";
import { createTestStack, stacks } from "../testing";
import type { TestStack } from "../testing";

const DAY = 86_400_000;

describe.each(stacks)("albums and tracks on $name", (stackConfig) => {
  let stack: TestStack;
  let listener: Session;
  let other: Session;
  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
    listener = await signUpListener(stack);
    other = await signUpListener(stack);
  });
  afterAll(() => stack.close());

  it("shows an album's visible tracks, length, full release date, label and kind", async () => {
    const future = new Date(Date.now() + DAY);
    const { albumId, trackIds } = await insertAlbum(stack.db, {
      releaseDate: "2021-03-19",
      genre: "Techno",
      label: "Gridline Records",
      tracks: [
        { durationMs: 200_000 },
        { durationMs: 100_000, availableFrom: future },
        { durationMs: 300_000, retiredAt: new Date() },
        { durationMs: 150_000 },
        { durationMs: 250_000 },
        { durationMs: 50_000 },
      ],
    });
    const album = await stack.caller(listener).catalog.album({ id: albumId });
    expect(album.tracks.map((t) => t.id)).toEqual([trackIds[0], trackIds[3], trackIds[4], trackIds[5]]);
    expect(album).toMatchObject({
      releaseDate: "2021-03-19",
      releaseYear: 2021,
      label: "Gridline Records",
      genre: "Techno",
      trackCount: 4,
      durationMs: 650_000,
      kind: "album",
      saved: false,
    });
  });

  it("calls a short release of at most three tracks a single, a long one an album", async () => {
    const single = await insertAlbum(stack.db, {
      tracks: [{ durationMs: 200_000 }, { durationMs: 220_000 }],
    });
    const long = await insertAlbum(stack.db, {
      tracks: [{ durationMs: 1_200_000 }, { durationMs: 700_000 }],
    });
    const caller = stack.caller(listener);
    expect((await caller.catalog.album({ id: single.albumId })).kind).toBe("single");
    expect((await caller.catalog.album({ id: long.albumId })).kind).toBe("album");
  });

  it("says whether the viewer saved the album, per viewer, though the album is cached", async () => {
    const { albumId } = await insertAlbum(stack.db, { tracks: 2 });
    expect((await stack.caller(listener).catalog.album({ id: albumId })).saved).toBe(false);
    await stack.db.insert(schema.savedAlbum).values({ userId: listener.user.id, albumId });
    expect((await stack.caller(listener).catalog.album({ id: albumId })).saved).toBe(true);
    expect((await stack.caller(other).catalog.album({ id: albumId })).saved).toBe(false);
  });

  it("serves the album from the cache, and drops it when ingest retires a track", async () => {
    const { albumId, trackIds } = await insertAlbum(stack.db, { label: "Before", tracks: 3 });
    expect((await stack.caller(listener).catalog.album({ id: albumId })).label).toBe("Before");
    await stack.db.update(schema.album).set({ label: "After" }).where(eq(schema.album.id, albumId));
    // Cached: the direct write is not seen yet.
    expect((await stack.caller(listener).catalog.album({ id: albumId })).label).toBe("Before");
    await retireTracks(stack.db, [trackIds[0] ?? ""], stack.cache);
    const fresh = await stack.caller(listener).catalog.album({ id: albumId });
    expect(fresh.label).toBe("After");
    expect(fresh.tracks.map((t) => t.id)).toEqual(trackIds.slice(1));
  });

  it("drops the cached album when ingest records another of its tracks, label included", async () => {
    const album = `Ingested ${randomUUID()}`;
    const published = (title: string, label: string | null) => publishedTrack({ title, album, label });
    const first = published("One", null);
    await recordPublishedTrack(stack.db, first, stack.cache);
    const [row] = await stack.db
      .select({ albumId: schema.track.albumId })
      .from(schema.track)
      .where(eq(schema.track.id, first.trackId));
    const id = row?.albumId ?? "";
    expect(await stack.caller(listener).catalog.album({ id })).toMatchObject({ label: null, trackCount: 1 });
    await recordPublishedTrack(stack.db, published("Two", "Save Point Sound"), stack.cache);
    const after = await stack.caller(listener).catalog.album({ id });
    expect(after).toMatchObject({ label: "Save Point Sound", trackCount: 2, releaseDate: "2020-07-31" });
  });

  it("shows a cached album's track the moment it is released", async () => {
    const soon = new Date(Date.now() + 1500);
    const { albumId, trackIds } = await insertAlbum(stack.db, { tracks: [{}, { availableFrom: soon }] });
    expect((await stack.caller(listener).catalog.album({ id: albumId })).tracks).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, soon.getTime() - Date.now() + 50));
    const after = await stack.caller(listener).catalog.album({ id: albumId });
    expect(after.tracks.map((t) => t.id)).toEqual(trackIds);
  });

  it("hides an album with nothing visible, and refuses unknown and malformed ids", async () => {
    const unreleased = await insertAlbum(stack.db, {
      tracks: [{ availableFrom: new Date(Date.now() + DAY) }],
    });
    const retired = await insertAlbum(stack.db, { tracks: [{ retiredAt: new Date() }] });
    const caller = stack.caller(listener);
    for (const id of [unreleased.albumId, retired.albumId, randomUUID()]) {
      expect((await failureOf(caller.catalog.album({ id }))).code).toBe("NOT_FOUND");
    }
    expect((await failureOf(caller.catalog.album({ id: "nope" }))).code).toBe("BAD_REQUEST");
    expect((await failureOf(stack.caller().catalog.album({ id: unreleased.albumId }))).code).toBe(
      "UNAUTHORIZED",
    );
  });

  it("shows a track with its album and the rest of the album", async () => {
    const { albumId, trackIds } = await insertAlbum(stack.db, {
      releaseDate: "2019-06-14",
      label: "Tidewater Tapes",
      tracks: [{}, {}, { availableFrom: new Date(Date.now() + DAY) }, {}],
    });
    const view = await stack.caller(listener).catalog.track({ id: trackIds[1] ?? "" });
    expect(view.track).toMatchObject({ id: trackIds[1], playable: true, album: { id: albumId } });
    expect(view.track.stream?.url).toContain(`/api/stream/${trackIds[1]}/`);
    expect(view.album).toMatchObject({ id: albumId, releaseDate: "2019-06-14", label: "Tidewater Tapes" });
    expect(view.moreFromAlbum.map((t) => t.id)).toEqual([trackIds[0], trackIds[3]]);
  });

  it("hides unreleased and retired tracks, and refuses unknown and malformed track ids", async () => {
    const { trackIds } = await insertAlbum(stack.db, {
      tracks: [{}, { availableFrom: new Date(Date.now() + DAY) }, { retiredAt: new Date() }],
    });
    const caller = stack.caller(listener);
    for (const id of [trackIds[1] ?? "", trackIds[2] ?? "", randomUUID()]) {
      expect((await failureOf(caller.catalog.track({ id }))).code).toBe("NOT_FOUND");
    }
    expect((await failureOf(caller.catalog.track({ id: "1 or 1=1" }))).code).toBe("BAD_REQUEST");
  });
});
