import { copyFile, mkdir, readFile, symlink, truncate, writeFile } from "node:fs/promises";
import path from "node:path";

import { schema } from "@cadence/db";
import type { DbHandle } from "@cadence/db";
import { createTestDb } from "@cadence/db/testing";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { FfmpegError, runFfmpeg } from "./ffmpeg";
import { transcodeToHls } from "./hls";
import { ingestFolder } from "./ingest";
import type { IngestSummary } from "./ingest";
import { LocalStorage } from "./local-storage";
import { tempDir, writeImage, writeTone } from "./testing";
import type { TempDir } from "./testing";

/**
 * A messy real library, made by the test: every input format, cover art embedded and beside
 * the files, a multi-disc album, a compilation, featured artists in titles, MusicBrainz ids,
 * and every kind of broken or hostile file. Real ffmpeg, real files, PGlite.
 */

let dir: TempDir;
let music: string;
let outside: string;
let handle: DbHandle;
let storage: LocalStorage;
let first: IngestSummary;

const RECORDING_ID = "0b3c2f5e-1d44-4c1b-9a8e-2f6a7d9e1c01";
const RELEASE_ID = "7f1e6d5c-4b3a-4a29-8e17-6c5d4b3a2f10";

const FORMATS: [file: string, codecArgs: string[]][] = [
  ["Formats/01 Flac.flac", []],
  ["Formats/02 Mp3.mp3", ["-c:a", "libmp3lame"]],
  ["Formats/03 Vorbis.ogg", ["-c:a", "libvorbis"]],
  ["Formats/04 Opus.opus", ["-c:a", "libopus"]],
  ["Formats/05 Aac.m4a", ["-c:a", "aac"]],
  ["Formats/06 Alac.m4a", ["-c:a", "alac"]],
  ["Formats/07 Wave.wav", []],
];

function file(relative: string): string {
  return path.join(music, relative);
}

beforeAll(async () => {
  dir = await tempDir();
  music = path.join(dir.path, "music");
  outside = path.join(dir.path, "outside");
  await mkdir(outside, { recursive: true });
  for (const sub of ["Formats", "Double/CD1", "Double/CD2", "Comp", "Broken", "Hostile"]) {
    await mkdir(file(sub), { recursive: true });
  }
  // Formats: one album, art in folder.png beside the files.
  await writeImage(path.join(dir.path, "folder.jpg"), "orange");
  await runFfmpeg(["-y", "-i", path.join(dir.path, "folder.jpg"), file("Formats/folder.png")]);
  for (const [index, [relative, codecArgs]] of FORMATS.entries()) {
    const title = path.basename(relative).replace(/^\d+ /, "").replace(/\..*$/, "");
    await writeTone(file(relative), {
      seconds: 1,
      frequency: 300 + index * 50,
      codecArgs,
      metadata: { title, artist: "Format Band", album: "Every Format", track: String(index + 1) },
    });
  }
  // Two discs; cover.jpg in each disc folder; MusicBrainz ids on the first track.
  await writeImage(file("Double/CD1/cover.jpg"), "navy");
  await copyFile(file("Double/CD1/cover.jpg"), file("Double/CD2/cover.jpg"));
  for (const [disc, track] of [
    [1, 1],
    [1, 2],
    [2, 1],
  ] as const) {
    await writeTone(file(`Double/CD${disc}/${track} Part.flac`), {
      seconds: 1,
      frequency: 200 + disc * 100 + track * 10,
      metadata: {
        title: `Disc ${disc} Track ${track}`,
        artist: "Double Act",
        album_artist: "Double Act",
        album: "Two Sides",
        disc: `${disc}/2`,
        track: String(track),
        ...(disc === 1 && track === 1
          ? { MUSICBRAINZ_TRACKID: RECORDING_ID, MUSICBRAINZ_ALBUMID: RELEASE_ID }
          : {}),
      },
    });
  }
  // A compilation: per-track artists under Various Artists, a featured artist in one title.
  await writeTone(file("Comp/01 Opener.mp3"), {
    seconds: 1,
    frequency: 700,
    metadata: { title: "Opener", artist: "Ana Ray", album_artist: "Various Artists", album: "Summer Hits" },
  });
  await writeTone(file("Comp/02 Duet.mp3"), {
    seconds: 1,
    frequency: 750,
    metadata: {
      title: "Duet (feat. Bo Lin & Cy Park)",
      artist: "Dee Vo",
      album_artist: "Various Artists",
      album: "Summer Hits",
    },
  });
  // Compilation flag, no album artist: still one album under Various Artists.
  await writeTone(file("Comp/03 Closer.m4a"), {
    seconds: 1,
    frequency: 800,
    codecArgs: ["-c:a", "aac"],
    metadata: { title: "Closer ft. Eve Ash", artist: "Fay Lu", album: "Summer Hits", compilation: "1" },
  });

  // Broken files: each must be reported with its reason and skipped.
  await writeFile(file("Broken/empty.mp3"), "");
  await writeFile(file("Broken/notes.mp3"), "These are my notes, not a song.\n".repeat(40));
  await writeTone(file("Broken/cut.flac"), { seconds: 6, noise: 0.3 });
  const full = await readFile(file("Broken/cut.flac"));
  await truncate(file("Broken/cut.flac"), Math.floor(full.length * 0.4));
  // An ID3v2 header claiming a tag longer than the file, then garbage.
  const garbage = Buffer.alloc(4096, 0xab);
  garbage.write("ID3", 0, "latin1");
  garbage.set([4, 0, 0, 0x7f, 0x7f, 0x7f, 0x7f], 3);
  await writeFile(file("Broken/bad-tags.mp3"), garbage);
  // Ten hours of silence: small as FLAC, refused before any decoding.
  await runFfmpeg([
    ...["-y", "-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", "36000"],
    ...["-c:a", "flac", "-compression_level", "0", file("Broken/ten-hours.flac")],
  ]);

  // Hostile files: each tries to make ingest read outside the folder.
  await writeTone(path.join(outside, "secret.mp3"), { seconds: 2, metadata: { title: "Outside Secret" } });
  const target = path.join(outside, "secret.mp3");
  await writeFile(
    file("Hostile/playlist.mp3"),
    `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:2,\nfile:${target}\n#EXT-X-ENDLIST\n`,
  );
  await writeFile(file("Hostile/concat.mp3"), `ffconcat version 1.0\nfile 'file:${target}'\n`);
  await symlink(target, file("Hostile/link.mp3"));
  await symlink("/etc/passwd", file("Hostile/passwd.mp3"));

  handle = await createTestDb("pglite");
  storage = new LocalStorage(path.join(dir.path, "objects"));
  first = await ingestFolder({ db: handle.db, storage, folder: music, concurrency: 2 });
}, 120_000);
afterAll(async () => {
  await handle.close();
  await dir.remove();
});

async function tracksUnder(prefix: string) {
  const rows = await handle.db
    .select({ track: schema.track, album: schema.album, albumArtist: schema.artist.name })
    .from(schema.track)
    .innerJoin(schema.album, eq(schema.album.id, schema.track.albumId))
    .innerJoin(schema.artist, eq(schema.artist.id, schema.album.artistId))
    .orderBy(asc(schema.track.sourcePath));
  return rows.filter((row) => row.track.sourcePath?.startsWith(file(prefix)));
}

async function creditsOf(trackId: string): Promise<string[]> {
  const rows = await handle.db
    .select({ name: schema.artist.name })
    .from(schema.trackArtist)
    .innerJoin(schema.artist, eq(schema.artist.id, schema.trackArtist.artistId))
    .where(eq(schema.trackArtist.trackId, trackId))
    .orderBy(asc(schema.trackArtist.position));
  return rows.map((row) => row.name);
}

describe("a messy music folder", () => {
  it("publishes every format, with folder cover art", async () => {
    const rows = await tracksUnder("Formats/");
    expect(rows.map((row) => row.track.title)).toEqual([
      "Flac",
      "Mp3",
      "Vorbis",
      "Opus",
      "Aac",
      "Alac",
      "Wave",
    ]);
    expect(new Set(rows.map((row) => row.album.id)).size).toBe(1);
    expect(rows[0]?.album.coverPath).toMatch(/^covers\/[0-9a-f]{32}\.png$/);
    for (const { track } of rows) {
      expect(track.durationMs).toBeGreaterThan(900);
      expect(await storage.head(track.masterPath ?? "")).not.toBeNull();
    }
  });

  it("keeps a multi-disc album together, with cover.jpg and MusicBrainz ids", async () => {
    const rows = await tracksUnder("Double/");
    expect(new Set(rows.map((row) => row.album.id)).size).toBe(1);
    expect(rows.map((row) => [row.track.discNumber, row.track.trackNumber])).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
    ]);
    expect(rows[0]?.album.coverPath).toMatch(/^covers\/[0-9a-f]{32}\.jpg$/);
    expect(rows[0]?.track.musicbrainzId).toBe(RECORDING_ID);
    expect(rows[0]?.album.musicbrainzId).toBe(RELEASE_ID);
  });

  it("files a compilation under Various Artists with per-track artists, featured artists split from titles", async () => {
    const rows = await tracksUnder("Comp/");
    expect(new Set(rows.map((row) => row.album.id)).size).toBe(1);
    expect(rows.map((row) => row.albumArtist)).toEqual([
      "Various Artists",
      "Various Artists",
      "Various Artists",
    ]);
    expect(rows.map((row) => row.track.title)).toEqual(["Opener", "Duet", "Closer"]);
    const [opener, duet, closer] = rows.map((row) => row.track.id);
    expect(await creditsOf(opener ?? "")).toEqual(["Ana Ray"]);
    expect(await creditsOf(duet ?? "")).toEqual(["Dee Vo", "Bo Lin", "Cy Park"]);
    expect(await creditsOf(closer ?? "")).toEqual(["Fay Lu", "Eve Ash"]);
  });

  it("reports each broken and hostile file with its reason, skips it and goes on", () => {
    const reasons = Object.fromEntries(
      first.failed.map((failure) => [path.relative(music, failure.path), failure.reason]),
    );
    expect(reasons["Broken/bad-tags.mp3"]).toMatch(/^(cannot parse audio|not a recognised|no audio found)/);
    expect(reasons["Broken/cut.flac"]).toMatch(/^truncated: only \d/);
    expect(reasons).toEqual({
      "Broken/bad-tags.mp3": reasons["Broken/bad-tags.mp3"],
      "Broken/cut.flac": reasons["Broken/cut.flac"],
      "Broken/empty.mp3": "empty file (0 bytes)",
      "Broken/notes.mp3": "not a recognised audio format",
      "Broken/ten-hours.flac": "too long: 10 h 00 min is over the 3 h 00 min maximum (MAX_TRACK_MINUTES)",
      "Hostile/concat.mp3": "not a recognised audio format",
      "Hostile/link.mp3": "links to a file outside the music folder",
      "Hostile/passwd.mp3": "links to a file outside the music folder",
      "Hostile/playlist.mp3": "not a recognised audio format",
    });
    expect(first).toMatchObject({ added: 13, files: 22 });
  });

  it("never lets ffmpeg follow a crafted file out of the folder", async () => {
    // Even past the tag reader, ffmpeg refuses the reference-following demuxers.
    for (const name of ["playlist.mp3", "concat.mp3"]) {
      const out = path.join(dir.path, `out-${name}`);
      await expect(transcodeToHls(file(`Hostile/${name}`), out)).rejects.toThrow(/not on whitelist/);
    }
    const titles = (await handle.db.select({ title: schema.track.title }).from(schema.track)).map(
      (r) => r.title,
    );
    expect(titles).not.toContain("Outside Secret");
  });

  it("kills ffmpeg past its timeout", async () => {
    const run = runFfmpeg(["-f", "lavfi", "-i", "sine=d=3600", "-f", "null", "-"], { timeoutMs: 300 });
    await expect(run).rejects.toBeInstanceOf(FfmpegError);
    await expect(run).rejects.toThrow(/timed out after 0 s/);
  });

  it("loses nothing already ingested when a file breaks later", async () => {
    const [before] = (await tracksUnder("Formats/")).map((row) => row.track);
    if (!before) throw new Error("missing");
    await truncate(before.sourcePath ?? "", 0);
    const again = await ingestFolder({ db: handle.db, storage, folder: music });
    expect(again.failed.map((failure) => failure.path)).toContain(before.sourcePath);
    expect(again).toMatchObject({ added: 0, updated: 0, retired: 0 });
    const [after] = (await tracksUnder("Formats/")).map((row) => row.track);
    expect(after).toMatchObject({ id: before.id, masterPath: before.masterPath, retiredAt: null });
    expect(await storage.head(after?.masterPath ?? "")).not.toBeNull();
  });
});
