import { createHash } from "node:crypto";
import { mkdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";

import { schema } from "@cadence/db";
import type { DbHandle } from "@cadence/db";
import { createTestDb } from "@cadence/db/testing";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { generateDemoCatalog } from "@cadence/demo";
import type { DemoCatalog } from "@cadence/demo";

import { trackContentKey } from "@cadence/domain/catalog";

import { collectSupersededEncodings, encodingRetentionSeconds } from "./encoding-gc";
import { ingestFolder } from "./ingest";
import type { IngestEvent } from "./ingest";
import { LocalStorage } from "./local-storage";
import { hashFile, scanFolder } from "./scan";
import { readBody } from "./storage";
import { tempDir, writeTone } from "./testing";
import type { TempDir } from "./testing";

let dir: TempDir;
let music: string;
let storage: LocalStorage;
let handle: DbHandle;
let catalog: DemoCatalog;

beforeAll(async () => {
  dir = await tempDir();
  music = path.join(dir.path, "music");
  storage = new LocalStorage(path.join(dir.path, "objects"));
  // Eight short demo tracks: mp3, flac and m4a, one with a featured artist; plus a corrupt file.
  catalog = await generateDemoCatalog({ outDir: music, limit: 8, durationSeconds: 3, includeCorrupt: true });
  handle = await createTestDb("pglite");
});
afterAll(async () => {
  await handle.close();
  await dir.remove();
});

describe("scanFolder", () => {
  it("finds audio files recursively, skipping hidden entries and non-audio", async () => {
    await mkdir(path.join(music, ".hidden"), { recursive: true });
    await writeFile(path.join(music, ".hidden", "ghost.mp3"), "x");
    const files = await scanFolder(music);
    expect(files.map((file) => file.relativePath)).toEqual(
      [
        ...catalog.tracks.map((track) => track.relativePath),
        "Unknown Artist/Broken Tape/01 Static.flac",
      ].sort(),
    );
    const first = files[0];
    if (!first) throw new Error("no files");
    const expected = createHash("sha256")
      .update(await readFile(first.path))
      .digest("hex");
    expect(await hashFile(first.path)).toBe(expected);
  });
});

describe("ingestFolder", () => {
  it("publishes every readable file and reports the corrupt one by path and reason", async () => {
    const events: IngestEvent[] = [];
    const summary = await ingestFolder({
      db: handle.db,
      storage,
      folder: music,
      onProgress: (e) => events.push(e),
    });

    expect(summary).toMatchObject({ files: 9, added: 8, updated: 0, skipped: 0, retired: 0 });
    expect(summary.failed).toEqual([{ path: catalog.corruptPath, reason: "not a recognised audio format" }]);
    expect(summary.audioSeconds).toBeGreaterThan(8 * 2.9);
    expect(events.filter((event) => event.type === "file")).toHaveLength(9);

    const { db } = handle;
    const tracks = await db.select().from(schema.track).orderBy(asc(schema.track.sourcePath));
    expect(tracks).toHaveLength(8);
    const artists = await db.select().from(schema.artist);
    expect(artists.map((artist) => artist.name).sort()).toEqual(["Marlow Vane", "Nova Kestrel"]);
    const albums = await db.select().from(schema.album);
    expect(albums.map((album) => album.title).sort()).toEqual([
      "Afterglow Drive",
      "Neon Tidewater",
      "Pulse Cartography",
    ]);
    for (const album of albums) expect(album.coverPath).toMatch(/^covers\/[0-9a-f]{32}\.jpg$/);
    // Labels from ID3 TPUB (mp3), Vorbis PUBLISHER (flac) and an iTunes freeform LABEL (m4a).
    const planned = new Map(catalog.tracks.map((track) => [track.album, track.label]));
    for (const album of albums) expect(album.label, album.title).toBe(planned.get(album.title));
    expect(albums.every((album) => album.label)).toBe(true);

    // "Marlow Vane feat. Nova Kestrel": two credited artists, in order.
    const duet = tracks.find((track) => track.title === "Overpass Romance");
    if (!duet) throw new Error("duet missing");
    const credits = await db
      .select({ name: schema.artist.name, position: schema.trackArtist.position })
      .from(schema.trackArtist)
      .innerJoin(schema.artist, eq(schema.artist.id, schema.trackArtist.artistId))
      .where(eq(schema.trackArtist.trackId, duet.id))
      .orderBy(asc(schema.trackArtist.position));
    expect(credits).toEqual([
      { name: "Marlow Vane", position: 0 },
      { name: "Nova Kestrel", position: 1 },
    ]);
    expect(duet).toMatchObject({
      isrc: "QZCDN1900003",
      trackNumber: 3,
      discNumber: 1,
      releaseDate: "2019-06-14",
    });
    expect(duet.loudnessLufs).toBeGreaterThan(-40);
    expect(duet.loudnessLufs).toBeLessThan(-5);

    const renditions = await db.select().from(schema.rendition).where(eq(schema.rendition.trackId, duet.id));
    expect(renditions.map((rendition) => rendition.bitrateKbps).sort((a, b) => a - b)).toEqual([
      64, 128, 256,
    ]);
    const master = await storage.get(duet.masterPath ?? "");
    expect((await readBody(master?.body ?? new ReadableStream())).toString()).toContain("128k/index.m3u8");
    for (const rendition of renditions) {
      const objects = await storage.list(rendition.pathPrefix);
      expect(objects.length).toBe(rendition.segmentCount + 2);
      expect(objects.reduce((sum, object) => sum + object.size, 0)).toBeGreaterThan(
        rendition.sizeBytes - 2000,
      );
    }

    // One key per track, in the database only.
    const keys = await db.select().from(schema.trackKey);
    expect(keys).toHaveLength(8);
    const duetKey = keys.find((row) => row.trackId === duet.id)?.key;
    expect(duetKey?.length).toBe(16);
    for (const object of await storage.list(`tracks/${duet.id}/`)) {
      const body = await readBody((await storage.get(object.key))?.body ?? new ReadableStream());
      expect(body.includes(duetKey ?? Buffer.alloc(16))).toBe(false);
    }
  });

  it("re-scans incrementally: skips unchanged files, re-encodes a changed one, retires a deleted one", async () => {
    const { db } = handle;
    const again = await ingestFolder({ db, storage, folder: music });
    expect(again).toMatchObject({ added: 0, updated: 0, skipped: 8, retired: 0 });
    expect(again.audioSeconds).toBe(0);

    // A touch without a content change is still a skip: identity is the content hash.
    const [touched, changed, deleted] = catalog.tracks;
    if (!touched || !changed || !deleted) throw new Error("catalog too small");
    await utimes(touched.path, new Date(), new Date());

    const before = await trackBySource(changed.path);
    const beforeKey = await trackContentKey(db, before.id);
    await writeTone(changed.path, {
      seconds: 2,
      metadata: {
        title: "Chrome Gulls (Remaster)",
        artist: "Marlow Vane",
        album: "Neon Tidewater",
        album_artist: "Marlow Vane",
      },
    });
    await rm(deleted.path);

    const third = await ingestFolder({ db, storage, folder: music });
    expect(third).toMatchObject({ added: 0, updated: 1, skipped: 6, retired: 1 });
    expect(third.failed).toHaveLength(1);

    const after = await trackBySource(changed.path);
    expect(after.id).toBe(before.id);
    expect(after.title).toBe("Chrome Gulls (Remaster)");
    expect(after.sourceHash).not.toBe(before.sourceHash);
    expect(after.masterPath).not.toBe(before.masterPath);
    // The previous encoding stays while URLs signed for it may live, then is collected.
    const oldPrefix = path.posix.dirname(before.masterPath ?? "x") + "/";
    expect((await storage.list(oldPrefix)).length).toBeGreaterThan(0);
    expect(await storage.head(after.masterPath ?? "")).not.toBeNull();
    const [superseded] = await db.select().from(schema.supersededEncoding);
    expect(superseded?.prefix).toBe(oldPrefix);
    const retention = encodingRetentionSeconds() * 1000;
    expect(superseded?.collectAfter.getTime()).toBeGreaterThan(Date.now() + retention - 60_000);
    expect(await collectSupersededEncodings(db, storage, new Date(Date.now() + 60_000))).toBe(0);
    expect((await storage.list(oldPrefix)).length).toBeGreaterThan(0);
    expect(await collectSupersededEncodings(db, storage, new Date(Date.now() + retention + 1000))).toBe(1);
    expect(await storage.list(oldPrefix)).toEqual([]);
    expect(await db.select().from(schema.supersededEncoding)).toEqual([]);
    expect(await storage.head(after.masterPath ?? "")).not.toBeNull();
    // The content key is kept across encodings: segments of the old one still decrypt mid-play.
    expect(await trackContentKey(db, after.id)).toEqual(beforeKey);

    const retired = await trackBySource(deleted.path);
    expect(retired.retiredAt).toBeInstanceOf(Date);

    // Put the deleted file back unchanged: the track returns without re-encoding.
    await generateDemoCatalog({ outDir: music, limit: 8, durationSeconds: 3 });
    const fourth = await ingestFolder({ db, storage, folder: music });
    expect(fourth).toMatchObject({ added: 0, updated: 1, skipped: 7, retired: 0, audioSeconds: 0 });
    expect((await trackBySource(deleted.path)).retiredAt).toBeNull();
  });
});

async function trackBySource(source: string) {
  const [row] = await handle.db.select().from(schema.track).where(eq(schema.track.sourcePath, source));
  if (!row) throw new Error(`no track for ${source}`);
  return row;
}
