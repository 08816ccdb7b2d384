import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";

import { schema } from "@cadence/db";
import type { DbHandle } from "@cadence/db";
import { createTestDb } from "@cadence/db/testing";
import { latestMusicScans } from "@cadence/domain/catalog";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { LocalStorage } from "./local-storage";
import { MusicFolder } from "./music-folder";
import { tempDir, writeImage, writeTone } from "./testing";
import type { TempDir } from "./testing";

let dir: TempDir;
let music: string;
let handle: DbHandle;
let folder: MusicFolder;
const log: string[] = [];

beforeAll(async () => {
  dir = await tempDir();
  music = path.join(dir.path, "music");
  await mkdir(path.join(music, "Artist/Album"), { recursive: true });
  await tone("Artist/Album/01 One.flac", "One", 440);
  await tone("Artist/Album/02 Two.wav", "Two", 550);
  handle = await createTestDb("pglite");
  folder = new MusicFolder({
    db: handle.db,
    storage: new LocalStorage(path.join(dir.path, "objects")),
    folder: music,
    log: (line) => log.push(line),
    debounceMs: 200,
    writeSettleMs: 300,
  });
  await folder.start();
  await folder.idle();
});
afterAll(async () => {
  await folder.stop();
  await handle.close();
  await dir.remove();
});

function tone(relative: string, title: string, frequency: number) {
  return writeTone(path.join(music, relative), {
    seconds: 1,
    frequency,
    metadata: { title, artist: "Artist", album: "Album" },
  });
}

async function trackAt(relative: string) {
  const [row] = await handle.db
    .select()
    .from(schema.track)
    .where(eq(schema.track.sourcePath, path.join(music, relative)));
  return row ?? null;
}

/** Polls until `check` holds: the watcher works on its own time, within seconds. */
async function eventually<T>(check: () => Promise<T | null | undefined | false>, seconds = 15): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not within ${seconds} s; log:\n${log.join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("MusicFolder", () => {
  it("scans at start and records the scan", async () => {
    expect(await trackAt("Artist/Album/01 One.flac")).toMatchObject({ title: "One", retiredAt: null });
    expect(await trackAt("Artist/Album/02 Two.wav")).toMatchObject({ title: "Two", retiredAt: null });
    const [scan] = await latestMusicScans(handle.db);
    expect(scan).toMatchObject({ trigger: "start", files: 2, added: 2, failures: [], error: null });
    expect(scan?.finishedAt).toBeInstanceOf(Date);
  });

  it("follows added, moved and deleted files within seconds; a move keeps id, likes and playlist entries", async () => {
    const { db } = handle;
    const one = await trackAt("Artist/Album/01 One.flac");
    if (!one) throw new Error("track missing");
    const [listener] = await db.insert(schema.user).values({ email: "fan@example.com" }).returning();
    if (!listener) throw new Error("no user");
    await db.insert(schema.trackLike).values({ userId: listener.id, trackId: one.id });
    const [list] = await db.insert(schema.playlist).values({ ownerId: listener.id, name: "Mix" }).returning();
    if (!list) throw new Error("no playlist");
    await db.insert(schema.playlistItem).values({ playlistId: list.id, trackId: one.id, position: "a0" });

    const started = Date.now();
    await tone("Artist/Album/03 Three.mp3", "Three", 660);
    expect(await eventually(() => trackAt("Artist/Album/03 Three.mp3"))).toMatchObject({ title: "Three" });
    const addedAfter = Date.now() - started;

    await mkdir(path.join(music, "Elsewhere"), { recursive: true });
    await rename(path.join(music, "Artist/Album/01 One.flac"), path.join(music, "Elsewhere/One.flac"));
    const moved = await eventually(() => trackAt("Elsewhere/One.flac"));
    expect(moved).toMatchObject({ id: one.id, masterPath: one.masterPath, retiredAt: null });
    expect(await trackAt("Artist/Album/01 One.flac")).toBeNull();
    const likes = await db.select().from(schema.trackLike).where(eq(schema.trackLike.trackId, one.id));
    expect(likes).toHaveLength(1);
    const items = await db.select().from(schema.playlistItem).where(eq(schema.playlistItem.trackId, one.id));
    expect(items).toHaveLength(1);

    await rm(path.join(music, "Artist/Album/02 Two.wav"));
    const retired = await eventually(async () => (await trackAt("Artist/Album/02 Two.wav"))?.retiredAt);
    expect(retired).toBeInstanceOf(Date);

    const scans = await latestMusicScans(db, 20);
    expect(scans.some((scan) => scan.trigger === "watch" && scan.moved === 1)).toBe(true);
    expect(scans.some((scan) => scan.trigger === "watch" && scan.retired === 1)).toBe(true);
    // Debounce, write settling and a 1 s transcode: seconds, not minutes.
    expect(addedAfter).toBeLessThan(10_000);
  });

  it("runs one scan at a time and coalesces requests made during one", async () => {
    const before = (await latestMusicScans(handle.db, 50)).length;
    folder.requestRescan("admin");
    expect(folder.scanning()).toBe(true);
    folder.requestRescan("admin");
    folder.requestRescan("cli");
    await folder.idle();
    const scans = await latestMusicScans(handle.db, 50);
    expect(scans.length - before).toBe(2);
    expect(scans[0]).toMatchObject({ trigger: "admin", unchanged: 2, added: 0, updated: 0 });
  });

  it("gives an album the new cover when its cover.jpg changes, without re-encoding; embedded art wins", async () => {
    const { db } = handle;
    const albumCover = async (relative: string) => {
      const track = await trackAt(relative);
      if (!track) return null;
      const [album] = await db.select().from(schema.album).where(eq(schema.album.id, track.albumId));
      return { coverPath: album?.coverPath ?? null, masterPath: track.masterPath };
    };
    // An album whose files carry their own art, with a different cover.jpg beside them.
    await writeImage(path.join(dir.path, "embedded.jpg"), "maroon");
    await mkdir(path.join(music, "Other/Record"), { recursive: true });
    await writeTone(path.join(music, "Other/Record/01 Own.mp3"), {
      seconds: 1,
      frequency: 330,
      cover: path.join(dir.path, "embedded.jpg"),
      metadata: { title: "Own", artist: "Other", album: "Record" },
    });
    const embedded = await eventually(async () => (await albumCover("Other/Record/01 Own.mp3"))?.coverPath);

    const three = "Artist/Album/03 Three.mp3";
    const before = await albumCover(three);
    expect(before?.coverPath).toBeNull();
    await writeImage(path.join(music, "Artist/Album/cover.jpg"), "olive");
    const first = await eventually(async () => (await albumCover(three))?.coverPath);

    await writeImage(path.join(music, "Artist/Album/cover.jpg.tmp"), "purple");
    await rename(path.join(music, "Artist/Album/cover.jpg.tmp"), path.join(music, "Artist/Album/cover.jpg"));
    await writeImage(path.join(music, "Other/Record/cover.jpg"), "purple");
    const second = await eventually(async () => {
      const cover = (await albumCover(three))?.coverPath;
      return cover !== first && cover;
    });
    expect(second).toMatch(/^covers\/[0-9a-f]{32}\.jpg$/);
    expect((await albumCover(three))?.masterPath).toBe(before?.masterPath);
    // The scan that saw Other/Record's new cover.jpg recorded it, and left the embedded art.
    await eventually(async () => {
      const rows = await db.select().from(schema.folderCover);
      return rows.some((row) => row.dir === path.join(music, "Other/Record"));
    });
    expect((await albumCover("Other/Record/01 Own.mp3"))?.coverPath).toBe(embedded);
    const [scan] = await latestMusicScans(db);
    expect(scan).toMatchObject({ added: 0, updated: 0 });
  });
});
