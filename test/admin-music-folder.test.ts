import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Session } from "@cadence/api";
import { createListener, createTestStack, stacks } from "@cadence/api/testing";
import type { TestStack } from "@cadence/api/testing";
import { eq, schema } from "@cadence/db";
import { LocalStorage } from "@cadence/media";
import { MusicFolder } from "@cadence/media/music-folder";
import { tempDir, writeTone } from "@cadence/media/testing";
import type { TempDir } from "@cadence/media/testing";

/** The admin console's music folder procedures over the real service, real files and ffmpeg. */
describe("admin: the music folder", () => {
  let dir: TempDir;
  let stack: TestStack;
  let bare: TestStack;
  let folder: MusicFolder;
  let admin: Session;
  let listener: Session;

  beforeAll(async () => {
    dir = await tempDir();
    const music = path.join(dir.path, "music");
    await mkdir(music, { recursive: true });
    await writeTone(path.join(music, "song.flac"), {
      seconds: 1,
      metadata: { title: "Song", artist: "Band" },
    });
    await writeFile(path.join(music, "notes.mp3"), "not music at all\n".repeat(20));
    const stackShape = stacks[0];
    if (!stackShape) throw new Error("no stack");
    // The folder needs the stack's database, the stack needs the folder: made in two steps.
    const made: { folder?: MusicFolder } = {};
    stack = await createTestStack(stackShape, {
      musicFolder: {
        get folder() {
          return made.folder?.folder ?? music;
        },
        scanning: () => made.folder?.scanning() ?? false,
        requestRescan: (trigger) => made.folder?.requestRescan(trigger),
      },
    });
    folder = new MusicFolder({
      db: stack.db,
      storage: new LocalStorage(path.join(dir.path, "objects")),
      folder: music,
    });
    made.folder = folder;
    bare = await createTestStack(stackShape);
    listener = await createListener(stack.db, "Listener");
    const account = await createListener(stack.db, "Admin");
    await stack.db.update(schema.user).set({ role: "admin" }).where(eq(schema.user.id, account.user.id));
    admin = { user: { ...account.user, role: "admin" } };
  });
  afterAll(async () => {
    await folder.stop();
    await stack.close();
    await bare.close();
    await dir.remove();
  });

  it("is refused to listeners and to anonymous callers", async () => {
    await expect(stack.caller(listener).admin.musicFolder()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(stack.caller(listener).admin.rescanMusicFolder()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(stack.caller(null).admin.musicFolder()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("rescans on the admin's request and shows counts and failures with reasons", async () => {
    const caller = stack.caller(admin);
    const empty = await caller.admin.musicFolder();
    expect(empty).toMatchObject({ scanning: false, tracks: { live: 0, retired: 0 }, scans: [] });

    expect(await caller.admin.rescanMusicFolder()).toEqual({ scanning: true });
    expect((await caller.admin.musicFolder()).scanning).toBe(true);
    await folder.idle();

    const status = await caller.admin.musicFolder();
    expect(status.folder).toBe(folder.folder);
    expect(status.scanning).toBe(false);
    expect(status.tracks).toEqual({ live: 1, retired: 0 });
    expect(status.scans[0]).toMatchObject({
      trigger: "admin",
      files: 2,
      added: 1,
      failures: [{ path: "notes.mp3", reason: "not a recognised audio format" }],
      error: null,
    });
  });

  it("says so when the server has no music folder", async () => {
    await expect(bare.caller(admin).admin.musicFolder()).resolves.toMatchObject({ folder: null, scans: [] });
    await expect(bare.caller(admin).admin.rescanMusicFolder()).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(bare.caller(admin).admin.rescanMusicFolder()).rejects.toThrow(/MUSIC_DIR/);
  });
});
