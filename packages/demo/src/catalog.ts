import { randomBytes } from "node:crypto";
import { access, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";

import { mapWithConcurrency, runFfmpeg } from "@cadence/media";

import { coverFilter } from "./cover";
import { ALBUMS } from "./albums";
import type { DemoFormat } from "./albums";
import { addItunesTags } from "./itunes-tags";
import { composeSong, prng, renderSong } from "./synth";
import type { Genre } from "./synth";

/**
 * A demo catalog of invented artists, synthesised in JavaScript, encoded by ffmpeg and written as
 * ordinary tagged audio files with cover art, so it is ingested exactly like a real music folder.
 * Everything derives from a seed: a rerun writes byte-identical files, which incremental ingest then skips.
 */

export interface DemoTrack {
  path: string;
  relativePath: string;
  title: string;
  /** The artist tag as written (may name several artists). */
  artistTag: string;
  album: string;
  albumArtist: string;
  trackNumber: number;
  discNumber: number;
  genre: Genre;
  date: string;
  label: string | null;
  isrc: string;
  explicit: boolean;
  format: DemoFormat;
  durationSeconds: number;
}

export interface DemoAlbum {
  title: string;
  artist: string;
  coverPath: string;
}

export interface DemoCatalog {
  tracks: DemoTrack[];
  albums: DemoAlbum[];
  /** The deliberately broken file, when asked for. */
  corruptPath: string | null;
}

export interface DemoCatalogOptions {
  outDir: string;
  seed?: number;
  /** Only the first N tracks (tests and benchmarks). */
  limit?: number;
  /** Same length for every track instead of the planned 30–90 s (tests). */
  durationSeconds?: number;
  /** Add one file with an audio extension and garbage inside. */
  includeCorrupt?: boolean;
  /** Rewrite files that already exist (by default they are kept: same seed, same bytes). */
  force?: boolean;
  concurrency?: number;
  onProgress?: (done: number, total: number, track: DemoTrack) => void;
  /** Called once all of an album's tracks (of those asked for) are written. */
  onAlbum?: (album: DemoAlbum) => void;
}

const SAMPLE_RATE = 44100;

/** The catalog's layout and tags, without writing anything. */
export function planDemoCatalog(
  options: Pick<DemoCatalogOptions, "outDir" | "seed" | "limit" | "durationSeconds">,
): { tracks: DemoTrack[]; albums: DemoAlbum[] } {
  const seed = options.seed ?? 1;
  const tracks: DemoTrack[] = [];
  const albums: DemoAlbum[] = [];
  let sequence = 0;
  for (const album of ALBUMS) {
    const albumDir = path.join(options.outDir, safeName(album.artist), safeName(album.title));
    albums.push({ title: album.title, artist: album.artist, coverPath: path.join(albumDir, "cover.jpg") });
    const perDisc = new Map<number, number>();
    for (const plan of album.tracks) {
      sequence += 1;
      const disc = plan.disc ?? 1;
      const trackNumber = (perDisc.get(disc) ?? 0) + 1;
      perDisc.set(disc, trackNumber);
      const random = prng(hashString(`${seed}:${album.title}:${plan.title}`));
      const durationSeconds = options.durationSeconds ?? Math.round(30 + random() * 60);
      const prefix = disc > 1 ? `${disc}-` : "";
      const fileName = `${prefix}${String(trackNumber).padStart(2, "0")} ${safeName(plan.title)}.${album.format}`;
      const file = path.join(albumDir, fileName);
      tracks.push({
        path: file,
        relativePath: path.relative(options.outDir, file).split(path.sep).join("/"),
        title: plan.title,
        artistTag: plan.artist ?? album.artist,
        album: album.title,
        albumArtist: album.artist,
        trackNumber,
        discNumber: disc,
        genre: album.genre,
        date: album.date,
        label: album.label ?? null,
        // QZ is the registrant prefix for self-releases; CDN = Cadence demo.
        isrc: `QZCDN${album.date.slice(2, 4)}${String(sequence).padStart(5, "0")}`,
        explicit: plan.explicit ?? false,
        format: album.format,
        durationSeconds,
      });
    }
  }
  return { tracks: tracks.slice(0, options.limit ?? tracks.length), albums };
}

export async function generateDemoCatalog(options: DemoCatalogOptions): Promise<DemoCatalog> {
  const seed = options.seed ?? 1;
  const { tracks, albums } = planDemoCatalog(options);
  const used = albums.filter((album) => tracks.some((track) => track.album === album.title));

  await mapWithConcurrency(used, options.concurrency ?? availableParallelism(), async (album) => {
    if (options.force || !(await exists(album.coverPath))) {
      const styleIndex = ALBUMS.findIndex((candidate) => candidate.title === album.title);
      await writeCover(album.coverPath, hashString(`${seed}:cover:${album.title}`), styleIndex);
    }
  });

  let done = 0;
  const left = new Map(used.map((album) => [album, tracks.filter((t) => t.album === album.title).length]));
  // In path order (artist, album, track), the order a folder scan ingests them in: an importer
  // following album by album creates the albums in the same order as a whole-folder ingest.
  const inPathOrder = [...tracks].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  await mapWithConcurrency(inPathOrder, options.concurrency ?? availableParallelism(), async (track) => {
    const album = used.find((candidate) => candidate.title === track.album);
    if (options.force || !(await exists(track.path))) {
      await writeTrack(track, album?.coverPath ?? null, hashString(`${seed}:${track.isrc}`));
    }
    done += 1;
    options.onProgress?.(done, tracks.length, track);
    if (album) {
      left.set(album, (left.get(album) ?? 1) - 1);
      if (left.get(album) === 0) options.onAlbum?.(album);
    }
  });

  let corruptPath: string | null = null;
  if (options.includeCorrupt) {
    corruptPath = path.join(options.outDir, "Unknown Artist", "Broken Tape", "01 Static.flac");
    await mkdir(path.dirname(corruptPath), { recursive: true });
    // A FLAC signature followed by noise: it looks like audio until something reads it.
    const random = prng(seed);
    const noise = Buffer.from(Array.from({ length: 8192 }, () => Math.floor(random() * 256)));
    await writeFile(corruptPath, Buffer.concat([Buffer.from("fLaC"), noise]));
  }
  return { tracks, albums: used, corruptPath };
}

async function writeCover(file: string, seed: number, styleIndex: number): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await atomically(file, (temp) =>
    runFfmpeg([
      "-y",
      "-filter_complex",
      coverFilter(seed, styleIndex),
      "-map",
      "[cover]",
      "-frames:v",
      "1",
      "-c:v",
      "mjpeg",
      "-q:v",
      "3",
      "-fflags",
      "+bitexact",
      "-flags",
      "+bitexact",
      "-f",
      "mjpeg",
      temp,
    ]),
  );
}

async function writeTrack(track: DemoTrack, coverPath: string | null, seed: number): Promise<void> {
  await mkdir(path.dirname(track.path), { recursive: true });
  const pcm = renderSong(composeSong(track.genre, seed), track.durationSeconds, SAMPLE_RATE);
  const tags: Record<string, string> = {
    title: track.title,
    artist: track.artistTag,
    album: track.album,
    album_artist: track.albumArtist,
    track: String(track.trackNumber),
    disc: String(track.discNumber),
    date: track.date,
    genre: track.genre,
    // ID3 has a dedicated frame for ISRC; Vorbis comments and RIFF use the plain name (MP4 gets
    // its ISRC and advisory atoms patched in afterwards: ffmpeg drops both).
    [track.format === "mp3" ? "TSRC" : "ISRC"]: track.isrc,
  };
  if (track.explicit) tags.ITUNESADVISORY = "1";
  // ffmpeg writes ID3 TPUB and a Vorbis PUBLISHER from this; MP4 gets a freeform LABEL below.
  if (track.label && track.format !== "m4a") tags.publisher = track.label;

  const cover = coverPath ? await readFile(coverPath) : null;
  const picture = cover && (track.format === "ogg" || track.format === "opus");
  // Ogg has no picture stream: covers travel as a base64 FLAC picture block in a comment.
  if (picture) tags.METADATA_BLOCK_PICTURE = flacPictureBlock(cover).toString("base64");
  const embedStream = cover !== null && coverPath !== null && ["flac", "mp3", "m4a"].includes(track.format);

  // Tags go through an ffmetadata file: a base64 cover is longer than one argv entry may be.
  const metadataFile = `${track.path}.${randomBytes(4).toString("hex")}.ffmeta`;
  await writeFile(metadataFile, ffmetadata(tags));
  try {
    const args = ["-y", "-f", "s16le", "-ar", String(SAMPLE_RATE), "-ac", "2", "-i", "pipe:0"];
    args.push("-f", "ffmetadata", "-i", metadataFile);
    if (embedStream) args.push("-i", coverPath);
    args.push("-map", "0:a", "-map_metadata", "1");
    if (embedStream) {
      args.push("-map", "2:v", "-c:v", "copy", "-disposition:v", "attached_pic");
      args.push("-metadata:s:v", "title=Album cover", "-metadata:s:v", "comment=Cover (front)");
    }
    args.push(...CODEC_ARGS[track.format], "-fflags", "+bitexact", "-flags:a", "+bitexact");
    await atomically(track.path, async (temp) => {
      await runFfmpeg([...args, "-f", MUXERS[track.format], temp], { input: pcm });
      if (track.format === "m4a") {
        const patched = addItunesTags(await readFile(temp), {
          explicit: track.explicit,
          isrc: track.isrc,
          ...(track.label ? { label: track.label } : {}),
        });
        await writeFile(temp, patched);
      }
    });
  } finally {
    await rm(metadataFile, { force: true });
  }
}

// These files are sources that ingest transcodes again: the cheaper encoder settings (LAME's
// -q 7, Opus's complexity 3) save a third of the catalog's encoding time.
const CODEC_ARGS: Record<DemoFormat, string[]> = {
  flac: ["-c:a", "flac"],
  mp3: ["-c:a", "libmp3lame", "-b:a", "192k", "-compression_level", "7", "-id3v2_version", "4"],
  ogg: ["-c:a", "libvorbis", "-q:a", "5"],
  opus: ["-c:a", "libopus", "-b:a", "128k", "-compression_level", "3"],
  m4a: ["-c:a", "aac", "-aac_coder", "fast", "-b:a", "192k"],
  wav: ["-c:a", "pcm_s16le"],
};

const MUXERS: Record<DemoFormat, string> = {
  flac: "flac",
  mp3: "mp3",
  ogg: "ogg",
  opus: "ogg",
  m4a: "ipod",
  wav: "wav",
};

/** The FLAC METADATA_BLOCK_PICTURE layout (front cover, JPEG, 600x600). */
function flacPictureBlock(jpeg: Buffer): Buffer {
  const mime = Buffer.from("image/jpeg");
  const description = Buffer.from("Cover (front)");
  const u32 = (value: number) => {
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32BE(value);
    return buffer;
  };
  return Buffer.concat([
    u32(3),
    u32(mime.length),
    mime,
    u32(description.length),
    description,
    u32(600),
    u32(600),
    u32(24),
    u32(0),
    u32(jpeg.length),
    jpeg,
  ]);
}

function ffmetadata(tags: Record<string, string>): string {
  const escape = (value: string) => value.replace(/[=;#\\\n]/g, (char) => `\\${char}`);
  const lines = Object.entries(tags).map(([key, value]) => `${escape(key)}=${escape(value)}`);
  return `;FFMETADATA1\n${lines.join("\n")}\n`;
}

// Files appear whole or not at all, so an interrupted run never leaves a half file that a
// later run would mistake for finished.
async function atomically(file: string, write: (temp: string) => Promise<unknown>): Promise<void> {
  const temp = `${file}.${randomBytes(4).toString("hex")}.partial`;
  try {
    await write(temp);
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

function safeName(name: string): string {
  return name.replace(/[/\\:*?"<>|]/g, "_").replace(/^\.+/, "_");
}

/** FNV-1a: a stable 32-bit seed from a string. */
function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index++) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
