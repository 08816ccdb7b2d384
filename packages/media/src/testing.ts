import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { runFfmpeg } from "./ffmpeg";

/** Helpers for tests: real files made by real ffmpeg in throwaway directories. */

export interface TempDir {
  path: string;
  remove(): Promise<void>;
}

export async function tempDir(prefix = "cadence-media-"): Promise<TempDir> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { path: dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface ToneOptions {
  seconds: number;
  frequency?: number;
  /** Peak amplitude, 0–1. */
  amplitude?: number;
  channels?: 1 | 2;
  /** White noise amplitude mixed in, so encoders have something to spend bits on. */
  noise?: number;
  sampleRate?: number;
  metadata?: Record<string, string>;
  /** A JPEG/PNG to embed as front cover (mp3, flac, m4a). */
  cover?: string;
  codecArgs?: string[];
}

/** Writes a sine tone to `file`; the container follows the extension. */
export async function writeTone(file: string, options: ToneOptions): Promise<void> {
  const frequency = options.frequency ?? 997;
  const amplitude = options.amplitude ?? 0.5;
  const channels = options.channels ?? 2;
  // One expression per channel: an -ac upmix would pan the mono tone down by 3 dB.
  const noise = options.noise ? `+${options.noise}*(2*random(0)-1)` : "";
  const tone = `${amplitude}*sin(2*PI*${frequency}*t)${noise}`;
  const source =
    `aevalsrc=exprs='${Array.from({ length: channels }, () => tone).join("|")}'` +
    `:s=${options.sampleRate ?? 44100}:d=${options.seconds}`;
  const args = ["-y", "-f", "lavfi", "-i", source];
  if (options.cover) args.push("-i", options.cover);
  args.push("-map", "0:a");
  if (options.cover) {
    args.push("-map", "1:v", "-c:v", "copy", "-disposition:v", "attached_pic");
    args.push("-metadata:s:v", "comment=Cover (front)");
  }
  for (const [key, value] of Object.entries(options.metadata ?? {}))
    args.push("-metadata", `${key}=${value}`);
  args.push(...(options.codecArgs ?? []), file);
  await runFfmpeg(args);
}

/** A small solid-colour JPEG. */
export async function writeImage(file: string, colour = "teal"): Promise<void> {
  await runFfmpeg([
    "-y",
    "-f",
    "lavfi",
    "-i",
    `color=c=${colour}:s=64x64:d=1`,
    "-frames:v",
    "1",
    "-c:v",
    "mjpeg",
    "-f",
    "mjpeg",
    file,
  ]);
}

/** Duration in seconds of what ffmpeg can actually decode from `file` (no ffprobe needed). */
export async function decodedSeconds(file: string): Promise<number> {
  const { stderr } = await runFfmpeg(["-i", file, "-map", "0:a:0", "-f", "null", "-"]);
  const times = [...stderr.matchAll(/time=(\d+):(\d+):(\d+(?:\.\d+)?)/g)];
  const last = times[times.length - 1];
  if (!last) throw new Error(`ffmpeg decoded nothing from ${file}`);
  return Number(last[1]) * 3600 + Number(last[2]) * 60 + Number(last[3]);
}
