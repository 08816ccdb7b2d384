import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { schema } from "@cadence/db";
import { catalogKeys } from "@cadence/domain/catalog";

import {
  allPages,
  failureOf,
  insertAlbum,
  insertArtist,
  insertPlays,
  signUpListener,
} from "../catalog-fixtures";
import type { Session } from "../context";
import { createTestStack, errorOf, stacks, trpcRequest } from "../testing";
import type { TestStack } from "../testing";

const DAY = 86_400_000;

/** Newest release first, undated last, id descending among equals. */
function releaseOrder(
  a: { releaseDate: string | null; id: string },
  b: { releaseDate: string | null; id: string },
) {
  if (a.releaseDate !== b.releaseDate) {
    if (a.releaseDate === null) return 1;
    if (b.releaseDate === null) return -1;
    return a.releaseDate < b.releaseDate ? 1 : -1;
  }
  return a.id < b.id ? 1 : -1;
}

describe.each(stacks)("artists on $name", (stackConfig) => {
  let stack: TestStack;
  let listener: Session;
  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
    listener = await signUpListener(stack);
  });
  afterAll(() => stack.close());

  it("splits albums from singles, counts followers and says whether the viewer follows", async () => {
    const artistId = await insertArtist(stack.db);
    const album = await insertAlbum(stack.db, { artistId, releaseDate: "2020-01-01", tracks: 5 });
    const single = await insertAlbum(stack.db, { artistId, releaseDate: "2022-05-05", tracks: 1 });
    // Four tracks, one not out yet: three visible and short, so a single for now.
    const ep = await insertAlbum(stack.db, {
      artistId,
      releaseDate: "2023-01-01",
      tracks: [{}, {}, {}, { availableFrom: new Date(Date.now() + DAY) }],
    });
    const unreleased = await insertAlbum(stack.db, {
      artistId,
      tracks: [{ availableFrom: new Date(Date.now() + DAY) }],
    });
    const fans = [await signUpListener(stack), await signUpListener(stack)];
    await stack.db.insert(schema.artistFollow).values(fans.map((fan) => ({ userId: fan.user.id, artistId })));

    const seen = await stack.caller(listener).catalog.artist({ id: artistId });
    expect(seen.albums.items.map((a) => a.id)).toEqual([album.albumId]);
    expect(seen.singles.items.map((a) => a.id)).toEqual([ep.albumId, single.albumId]);
    expect([...seen.albums.items, ...seen.singles.items].map((a) => a.id)).not.toContain(unreleased.albumId);
    expect(seen).toMatchObject({ followerCount: 2, following: false });
    expect(seen.imageUrl).toMatch(/^\/api\/covers\//);
    const fan = await stack.caller(fans[0]).catalog.artist({ id: artistId });
    expect(fan).toMatchObject({ followerCount: 2, following: true });
  });

  it("orders popular tracks by plays, leaving out what is not released", async () => {
    const artistId = await insertArtist(stack.db);
    const { trackIds } = await insertAlbum(stack.db, {
      artistId,
      tracks: [{}, {}, {}, { availableFrom: new Date(Date.now() + DAY) }],
    });
    const [a = "", b = "", c = "", hidden = ""] = trackIds;
    const at = new Date();
    await insertPlays(stack.db, listener.user.id, [
      ...[c, c, c, a, a, hidden, hidden, hidden, hidden].map((trackId) => ({ trackId, at })),
    ]);
    const { topTracks } = await stack.caller(listener).catalog.artist({ id: artistId });
    expect(topTracks.map((t) => t.id)).toEqual([c, a, b]);
  });

  it("pages through an artist's singles: each once, newest first, undated last, ties by id", async () => {
    const artistId = await insertArtist(stack.db);
    const dates = ["2024-02-02", "2024-02-02", "2024-02-02", "2021-07-01", null, null];
    const made = [];
    for (let i = 0; i < 30; i++) {
      made.push(await insertAlbum(stack.db, { artistId, releaseDate: dates[i % dates.length], tracks: 1 }));
    }
    await insertAlbum(stack.db, { artistId, tracks: 4 });
    const { items, pages } = await allPages((cursor) =>
      stack.caller(listener).catalog.artistReleases({ id: artistId, kind: "single", limit: 7, cursor }),
    );
    expect(pages).toBe(5);
    expect(items.map((a) => a.id).sort()).toEqual(made.map((m) => m.albumId).sort());
    expect(items).toEqual([...items].sort(releaseOrder));
    // The artist page's first page is the same as the list's.
    const page = await stack.caller(listener).catalog.artist({ id: artistId });
    const first = await stack.caller(listener).catalog.artistReleases({ id: artistId, kind: "single" });
    expect(page.singles).toEqual(first);
    expect(page.singles.items).toEqual(items.slice(0, 12));
  });

  it("refuses a cursor it did not make, or made for another list, naming the field", async () => {
    const artistId = await insertArtist(stack.db);
    for (let i = 0; i < 3; i++)
      await insertAlbum(stack.db, { artistId, releaseDate: "2020-01-01", tracks: 1 });
    const caller = stack.caller(listener);
    const { nextCursor } = await caller.catalog.artistReleases({ id: artistId, kind: "single", limit: 1 });
    expect(nextCursor).toBeTruthy();
    const elsewhere = await caller.catalog.newReleases({ limit: 1 });
    for (const cursor of ["garbage", "e30", elsewhere.nextCursor ?? "x", "a".repeat(600), "not base64!"]) {
      const error = await failureOf(caller.catalog.artistReleases({ id: artistId, kind: "single", cursor }));
      expect(error.code, cursor).toBe("BAD_REQUEST");
      expect(error.message, cursor).toMatch(/list position is not valid/);
    }
    // The singles' cursor is no good for the albums.
    const crossed = caller.catalog.artistReleases({ id: artistId, kind: "album", cursor: nextCursor });
    expect((await failureOf(crossed)).code).toBe("BAD_REQUEST");
    const response = await stack.http(
      trpcRequest("GET", "catalog.artistReleases", {
        id: artistId,
        kind: "single",
        cursor: "bm90IGEgY3Vyc29y",
      }),
      listener,
    );
    expect(response.status).toBe(400);
    expect((await errorOf(response)).data.fieldErrors).toHaveProperty("cursor");
  });

  it("hides an artist with nothing visible, and refuses unknown and malformed ids", async () => {
    const hiddenArtist = await insertArtist(stack.db);
    await insertAlbum(stack.db, {
      artistId: hiddenArtist,
      tracks: [{ availableFrom: new Date(Date.now() + DAY) }, { retiredAt: new Date() }],
    });
    const caller = stack.caller(listener);
    for (const id of [hiddenArtist, randomUUID()]) {
      expect((await failureOf(caller.catalog.artist({ id }))).code).toBe("NOT_FOUND");
      expect((await failureOf(caller.catalog.artistReleases({ id, kind: "album" }))).code).toBe("NOT_FOUND");
    }
    expect((await failureOf(caller.catalog.artist({ id: "x" }))).code).toBe("BAD_REQUEST");
  });

  it("keeps the follower count apart from the cached artist, so dropping it is enough", async () => {
    const { artistId } = await insertAlbum(stack.db, { tracks: 2 });
    expect((await stack.caller(listener).catalog.artist({ id: artistId })).followerCount).toBe(0);
    await stack.db.insert(schema.artistFollow).values({ userId: listener.user.id, artistId });
    await stack.cache.del(catalogKeys.artistFollowers(artistId));
    const seen = await stack.caller(listener).catalog.artist({ id: artistId });
    expect(seen).toMatchObject({ followerCount: 1, following: true });
  });
});
