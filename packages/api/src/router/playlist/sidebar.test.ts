import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { eq, schema } from "@cadence/db";

import type { Session } from "../../context";
import { createListener, createTestStack, insertTrack, stacks } from "../../testing";
import type { TestStack } from "../../testing";

// playlist.mine, the sidebar of every page, is cached (its covers, under the listed playlists'
// versions): whatever anyone changes must show on the next read, with nothing deleted.
describe.each(stacks)("the playlist sidebar on $name", (stackConfig) => {
  let stack: TestStack;
  let owner: Session;
  let editor: Session;
  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
    owner = await createListener(stack.db, "Owner");
    editor = await createListener(stack.db, "Editor");
  });
  afterAll(() => stack.close());

  const sidebarOf = async (session: Session) =>
    (await stack.caller(session).playlist.mine()).map((p) => ({ name: p.name, covers: p.coverUrls }));
  const trackWithCover = async (cover: string) => {
    const { trackId, albumId } = await insertTrack(stack.db);
    await stack.db
      .update(schema.album)
      .set({ coverPath: `covers/${cover}.jpg` })
      .where(eq(schema.album.id, albumId));
    return trackId;
  };

  it("shows every edit, by the owner or an editor, on the next read", async () => {
    const { id } = await stack.caller(owner).playlist.create({ name: "Shared" });
    await stack.caller(owner).playlist.create({ name: "Other" });
    expect(await sidebarOf(owner)).toEqual([
      { name: "Other", covers: [] },
      { name: "Shared", covers: [] },
    ]);

    await stack.caller(owner).playlist.addTracks({ id, trackIds: [await trackWithCover("one")] });
    expect(await sidebarOf(owner)).toEqual([
      { name: "Shared", covers: ["/api/covers/one.jpg"] },
      { name: "Other", covers: [] },
    ]);

    const { token } = await stack.caller(owner).playlist.invite({ id });
    await stack.caller(editor).playlist.join({ token });
    // The editor's sidebar is read (and cached) before the editor's own edit.
    expect(await sidebarOf(editor)).toEqual([{ name: "Shared", covers: ["/api/covers/one.jpg"] }]);
    const { version } = await stack
      .caller(editor)
      .playlist.addTracks({ id, trackIds: [await trackWithCover("two")] });
    const both = ["/api/covers/one.jpg", "/api/covers/two.jpg"];
    expect(await sidebarOf(owner)).toEqual([
      { name: "Shared", covers: both },
      { name: "Other", covers: [] },
    ]);
    expect(await sidebarOf(editor)).toEqual([{ name: "Shared", covers: both }]);

    await stack.caller(owner).playlist.update({ id, version, name: "Renamed" });
    expect((await sidebarOf(editor))[0]?.name).toBe("Renamed");
    const items = (await stack.caller(owner).playlist.items({ id })).items;
    const current = await stack.caller(owner).playlist.get({ id });
    await stack.caller(owner).playlist.removeItems({
      id,
      version: current.version,
      itemIds: [items[0]?.itemId ?? ""],
    });
    expect((await sidebarOf(editor))[0]?.covers).toEqual(["/api/covers/two.jpg"]);

    await stack.caller(owner).playlist.removeCollaborator({ id, userId: editor.user.id });
    expect(await sidebarOf(editor)).toEqual([]);
  });
});
