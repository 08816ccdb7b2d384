import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { and, eq, schema, sql } from "@cadence/db";

import { failureOf, signUpListener } from "../library-testing";
import type { Session } from "../context";
import { createTestStack, insertTrack, stacks } from "../testing";
import type { TestStack } from "../testing";

const HOUR = 3_600_000;

describe.each(stacks)("likes on $name", (stackConfig) => {
  let stack: TestStack;
  let me: Session;
  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
    me = await signUpListener(stack, "Liker");
  });
  afterAll(() => stack.close());

  const likeRows = async (userId: string, trackId: string) =>
    stack.db
      .select()
      .from(schema.trackLike)
      .where(and(eq(schema.trackLike.userId, userId), eq(schema.trackLike.trackId, trackId)));

  it("likes and unlikes a track, idempotently, and every list shows it for that listener only", async () => {
    const { trackId, albumId } = await insertTrack(stack.db);
    const api = stack.caller(me);
    expect(await api.library.likeTrack({ trackId, liked: true })).toEqual({ liked: true });
    const [first] = await likeRows(me.user.id, trackId);
    // A second like changes nothing, not even the time it was liked.
    expect(await api.library.likeTrack({ trackId, liked: true })).toEqual({ liked: true });
    expect(await likeRows(me.user.id, trackId)).toEqual([first]);

    expect((await api.catalog.album({ id: albumId })).tracks.map((t) => t.liked)).toEqual([true]);
    const liked = await api.library.likedTracks({});
    expect(liked.items.map((i) => [i.track.id, i.track.liked])).toContainEqual([trackId, true]);
    const other = await signUpListener(stack);
    expect((await stack.caller(other).catalog.album({ id: albumId })).tracks[0]?.liked).toBe(false);
    expect((await stack.caller(other).library.likedTracks({})).total).toBe(0);

    expect(await api.library.likeTrack({ trackId, liked: false })).toEqual({ liked: false });
    expect(await api.library.likeTrack({ trackId, liked: false })).toEqual({ liked: false });
    expect(await likeRows(me.user.id, trackId)).toEqual([]);
    expect((await api.catalog.album({ id: albumId })).tracks[0]?.liked).toBe(false);
  });

  it("marks the liked ones among an artist's top tracks", async () => {
    const { trackId } = await insertTrack(stack.db);
    const [row] = await stack.db
      .select({ artistId: schema.trackArtist.artistId })
      .from(schema.trackArtist)
      .where(eq(schema.trackArtist.trackId, trackId));
    const api = stack.caller(me);
    await api.library.likeTrack({ trackId, liked: true });
    const artist = await api.catalog.artist({ id: row?.artistId ?? "" });
    expect(artist.topTracks.map((t) => [t.id, t.liked])).toEqual([[trackId, true]]);
  });

  it("likes only tracks a listener can see: unknown, retired and unreleased ones are NOT_FOUND on trackId", async () => {
    const api = stack.caller(me);
    const retired = await insertTrack(stack.db, { retiredAt: new Date() });
    const unreleased = await insertTrack(stack.db, { availableFrom: new Date(Date.now() + 24 * HOUR) });
    for (const trackId of [randomUUID(), retired.trackId, unreleased.trackId]) {
      expect(await failureOf(api.library.likeTrack({ trackId, liked: true }))).toMatchObject({
        code: "NOT_FOUND",
        field: "trackId",
      });
      expect(await likeRows(me.user.id, trackId)).toEqual([]);
    }
    // Unliking something unknown is an error too, not a silent success.
    expect(await failureOf(api.library.likeTrack({ trackId: randomUUID(), liked: false }))).toMatchObject({
      code: "NOT_FOUND",
      field: "trackId",
    });
    expect(await failureOf(api.library.likeTrack({ trackId: "x", liked: true }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "trackId",
    });
    expect(
      await failureOf(stack.caller().library.likeTrack({ trackId: randomUUID(), liked: true })),
    ).toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("leaves a track retired after it was liked out of Liked Songs, and still lets it be unliked", async () => {
    const listener = await signUpListener(stack);
    const api = stack.caller(listener);
    const { trackId } = await insertTrack(stack.db);
    await api.library.likeTrack({ trackId, liked: true });
    expect((await api.library.likedTracks({})).total).toBe(1);
    await stack.db.update(schema.track).set({ retiredAt: new Date() }).where(eq(schema.track.id, trackId));
    expect(await api.library.likedTracks({})).toEqual({ items: [], nextCursor: null, total: 0 });
    expect(await api.library.likeTrack({ trackId, liked: false })).toEqual({ liked: false });
    expect(await likeRows(listener.user.id, trackId)).toEqual([]);
  });

  it("pages Liked Songs newest first, every track exactly once, even with likes in the same instant", async () => {
    const listener = await signUpListener(stack);
    const api = stack.caller(listener);
    const tracks = await Promise.all(Array.from({ length: 7 }, () => insertTrack(stack.db)));
    // Three share one instant; three fall within one millisecond, so a page ending on one of them
    // needs a cursor finer than a JavaScript Date.
    const times = ["00.000000", "00.000000", "00.000000", "01.000000", "04.000100", "04.000300", "04.000600"];
    await stack.db.insert(schema.trackLike).values(
      tracks.map((t, i) => ({
        userId: listener.user.id,
        trackId: t.trackId,
        likedAt: sql`${`2026-05-01T10:00:${times[i]}Z`}::timestamptz`,
      })),
    );
    const seen: string[] = [];
    const totals: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await api.library.likedTracks({ limit: 2, ...(cursor ? { cursor } : {}) });
      totals.push(page.total);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.track.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
      // A like arriving mid-way goes to the top and shifts nothing already listed.
      if (pages === 2)
        await api.library.likeTrack({ trackId: (await insertTrack(stack.db)).trackId, liked: true });
    } while (cursor);
    expect(totals).toEqual([7, 7, 8, 8]);
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(0, 4)).toEqual([6, 5, 4, 3].map((i) => tracks[i]?.trackId));
    expect(new Set(seen.slice(4))).toEqual(new Set(tracks.slice(0, 3).map((t) => t.trackId)));
  });

  it("refuses a cursor it did not hand out, naming the field", async () => {
    const api = stack.caller(me);
    for (const cursor of [
      "nonsense",
      Buffer.from(JSON.stringify(["2026-02-30T00:00:00.000000Z", randomUUID()])).toString("base64url"),
      Buffer.from(JSON.stringify(["2026-01-01T00:00:00.000000Z", "not-a-uuid"])).toString("base64url"),
      Buffer.from(JSON.stringify(["2026-01-01T00:00:00.000000Z"])).toString("base64url"),
    ]) {
      expect(await failureOf(api.library.likedTracks({ cursor }))).toMatchObject({
        code: "BAD_REQUEST",
        field: "cursor",
      });
    }
    expect(await failureOf(api.library.likedTracks({ cursor: "a b" }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "cursor",
    });
    // As tRPC's infinite queries send it: the first page with a null cursor, the direction.
    expect((await api.library.likedTracks({ cursor: null, direction: "forward" })).items).toBeInstanceOf(
      Array,
    );
    expect(await failureOf(api.library.likedTracks({ direction: "backward" as "forward" }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "direction",
    });
    expect(await failureOf(api.library.likedTracks({ limit: 1000 }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "limit",
    });
  });
});
