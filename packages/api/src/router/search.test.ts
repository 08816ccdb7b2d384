import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { recordPublishedTrack, retireTracks } from "@cadence/domain/catalog";

import { failureOf, insertAlbum, publishedTrack } from "../catalog-fixtures";
import type { Session } from "../context";
import { createListener, createTestStack, stacks, trpcRequest, UNLIMITED } from "../testing";
import type { TestStack } from "../testing";

/** A word no other test's catalog contains, so each test finds only its own rows. */
const word = () => `zq${randomBytes(4).toString("hex").replace(/\d/g, "x")}`;

const published = (title: string, artist: string, album: string) => publishedTrack({ title, artist, album });

describe.each(stacks)("search on $name", (stackConfig) => {
  let stack: TestStack;
  let me: Session;
  let other: Session;
  const find = (
    who: Session,
    query: string,
    more: { kinds?: ("track" | "artist" | "album" | "playlist" | "profile")[] } = {},
  ) => stack.caller(who).search.search({ query, ...more });

  beforeAll(async () => {
    stack = await createTestStack(stackConfig, { requestLimits: UNLIMITED });
    me = await createListener(stack.db, "Searcher");
    other = await createListener(stack.db, "Other");
  });
  afterAll(() => stack.close());

  it("finds what ingest publishes, and stops finding what it retires", async () => {
    const name = word();
    const track = published(`${name} anthem`, `${name} collective`, `${name} sessions`);
    await recordPublishedTrack(stack.db, track, stack.cache);
    const found = await find(me, name);
    expect(found.tracks.items.map((t) => t.id)).toEqual([track.trackId]);
    // Playable straight from the result: a signed stream comes with it.
    expect(found.tracks.items[0]).toMatchObject({ playable: true, liked: false });
    expect(found.tracks.items[0]?.stream).not.toBeNull();
    expect(found.artists.items.map((a) => a.name)).toEqual([`${name} collective`]);
    expect(found.albums.items.map((a) => a.title)).toEqual([`${name} sessions`]);

    await retireTracks(stack.db, [track.trackId], stack.cache);
    const after = await find(me, name);
    expect(after.tracks.items).toEqual([]);
    // An album and artist with no track left are no longer found either.
    expect(after.albums.items).toEqual([]);
    expect(after.artists.items).toEqual([]);
  });

  it("ranks by likes as they happen: the liked namesake comes first", async () => {
    const name = word();
    const a = published(name, `first ${word()}`, `album ${word()}`);
    const b = published(name, `second ${word()}`, `album ${word()}`);
    await recordPublishedTrack(stack.db, a, stack.cache);
    await recordPublishedTrack(stack.db, b, stack.cache);
    const fans = await Promise.all([1, 2, 3].map(() => createListener(stack.db, "Fan")));
    for (const fan of fans) await stack.caller(fan).library.likeTrack({ trackId: b.trackId, liked: true });
    expect((await find(me, name, { kinds: ["track"] })).tracks.items[0]?.id).toBe(b.trackId);
    for (const fan of fans) {
      await stack.caller(fan).library.likeTrack({ trackId: b.trackId, liked: false });
      await stack.caller(fan).library.likeTrack({ trackId: a.trackId, liked: true });
    }
    expect((await find(me, name, { kinds: ["track"] })).tracks.items[0]?.id).toBe(a.trackId);
  });

  it("follows playlists: private ones only for owner and editors, renamed and deleted ones at once", async () => {
    const name = word();
    const mine = stack.caller(me).playlist;
    const { id } = await mine.create({ name: `${name} mix`, isPublic: false });
    const names = async (who: Session, query: string) =>
      (await find(who, query, { kinds: ["playlist"] })).playlists.items.map((p) => p.id);
    expect(await names(me, name)).toEqual([id]);
    expect(await names(other, name)).toEqual([]);

    // An editor finds it; once removed, no longer.
    const { username } = (await stack.caller(other).user.me()).profile;
    await mine.addCollaborator({ id, username });
    expect(await names(other, name)).toEqual([id]);
    await mine.removeCollaborator({ id, userId: other.user.id });
    expect(await names(other, name)).toEqual([]);

    const { version } = await mine.get({ id });
    const renamed = word();
    const next = await mine.update({ id, version, isPublic: true, name: `${renamed} mix` });
    expect(await names(other, renamed)).toEqual([id]);
    expect(await names(other, name)).toEqual([]);
    await mine.update({ id, version: next.version, isPublic: false });
    expect(await names(other, renamed)).toEqual([]);
    await mine.delete({ id });
    expect(await names(me, renamed)).toEqual([]);
  });

  it("finds listeners by display name as it changes, and forgets a deleted account", async () => {
    const person = await createListener(stack.db, `${word()} Person`);
    const profiles = async (query: string) =>
      (await find(me, query, { kinds: ["profile"] })).profiles.items.map((p) => p.id);
    const renamed = word();
    await stack.caller(person).user.updateProfile({ displayName: `${renamed} Person` });
    expect(await profiles(renamed)).toEqual([person.user.id]);
    await stack.caller(person).user.deleteAccount({});
    expect(await profiles(renamed)).toEqual([]);
  });

  it("pages one kind with a cursor that belongs to that search alone", async () => {
    const name = word();
    await insertAlbum(stack.db, { title: `${name} box set`, tracks: 7 });
    // insertAlbum writes rows directly, as no ingest would: index them as a write would.
    const { reindex } = await import("@cadence/search");
    const { rowsOf, sql } = await import("@cadence/db");
    const ids = await rowsOf<{ id: string }>(
      stack.db,
      sql`select t.id from track t join album al on al.id = t.album_id where al.title = ${`${name} box set`}`,
    );
    await reindex(
      stack.db,
      "track",
      ids.map((r) => r.id),
    );
    const caller = stack.caller(me).search;
    const first = await caller.search({ query: name, kinds: ["track"], limit: 3 });
    expect(first.tracks.items).toHaveLength(3);
    const second = await caller.search({
      query: name,
      kinds: ["track"],
      limit: 3,
      cursor: first.tracks.nextCursor,
    });
    const third = await caller.search({
      query: name,
      kinds: ["track"],
      limit: 3,
      cursor: second.tracks.nextCursor,
    });
    const all = [...first.tracks.items, ...second.tracks.items, ...third.tracks.items].map((t) => t.id);
    expect(new Set(all).size).toBe(7);
    expect(third.tracks.nextCursor).toBeNull();
    // The cursor of one search does not page another.
    const misuse = await failureOf(
      caller.search({ query: `${name} other`, kinds: ["track"], cursor: first.tracks.nextCursor }),
    );
    expect(misuse.code).toBe("BAD_REQUEST");
  });

  it("answers an empty query with genres to browse", async () => {
    await insertAlbum(stack.db, { genre: `Genre ${word()}`, tracks: 1 });
    const results = await find(me, "   ");
    expect(results.categories.length).toBeGreaterThan(0);
    expect(results.tracks.items).toEqual([]);
    expect(results.top).toBeNull();
  });

  it("answers strange input with a field error or no results, never a 500", async () => {
    const cases: { input: Record<string, unknown>; status: number }[] = [
      { input: { query: "x".repeat(201) }, status: 400 },
      { input: { query: "nul\u0000byte" }, status: 400 },
      { input: { query: "\ud800broken" }, status: 400 },
      { input: { query: 42 }, status: 400 },
      { input: { query: "a", kinds: ["song"] }, status: 400 },
      { input: { query: "a", year: 1200 }, status: 400 },
      { input: { query: "a", cursor: "not-a-cursor" }, status: 400 },
      { input: { query: "!!! ??? ***" }, status: 200 },
      { input: { query: "' or 1=1 --" }, status: 200 },
      { input: { query: "a & b | !c:* <-> (d)" }, status: 200 },
      { input: { query: "%_\\" }, status: 200 },
      { input: { query: "🎵🎶" }, status: 200 },
      { input: { query: "word ".repeat(40) }, status: 200 },
    ];
    for (const { input, status } of cases) {
      const response = await stack.http(trpcRequest("GET", "search.search", input), me);
      expect({ input, status: response.status }).toEqual({ input, status });
      if (status === 400) {
        const body = (await response.json()) as { error: { json: { data: { fieldErrors?: unknown } } } };
        expect(JSON.stringify(body.error.json.data)).toMatch(/query|kinds|year|cursor/);
      }
    }
  });

  it("keeps recent searches per listener, newest first, removable", async () => {
    const caller = stack.caller(me).search;
    await caller.clearRecent();
    await caller.remember({ query: "first" });
    const second = await caller.remember({ query: "second" });
    await caller.remember({ query: "first" });
    expect((await caller.recent()).map((r) => r.query)).toEqual(["first", "second"]);
    expect(await stack.caller(other).search.recent()).toEqual([]);
    expect((await failureOf(stack.caller(other).search.forget({ id: second.id }))).code).toBe("NOT_FOUND");
    await caller.forget({ id: second.id });
    expect((await caller.recent()).map((r) => r.query)).toEqual(["first"]);
    for (let i = 0; i < 25; i++) await caller.remember({ query: `query ${i}` });
    const kept = await caller.recent();
    expect(kept).toHaveLength(20);
    expect(kept[0]?.query).toBe("query 24");
    await caller.clearRecent();
    expect(await caller.recent()).toEqual([]);
  });
});
