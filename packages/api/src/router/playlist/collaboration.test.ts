import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { retireTracks } from "@cadence/domain/catalog";

import type { Session } from "../../context";
import { createListener, createTestStack, stacks } from "../../testing";
import type { TestStack } from "../../testing";
import { allItems, failure, nth, shapeOf, tracks } from "./fixtures";

describe.each(stacks)("collaborative playlists on $name", (stackConfig) => {
  let stack: TestStack;
  let owner: Session;
  let editor: Session;
  let stranger: Session;
  let trackIds: string[];
  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
    owner = await createListener(stack.db, "Owner");
    editor = await createListener(stack.db, "Editor");
    stranger = await createListener(stack.db, "Stranger");
    trackIds = await tracks(stack, 4);
  });
  afterAll(() => stack.close());

  it("an invite link makes an editor, who adds, moves and removes; items remember who added them", async () => {
    const { id } = await stack.caller(owner).playlist.create({ name: "Road trip" });
    await stack.caller(owner).playlist.addTracks({ id, trackIds: [nth(trackIds, 0)] });
    const { token } = await stack.caller(owner).playlist.invite({ id });
    expect(await stack.caller(editor).playlist.join({ token })).toMatchObject({ id, name: "Road trip" });

    const view = await stack.caller(editor).playlist.get({ id });
    expect(view).toMatchObject({ isCollaborative: true, isOwner: false, canEdit: true });
    const { version } = await stack.caller(editor).playlist.addTracks({ id, trackIds: [nth(trackIds, 1)] });
    const page = await stack.caller(owner).playlist.items({ id });
    expect(page.items.map((i) => i.addedBy?.displayName)).toEqual(["Owner", "Editor"]);
    expect(page.version).toBe(version);
    const [first, second] = page.items.map((i) => i.itemId) as [string, string];
    await stack.caller(editor).playlist.moveItem({ id, version, itemId: second, afterItemId: null });
    expect((await allItems(stack, owner, id)).map((i) => i.itemId)).toEqual([second, first]);
    expect((await stack.caller(editor).playlist.mine()).find((p) => p.id === id)).toMatchObject({
      isOwner: false,
      isCollaborative: true,
    });

    // The link is the owner's to rotate: the old one stops working.
    await stack.caller(owner).playlist.invite({ id });
    expect(shapeOf(await failure(stack.caller(stranger).playlist.join({ token })))).toEqual({
      code: "NOT_FOUND",
      fields: ["token"],
    });
  });

  it("the owner adds editors by username and removes them; a removed editor loses a private playlist", async () => {
    const { id } = await stack.caller(owner).playlist.create({ name: "Private mix" });
    const { profile } = await stack.caller(editor).user.me();
    await stack.caller(owner).playlist.addCollaborator({ id, username: profile.username.toUpperCase() });
    const listed = await stack.caller(editor).playlist.collaborators({ id });
    expect(listed.collaborators.map((c) => c.username)).toEqual([profile.username]);
    expect(listed.inviteToken).toBeNull();
    await stack.caller(editor).playlist.addTracks({ id, trackIds: [nth(trackIds, 2)] });

    const unknown = await failure(
      stack.caller(owner).playlist.addCollaborator({ id, username: "nobody_here" }),
    );
    expect(shapeOf(unknown)).toEqual({ code: "NOT_FOUND", fields: ["username"] });
    const notTheirs = await failure(
      stack.caller(editor).playlist.removeCollaborator({ id, userId: owner.user.id }),
    );
    expect(notTheirs.code).toBe("FORBIDDEN");

    await stack.caller(owner).playlist.removeCollaborator({ id, userId: editor.user.id });
    expect((await failure(stack.caller(editor).playlist.get({ id }))).code).toBe("NOT_FOUND");
    expect(await stack.caller(owner).playlist.get({ id })).toMatchObject({
      isCollaborative: false,
      itemCount: 1,
    });
  });

  it("an editor may leave", async () => {
    const { id } = await stack.caller(owner).playlist.create({ name: "Leaving" });
    const { token } = await stack.caller(owner).playlist.invite({ id });
    await stack.caller(editor).playlist.join({ token });
    await stack.caller(editor).playlist.removeCollaborator({ id, userId: editor.user.id });
    expect((await failure(stack.caller(editor).playlist.get({ id }))).code).toBe("NOT_FOUND");
  });

  it("every kind of write is seen by the next read of every reader, the writer's own included", async () => {
    const { id } = await stack.caller(owner).playlist.create({ name: "Fresh", isPublic: true });
    const { token } = await stack.caller(owner).playlist.invite({ id });
    await stack.caller(editor).playlist.join({ token });
    const readers = [owner, editor, stranger];
    const warm = async () => {
      for (const reader of readers) {
        await stack.caller(reader).playlist.get({ id });
        await stack.caller(reader).playlist.items({ id });
      }
    };
    const everyoneSees = async (
      check: (view: { name: string; itemCount: number }, ids: string[]) => void,
    ) => {
      for (const reader of readers) {
        const view = await stack.caller(reader).playlist.get({ id });
        const page = await stack.caller(reader).playlist.items({ id });
        expect(page.version).toBe(view.version);
        check(
          view,
          page.items.map((i) => i.track.id),
        );
      }
    };

    await warm();
    // The reads above went through the cache: the test checks invalidation, not a cache-less path.
    const seen = (await stack.caller(owner).playlist.get({ id })).version;
    expect(await stack.cache.get(`pl:${id}:v${seen}:meta`)).not.toBeNull();
    let { version } = await stack.caller(editor).playlist.addTracks({ id, trackIds: trackIds.slice(0, 3) });
    await everyoneSees((view, ids) => expect([view.itemCount, ids]).toEqual([3, trackIds.slice(0, 3)]));

    const items = (await stack.caller(owner).playlist.items({ id })).items;
    ({ version } = await stack.caller(owner).playlist.moveItem({
      id,
      version,
      itemId: nth(items, 2).itemId,
      afterItemId: null,
    }));
    await everyoneSees((_, ids) => expect(ids).toEqual([trackIds[2], trackIds[0], trackIds[1]]));

    ({ version } = await stack
      .caller(editor)
      .playlist.removeItems({ id, version, itemIds: [nth(items, 0).itemId] }));
    await everyoneSees((view, ids) => expect([view.itemCount, ids]).toEqual([2, [trackIds[2], trackIds[1]]]));

    ({ version } = await stack.caller(owner).playlist.update({ id, version, name: "Renamed" }));
    await everyoneSees((view) => expect(view.name).toBe("Renamed"));

    await stack.caller(owner).playlist.removeCollaborator({ id, userId: editor.user.id });
    expect((await stack.caller(editor).playlist.get({ id })).canEdit).toBe(false);

    // Changing editors is a change readers see: it bumped the version too.
    expect((await stack.caller(owner).playlist.get({ id })).version).toBe(version + 1);
    await stack.caller(owner).playlist.update({ id, version: version + 1, isPublic: false });
    expect((await failure(stack.caller(stranger).playlist.get({ id }))).code).toBe("NOT_FOUND");
    expect((await failure(stack.caller(stranger).playlist.items({ id }))).code).toBe("NOT_FOUND");

    await stack.caller(owner).playlist.delete({ id });
    expect((await failure(stack.caller(owner).playlist.get({ id }))).code).toBe("NOT_FOUND");
  });

  it("a catalog change reaches a playlist's cached first page at once", async () => {
    const [kept, withdrawn] = await tracks(stack, 2);
    const { id } = await stack.caller(owner).playlist.create({ name: "Withdrawn", isPublic: true });
    await stack.caller(owner).playlist.addTracks({ id, trackIds: [kept ?? "", withdrawn ?? ""] });
    const before = await stack.caller(stranger).playlist.items({ id });
    expect(before.items.map((i) => i.track.playable)).toEqual([true, true]);
    // Cached now, under the playlist's version; retiring a track does not change that version.
    await retireTracks(stack.db, [withdrawn ?? ""], stack.cache);
    for (const reader of [stranger, owner]) {
      const after = await stack.caller(reader).playlist.items({ id });
      expect(after.version).toBe(before.version);
      expect(after.items.map((i) => [i.track.id, i.track.playable, i.track.stream !== null])).toEqual([
        [kept, true, true],
        [withdrawn, false, false],
      ]);
      expect(after.items[1]?.track.unavailableReason).toBe("This track is no longer available");
    }
  });
});
