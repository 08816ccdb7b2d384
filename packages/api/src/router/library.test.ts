import { randomBytes, randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { eq, schema } from "@cadence/db";

import { failureOf, insertPlaylist, signUpListener } from "../library-testing";
import type { Session } from "../context";
import { createTestStack, insertTrack, stacks } from "../testing";
import type { TestStack } from "../testing";

type Api = ReturnType<TestStack["caller"]>;
type EntriesInput = Parameters<Api["library"]["entries"]>[0];

/** Every entry of the library, page by page: each page's size is checked, and the ids in order. */
async function allEntries(api: Api, input: EntriesInput, limit: number) {
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.library.entries({ ...input, limit, ...(cursor ? { cursor } : {}) });
    const pinned = page.items.filter((e) => e.kind === "liked").length;
    expect(page.items.length - pinned).toBeLessThanOrEqual(limit);
    names.push(...page.items.map((e) => `${e.kind}:${e.name}`));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return names;
}

async function artistOf(stack: TestStack, albumId: string) {
  const [row] = await stack.db
    .select({ artistId: schema.album.artistId })
    .from(schema.album)
    .where(eq(schema.album.id, albumId));
  return row?.artistId ?? "";
}

describe.each(stacks)("the library on $name", (stackConfig) => {
  let stack: TestStack;
  let me: Session;
  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
    me = await signUpListener(stack, "Collector");
  });
  afterAll(() => stack.close());

  it("saves and unsaves an album, idempotently; only albums a listener can see", async () => {
    const api = stack.caller(me);
    const { albumId } = await insertTrack(stack.db);
    expect(await api.library.isAlbumSaved({ albumId })).toEqual({ saved: false });
    expect(await api.library.saveAlbum({ albumId, saved: true })).toEqual({ saved: true });
    expect(await api.library.saveAlbum({ albumId, saved: true })).toEqual({ saved: true });
    expect(await api.library.isAlbumSaved({ albumId })).toEqual({ saved: true });
    const rows = await stack.db
      .select()
      .from(schema.savedAlbum)
      .where(eq(schema.savedAlbum.albumId, albumId));
    expect(rows).toHaveLength(1);
    expect(await stack.caller(await signUpListener(stack)).library.isAlbumSaved({ albumId })).toEqual({
      saved: false,
    });
    expect(await api.library.saveAlbum({ albumId, saved: false })).toEqual({ saved: false });
    expect(await api.library.saveAlbum({ albumId, saved: false })).toEqual({ saved: false });
    expect(await api.library.isAlbumSaved({ albumId })).toEqual({ saved: false });

    const unreleased = await insertTrack(stack.db, { availableFrom: new Date(Date.now() + 86_400_000) });
    for (const id of [randomUUID(), unreleased.albumId]) {
      const notFound = { code: "NOT_FOUND", field: "albumId" };
      expect(await failureOf(api.library.saveAlbum({ albumId: id, saved: true }))).toMatchObject(notFound);
      expect(await failureOf(api.library.saveAlbum({ albumId: id, saved: false }))).toMatchObject(notFound);
      expect(await failureOf(api.library.isAlbumSaved({ albumId: id }))).toMatchObject(notFound);
    }
    expect(await failureOf(api.library.saveAlbum({ albumId: "1", saved: true }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "albumId",
    });
  });

  it("follows and unfollows an artist, idempotently", async () => {
    const api = stack.caller(me);
    const artistId = await artistOf(stack, (await insertTrack(stack.db)).albumId);
    expect(await api.library.isFollowingArtist({ artistId })).toEqual({ following: false });
    expect(await api.library.followArtist({ artistId, following: true })).toEqual({ following: true });
    expect(await api.library.followArtist({ artistId, following: true })).toEqual({ following: true });
    expect(await api.library.isFollowingArtist({ artistId })).toEqual({ following: true });
    const rows = await stack.db
      .select()
      .from(schema.artistFollow)
      .where(eq(schema.artistFollow.artistId, artistId));
    expect(rows).toHaveLength(1);
    expect(await api.library.followArtist({ artistId, following: false })).toEqual({ following: false });
    expect(await api.library.followArtist({ artistId, following: false })).toEqual({ following: false });
    const notFound = { code: "NOT_FOUND", field: "artistId" };
    const unknown = randomUUID();
    expect(await failureOf(api.library.followArtist({ artistId: unknown, following: true }))).toMatchObject(
      notFound,
    );
    expect(await failureOf(api.library.isFollowingArtist({ artistId: unknown }))).toMatchObject(notFound);
  });

  it("lists my playlists, those I edit, saved albums and followed artists, with Liked Songs first", async () => {
    const listener = await signUpListener(stack, "Owner");
    const other = await signUpListener(stack, "Friend");
    const api = stack.caller(listener);
    const track = await insertTrack(stack.db);
    const mine = await insertPlaylist(stack.db, listener.user.id, {
      name: "Mine",
      trackIds: [track.trackId],
    });
    const theirs = await insertPlaylist(stack.db, other.user.id, { name: "Shared with me" });
    await stack.db
      .insert(schema.playlistCollaborator)
      .values({ playlistId: theirs, userId: listener.user.id });
    // Someone else's playlists are not mine, public or private.
    await insertPlaylist(stack.db, other.user.id, { name: "Their secret" });
    await insertPlaylist(stack.db, other.user.id, { name: "Their public", isPublic: true });
    await api.library.saveAlbum({ albumId: track.albumId, saved: true });
    await api.library.followArtist({ artistId: await artistOf(stack, track.albumId), following: true });
    await api.library.likeTrack({ trackId: track.trackId, liked: true });

    const { items, nextCursor } = await api.library.entries({ sort: "recent" });
    expect(nextCursor).toBeNull();
    expect(items.map((e) => [e.kind, e.name, e.subtitle])).toEqual([
      ["liked", "Liked Songs", "Playlist · 1 song"],
      ["artist", expect.stringMatching(/^Artist /), "Artist"],
      ["album", expect.stringMatching(/^Album /), expect.stringMatching(/^Album · Artist /)],
      ["playlist", "Shared with me", "Playlist · Friend"],
      ["playlist", "Mine", "Playlist · Owner"],
    ]);
    const cover = `/api/covers/`;
    expect(items.find((e) => e.id === mine)?.imageUrls).toEqual([expect.stringContaining(cover)]);
    expect(items.find((e) => e.kind === "album")?.imageUrls).toEqual([expect.stringContaining(cover)]);
    expect(items.find((e) => e.kind === "artist")?.imageUrls).toEqual([expect.stringContaining(cover)]);

    const names = async (kind: "playlist" | "album" | "artist") =>
      (await api.library.entries({ kind, sort: "alphabetical" })).items.map((e) => e.name);
    expect(await names("playlist")).toEqual(["Liked Songs", "Mine", "Shared with me"]);
    expect(await names("album")).toEqual([expect.stringMatching(/^Album /)]);
    expect(await names("artist")).toEqual([expect.stringMatching(/^Artist /)]);
    // The friend's own library holds none of mine.
    const theirEntries = (await stack.caller(other).library.entries({ sort: "alphabetical" })).items;
    expect(theirEntries.map((e) => e.name)).toEqual([
      "Liked Songs",
      "Shared with me",
      "Their public",
      "Their secret",
    ]);
  });

  it("sorts by recently added, name and creator, and pages every entry exactly once", async () => {
    const listener = await signUpListener(stack, "Zed");
    const api = stack.caller(listener);
    const tag = randomBytes(3).toString("hex");
    // Albums and artists with names chosen so that name and creator orders differ, with ties.
    const albums: string[] = [];
    for (const [title, artist] of [
      ["beta", "delta"],
      ["Alpha", "echo"],
      ["beta", "charlie"],
      ["gamma", "bravo"],
    ] as const) {
      const { albumId } = await insertTrack(stack.db);
      await stack.db.update(schema.album).set({ title }).where(eq(schema.album.id, albumId));
      await stack.db
        .update(schema.artist)
        .set({ name: `${artist} ${tag}` })
        .where(eq(schema.artist.id, await artistOf(stack, albumId)));
      albums.push(albumId);
      await api.library.saveAlbum({ albumId, saved: true });
    }
    await api.library.followArtist({ artistId: await artistOf(stack, albums[1] ?? ""), following: true });
    // Made a second apart: inserted back to back they can share a timestamp (PGlite's clock
    // counts milliseconds), and a tie would be broken by random ids.
    const later = Date.now() + 60_000;
    for (const [i, name] of ["omega", "Beta"].entries()) {
      await insertPlaylist(stack.db, listener.user.id, { name, createdAt: new Date(later + i * 1000) });
    }

    const recent = await allEntries(api, { sort: "recent" }, 2);
    expect(recent).toEqual([
      "liked:Liked Songs",
      "playlist:Beta",
      "playlist:omega",
      `artist:echo ${tag}`,
      "album:gamma",
      "album:beta",
      "album:Alpha",
      "album:beta",
    ]);
    const alphabetical = await allEntries(api, { sort: "alphabetical" }, 3);
    expect(alphabetical.slice(0, 2)).toEqual(["liked:Liked Songs", "album:Alpha"]);
    // Case does not matter; kinds break a tie in names, then ids.
    expect(alphabetical.slice(2, 5).sort()).toEqual(["album:beta", "album:beta", "playlist:Beta"]);
    expect(alphabetical.slice(5)).toEqual([`artist:echo ${tag}`, "album:gamma", "playlist:omega"]);
    // Creator: the artist for albums and artists, the owner for playlists ("Zed").
    const creator = await allEntries(api, { sort: "creator" }, 1);
    expect(creator).toEqual([
      "liked:Liked Songs",
      "album:gamma",
      "album:beta",
      "album:beta",
      "album:Alpha",
      `artist:echo ${tag}`,
      "playlist:Beta",
      "playlist:omega",
    ]);
    for (const limit of [1, 2, 5, 100]) {
      expect(await allEntries(api, { sort: "creator" }, limit)).toEqual(creator);
      expect(await allEntries(api, { sort: "alphabetical", kind: "album" }, limit)).toEqual(
        alphabetical.filter((e) => e.startsWith("album:")),
      );
    }
  });

  it("refuses a cursor of another sort or one it did not hand out", async () => {
    const api = stack.caller(me);
    for (const name of ["a", "b", "c"]) await insertPlaylist(stack.db, me.user.id, { name });
    const page = await api.library.entries({ sort: "recent", limit: 1 });
    const cursor = page.nextCursor ?? "";
    expect(cursor).not.toBe("");
    for (const input of [
      { sort: "creator" as const, cursor },
      { sort: "recent" as const, cursor: Buffer.from('["x","playlist","y"]').toString("base64url") },
      { sort: "recent" as const, cursor: Buffer.from('"a"').toString("base64url") },
    ]) {
      expect(await failureOf(api.library.entries(input))).toMatchObject({
        code: "BAD_REQUEST",
        field: "cursor",
      });
    }
    expect(await failureOf(api.library.entries({ sort: "name" as "recent" }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "sort",
    });
    expect(await failureOf(api.library.entries({ kind: "liked" as "album", sort: "recent" }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "kind",
    });
  });
});
