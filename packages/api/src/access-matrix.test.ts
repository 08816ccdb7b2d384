import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Session } from "./context";
import { appRouter } from "./root";
import { createListener, createTestStack, insertTrack, stacks } from "./testing";
import type { TestStack } from "./testing";

/**
 * The access matrix: a second listener (the intruder) calls every procedure that takes an id
 * with the first listener's (the owner's) ids, and gets NOT_FOUND or FORBIDDEN, never data.
 * The table is checked against the router itself: a procedure added without a row here fails
 * this test, so nobody can ship an id-taking procedure without saying who may call it.
 */

interface Fixtures {
  owner: Session;
  /** The owner's private playlist, with two items, an editor-free invite link. */
  privatePlaylist: { id: string; itemIds: string[]; token: string };
  /** The owner's public playlist: readable by all, changeable by the owner only. */
  publicPlaylist: { id: string; itemIds: string[] };
  trackId: string;
  /** One of the owner's recent searches. */
  recentSearchId: string;
}

type Caller = ReturnType<TestStack["caller"]>;
type Denied = "NOT_FOUND" | "FORBIDDEN";

type Row =
  /** Takes ids of things other listeners own: each attempt must be refused with one of `denied`. */
  | { attempts: ((intruder: Caller, f: Fixtures) => Promise<unknown>)[]; denied: Denied[] }
  /** Takes no id of anything another listener owns: says why, so the exemption is a decision. */
  | { noForeignIds: string }
  /** Shows other listeners' public things by design: the answer must hold none of their private ones. */
  | { publicView: (intruder: Caller, f: Fixtures) => Promise<unknown> };

const NOT_FOUND: Denied[] = ["NOT_FOUND"];
// A public playlist may be seen; changing it is refused outright.
const HIDDEN_OR_FORBIDDEN: Denied[] = ["NOT_FOUND", "FORBIDDEN"];

const matrix: Record<string, Row> = {
  // The admin console: a listener is refused outright (admin.test.ts covers the admin's side).
  "admin.musicFolder": { attempts: [(i) => i.admin.musicFolder()], denied: ["FORBIDDEN"] },
  "admin.rescanMusicFolder": { attempts: [(i) => i.admin.rescanMusicFolder()], denied: ["FORBIDDEN"] },
  "auth.signUp": { noForeignIds: "creates a new account" },
  "catalog.albums": { noForeignIds: "the public catalog" },
  "catalog.album": { noForeignIds: "catalog albums are public to every listener" },
  "catalog.artist": { noForeignIds: "catalog artists are public to every listener" },
  "playback.stream": { noForeignIds: "catalog tracks; rights are checked per listener (playback tests)" },
  "playback.report": { noForeignIds: "records the caller's own listening only" },
  "user.me": { noForeignIds: "the caller's own account" },
  "user.updateProfile": { noForeignIds: "the caller's own profile" },
  "user.updatePreferences": { noForeignIds: "the caller's own settings" },
  "user.changePassword": { noForeignIds: "the caller's own password" },
  "user.deleteAccount": { noForeignIds: "the caller's own account" },
  "catalog.artistReleases": { noForeignIds: "the public catalog" },
  "catalog.track": { noForeignIds: "the public catalog" },
  "catalog.genres": { noForeignIds: "the public catalog" },
  "catalog.genre": { noForeignIds: "the public catalog" },
  "catalog.newReleases": { noForeignIds: "the public catalog" },
  "catalog.recentlyPlayed": { publicView: (i) => i.catalog.recentlyPlayed({}) },
  "catalog.home": { publicView: (i) => i.catalog.home() },
  "catalog.importProgress": { noForeignIds: "counts of the server's own import, nobody's data" },
  "library.likeTrack": { noForeignIds: "catalog tracks, liked for the caller only" },
  "library.likedTracks": { publicView: (i) => i.library.likedTracks({}) },
  "library.saveAlbum": { noForeignIds: "catalog albums, saved for the caller only" },
  "library.isAlbumSaved": { noForeignIds: "catalog albums, the caller's own saves" },
  "library.followArtist": { noForeignIds: "catalog artists, followed by the caller" },
  "library.isFollowingArtist": { noForeignIds: "catalog artists, the caller's own follows" },
  "library.entries": { publicView: (i) => i.library.entries({}) },
  // The private playlist is named "Secret": searching for it finds only public things.
  "search.search": { publicView: (i) => i.search.search({ query: "secret" }) },
  "search.recent": { publicView: (i) => i.search.recent() },
  "search.remember": { noForeignIds: "remembers the caller's own search" },
  "search.forget": {
    attempts: [(i, f) => i.search.forget({ id: f.recentSearchId })],
    denied: NOT_FOUND,
  },
  "search.clearRecent": { noForeignIds: "clears the caller's own recent searches" },
  "profile.get": { publicView: async (i, f) => i.profile.get({ username: await usernameOf(i, f) }) },
  "profile.playlists": { publicView: (i, f) => i.profile.playlists({ userId: f.owner.user.id }) },
  "profile.follow": { noForeignIds: "profiles are public and anyone may follow anyone (not themselves)" },
  "playlist.create": { noForeignIds: "creates the caller's own playlist" },
  "playlist.mine": { noForeignIds: "the caller's own playlists" },
  "playlist.join": {
    attempts: [(i) => i.playlist.join({ token: "not-a-live-invite-token" })],
    denied: NOT_FOUND,
  },
  "playlist.get": { attempts: [(i, f) => i.playlist.get({ id: f.privatePlaylist.id })], denied: NOT_FOUND },
  "playlist.items": {
    attempts: [(i, f) => i.playlist.items({ id: f.privatePlaylist.id })],
    denied: NOT_FOUND,
  },
  "playlist.collaborators": {
    attempts: [(i, f) => i.playlist.collaborators({ id: f.privatePlaylist.id })],
    denied: NOT_FOUND,
  },
  "playlist.update": {
    attempts: [
      (i, f) => i.playlist.update({ id: f.privatePlaylist.id, version: 1, name: "Mine now" }),
      (i, f) => i.playlist.update({ id: f.publicPlaylist.id, version: 2, name: "Mine now" }),
      (i, f) => i.playlist.update({ id: f.publicPlaylist.id, version: 2, isPublic: false }),
    ],
    denied: HIDDEN_OR_FORBIDDEN,
  },
  "playlist.delete": {
    attempts: [
      (i, f) => i.playlist.delete({ id: f.privatePlaylist.id }),
      (i, f) => i.playlist.delete({ id: f.publicPlaylist.id }),
    ],
    denied: HIDDEN_OR_FORBIDDEN,
  },
  "playlist.addTracks": {
    attempts: [
      (i, f) => i.playlist.addTracks({ id: f.privatePlaylist.id, trackIds: [f.trackId], duplicates: "add" }),
      (i, f) => i.playlist.addTracks({ id: f.publicPlaylist.id, trackIds: [f.trackId], duplicates: "add" }),
    ],
    denied: HIDDEN_OR_FORBIDDEN,
  },
  "playlist.removeItems": {
    attempts: [
      (i, f) =>
        i.playlist.removeItems({ id: f.privatePlaylist.id, version: 1, itemIds: f.privatePlaylist.itemIds }),
      (i, f) =>
        i.playlist.removeItems({ id: f.publicPlaylist.id, version: 2, itemIds: f.publicPlaylist.itemIds }),
    ],
    denied: HIDDEN_OR_FORBIDDEN,
  },
  "playlist.moveItem": {
    attempts: [
      (i, f) =>
        i.playlist.moveItem({
          id: f.privatePlaylist.id,
          version: 1,
          itemId: f.privatePlaylist.itemIds[1] ?? "",
          afterItemId: null,
        }),
      (i, f) =>
        i.playlist.moveItem({
          id: f.publicPlaylist.id,
          version: 2,
          itemId: f.publicPlaylist.itemIds[1] ?? "",
          afterItemId: null,
        }),
    ],
    denied: HIDDEN_OR_FORBIDDEN,
  },
  "playlist.invite": {
    attempts: [
      (i, f) => i.playlist.invite({ id: f.privatePlaylist.id }),
      (i, f) => i.playlist.invite({ id: f.publicPlaylist.id }),
    ],
    denied: HIDDEN_OR_FORBIDDEN,
  },
  "playlist.revokeInvite": {
    attempts: [
      (i, f) => i.playlist.revokeInvite({ id: f.privatePlaylist.id }),
      (i, f) => i.playlist.revokeInvite({ id: f.publicPlaylist.id }),
    ],
    denied: HIDDEN_OR_FORBIDDEN,
  },
  "playlist.addCollaborator": {
    attempts: [
      (i, f) => i.playlist.addCollaborator({ id: f.privatePlaylist.id, username: "intruder_friend" }),
      (i, f) => i.playlist.addCollaborator({ id: f.publicPlaylist.id, username: "intruder_friend" }),
    ],
    denied: HIDDEN_OR_FORBIDDEN,
  },
  "playlist.removeCollaborator": {
    attempts: [
      (i, f) => i.playlist.removeCollaborator({ id: f.privatePlaylist.id, userId: f.owner.user.id }),
      (i, f) => i.playlist.removeCollaborator({ id: f.publicPlaylist.id, userId: f.owner.user.id }),
    ],
    denied: HIDDEN_OR_FORBIDDEN,
  },
};

const procedures = Object.keys(appRouter._def.procedures);

/** Whether any object in `value` is the track `id` marked as liked. */
function likedAnywhere(value: unknown, id: string): boolean {
  if (Array.isArray(value)) return value.some((v) => likedAnywhere(v, id));
  if (value === null || typeof value !== "object") return false;
  const record = value as Record<string, unknown>;
  if (record.id === id && record.liked === true) return true;
  return Object.values(record).some((v) => likedAnywhere(v, id));
}

let ownerUsername = "";
const usernameOf = (_: Caller, f: Fixtures) => Promise.resolve(ownerUsername || f.owner.user.id);

describe("the access matrix", () => {
  it("has a row for every procedure of the router, and none for procedures that do not exist", () => {
    expect(Object.keys(matrix).sort()).toEqual([...procedures].sort());
  });
});

describe.each(stacks)("a second listener with the first one's ids, on $name", (stackConfig) => {
  let stack: TestStack;
  let fixtures: Fixtures;
  let intruder: Session;
  let before: unknown;

  const snapshot = async () => {
    const caller = stack.caller(fixtures.owner);
    return Promise.all(
      [fixtures.privatePlaylist.id, fixtures.publicPlaylist.id].map(async (id) => ({
        view: await caller.playlist.get({ id }),
        items: (await caller.playlist.items({ id })).items.map((i) => [i.itemId, i.track.id, i.position]),
        editors: await caller.playlist.collaborators({ id }),
      })),
    );
  };

  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
    const owner = await createListener(stack.db, "Owner");
    intruder = await createListener(stack.db, "Intruder");
    const mine = stack.caller(owner);
    const trackIds = [(await insertTrack(stack.db)).trackId, (await insertTrack(stack.db)).trackId];
    const playlistWith = async (isPublic: boolean) => {
      const { id } = await mine.playlist.create({ name: isPublic ? "Shared" : "Secret", isPublic });
      await mine.playlist.addTracks({ id, trackIds });
      const itemIds = (await mine.playlist.items({ id })).items.map((i) => i.itemId);
      return { id, itemIds };
    };
    const privatePlaylist = await playlistWith(false);
    const { token } = await mine.playlist.invite({ id: privatePlaylist.id });
    fixtures = {
      owner,
      privatePlaylist: { ...privatePlaylist, token },
      publicPlaylist: await playlistWith(true),
      trackId: trackIds[0] ?? "",
      recentSearchId: (await mine.search.remember({ query: "secret" })).id,
    };
    ownerUsername = (await mine.user.me()).profile.username;
    // The owner's own listening and likes, which nobody else may see.
    await mine.library.likeTrack({ trackId: fixtures.trackId, liked: true });
    before = await snapshot();
  });
  afterAll(() => stack.close());

  const rows = Object.entries(matrix).flatMap(([path, row]) =>
    "attempts" in row ? row.attempts.map((attempt, n) => ({ path, n, attempt, denied: row.denied })) : [],
  );

  it.each(rows)("$path (attempt $n) is refused", async ({ attempt, denied }) => {
    const outcome = await attempt(stack.caller(intruder), fixtures).then(
      (data: unknown) => ({ data }),
      (error: unknown) => ({ error }),
    );
    // A void mutation resolves with undefined: success itself is the failure here.
    expect("error" in outcome, `succeeded: ${JSON.stringify("data" in outcome ? outcome.data : null)}`).toBe(
      true,
    );
    const { error } = outcome as { error: unknown };
    expect(error).toBeInstanceOf(TRPCError);
    expect(denied).toContain((error as TRPCError).code);
  });

  const views = Object.entries(matrix).flatMap(([path, row]) =>
    "publicView" in row ? [{ path, view: row.publicView }] : [],
  );

  it.each(views)("$path shows nothing private of the owner's", async ({ view }) => {
    const data = await view(stack.caller(intruder), fixtures);
    const answer = JSON.stringify(data);
    expect(answer).not.toContain(fixtures.privatePlaylist.id);
    expect(answer).not.toContain(fixtures.privatePlaylist.token);
    // The owner liked this track; the intruder did not, and must not see it as liked.
    expect(likedAnywhere(data, fixtures.trackId)).toBe(false);
  });

  it("left every one of the owner's objects as it was", async () => {
    expect(await snapshot()).toEqual(before);
  });
});
