import { createCipheriv, randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import { renditionDir } from "@cadence/domain/streaming";

import { runFfmpeg, untrustedInput } from "./ffmpeg";
import type { RunOptions } from "./ffmpeg";
import { EBUR128_FILTER, parseEbur128Summary } from "./loudness";
import type { Loudness } from "./loudness";
import { splitFragmentedMp4 } from "./mp4";
import type { Fragment } from "./mp4";

/** The ladder: AAC-LC stereo at these bitrates (kb/s). */
export const LADDER_KBPS = [64, 128, 256] as const;
export const AAC_LC_CODECS = "mp4a.40.2";
/** Key URI written into media playlists; the streaming origin rewrites it per listener. */
export const KEY_URI_PLACEHOLDER = "key";
export const MASTER_PLAYLIST = "master.m3u8";

export interface HlsOptions extends RunOptions {
  bitratesKbps?: readonly number[];
  /** Short first segment so playback starts after ~1 s of download. */
  firstSegmentSeconds?: number;
  segmentSeconds?: number;
  /** AES-128 content key; a fresh random one when omitted. */
  key?: Buffer;
  /** Source sample rate, to keep 44.1 kHz material at 44.1 kHz. */
  sourceSampleRate?: number | null;
  /** Also measure EBU R128 loudness in the same decode pass. */
  measureLoudness?: boolean;
  /**
   * Takes the finished objects (each rendition's, then the master playlist) instead of writing
   * them under `outDir`: ingest hands them straight to storage, with no staging copy to read back.
   */
  publish?: LadderPublisher;
}

/** A finished file of the ladder: its path relative to the ladder root, and its bytes. */
export interface LadderObject {
  path: string;
  body: Buffer;
}

export type LadderPublisher = (objects: LadderObject[]) => Promise<void>;

export interface HlsSegment {
  /** File name, relative to the rendition's playlist. */
  uri: string;
  durationSeconds: number;
  /** Encrypted size. */
  bytes: number;
  /** AES-128-CBC IV, 32 hex digits. */
  iv: string;
}

export interface HlsRendition {
  bitrateKbps: number;
  codecs: string;
  sampleRate: number;
  channels: number;
  /** Directory of this rendition, relative to the ladder root ("128k"). */
  dir: string;
  /** Media playlist path relative to the ladder root ("128k/index.m3u8"). */
  playlist: string;
  init: { uri: string; bytes: number };
  segments: HlsSegment[];
  durationSeconds: number;
  /** Init + segments. */
  totalBytes: number;
  /** BANDWIDTH: the highest bitrate of any one segment. */
  peakBandwidth: number;
  /** AVERAGE-BANDWIDTH: the bitrate over the whole track. */
  averageBandwidth: number;
}

export interface HlsLadder {
  /** Where the files were written (only ffmpeg's intermediates, with `publish`). */
  dir: string;
  master: string;
  key: Buffer;
  renditions: HlsRendition[];
  durationSeconds: number;
  sampleRate: number;
  loudness: Loudness | null;
  /** Every file written or published, relative to `dir` with forward slashes. */
  files: string[];
}

// ffmpeg cuts a fragment once it reaches this length; segments are whole numbers of fragments.
const FRAGMENT_MICROSECONDS = 1_000_000;

/**
 * Transcodes `input` into an encrypted fMP4 HLS ladder under `outDir`.
 *
 * ffmpeg's hls muxer cannot do this itself: it refuses AES-128 with fMP4, and -hls_init_time on a
 * VOD playlist shortens every segment rather than the first. So one ffmpeg run decodes once and
 * encodes every bitrate to a fragmented MP4 with ~1 s fragments; the fragments are then grouped
 * into segments (one fragment first, about four after), and each finished segment is encrypted
 * whole with AES-128-CBC under its own IV. The init section stays clear.
 */
export async function transcodeToHls(
  input: string,
  outDir: string,
  options: HlsOptions = {},
): Promise<HlsLadder> {
  const bitrates = options.bitratesKbps ?? LADDER_KBPS;
  const firstSeconds = options.firstSegmentSeconds ?? 1;
  const segmentSeconds = options.segmentSeconds ?? 4;
  const key = options.key ?? randomBytes(16);
  if (key.length !== 16) throw new RangeError("AES-128 key must be 16 bytes");
  const sampleRate = outputSampleRate(options.sourceSampleRate);
  const publish = options.publish ?? writeUnder(outDir);

  await mkdir(outDir, { recursive: true });
  const intermediates = bitrates.map((kbps) => path.join(outDir, `.${kbps}k.fmp4`));
  try {
    const { stderr } = await runFfmpeg(
      ladderArgs(input, intermediates, bitrates, sampleRate, options.measureLoudness ?? false),
      options,
    );
    const renditions: HlsRendition[] = [];
    const files: string[] = [MASTER_PLAYLIST];
    // One rendition at a time, so only one is in memory.
    for (const [index, kbps] of bitrates.entries()) {
      const intermediate = intermediates[index] ?? "";
      const { rendition, objects } = packageRendition(await readFile(intermediate), {
        kbps,
        key,
        sampleRate,
        firstSeconds,
        segmentSeconds,
      });
      await publish(objects);
      renditions.push(rendition);
      files.push(...objects.map((object) => object.path));
    }
    // Last: a master playlist never names a rendition that is not there yet.
    await publish([{ path: MASTER_PLAYLIST, body: Buffer.from(masterPlaylist(renditions)) }]);
    return {
      dir: outDir,
      master: MASTER_PLAYLIST,
      key,
      renditions,
      durationSeconds: Math.max(0, ...renditions.map((rendition) => rendition.durationSeconds)),
      sampleRate,
      loudness: options.measureLoudness ? parseEbur128Summary(stderr) : null,
      files,
    };
  } finally {
    await Promise.all(intermediates.map((file) => rm(file, { force: true })));
  }
}

/** 44.1 kHz family stays 44.1 kHz (no resampling of CD material); everything else plays at 48. */
export function outputSampleRate(source: number | null | undefined): number {
  if (source === 44100 || source === 48000) return source;
  return source && source % 11025 === 0 ? 44100 : 48000;
}

/** ffmpeg's encoder options for one AAC rung of the ladder. */
export function aacRungArgs(kbps: number): string[] {
  // The cheaper quantiser search. Its authors found it sounds better than twoloop at higher
  // bitrates, twoloop only at low ones (ffmpeg commit fcb681ac, which made it the default for a
  // while); the 64 kb/s rung may lose a little. It is a third of the CPU: the ladder of 44 s of
  // music took 1.2 s here against 3.6 s (ffmpeg 5.1 and the npm 4.1 alike).
  return ["-c:a", "aac", "-aac_coder", "fast", "-b:a", `${kbps}k`];
}

function ladderArgs(
  input: string,
  outputs: readonly string[],
  bitrates: readonly number[],
  sampleRate: number,
  measureLoudness: boolean,
): string[] {
  const labels = bitrates.map((_, index) => `[r${index}]`);
  const branches = labels.length + (measureLoudness ? 1 : 0);
  let graph =
    `[0:a:0]aresample=${sampleRate},` +
    `aformat=sample_fmts=fltp:sample_rates=${sampleRate}:channel_layouts=stereo,` +
    `asplit=${branches}${labels.join("")}${measureLoudness ? "[loud]" : ""}`;
  // Loudness is measured on the stereo signal listeners hear, as a sink in the same graph.
  if (measureLoudness) graph += `;[loud]${EBUR128_FILTER},anullsink`;

  const args = ["-y", ...untrustedInput(input), "-filter_complex", graph];
  bitrates.forEach((kbps, index) => {
    args.push(
      "-map",
      labels[index] ?? "",
      "-map_metadata",
      "-1",
      ...aacRungArgs(kbps),
      "-movflags",
      "+empty_moov+default_base_moof",
      "-frag_duration",
      String(FRAGMENT_MICROSECONDS),
      "-fflags",
      "+bitexact",
      "-f",
      "mp4",
      outputs[index] ?? "",
    );
  });
  return args;
}

interface RenditionSpec {
  kbps: number;
  key: Buffer;
  sampleRate: number;
  firstSeconds: number;
  segmentSeconds: number;
}

/** Writes published objects as files under `outDir` (tests, tools: the default). */
function writeUnder(outDir: string): LadderPublisher {
  return async (objects) => {
    for (const object of objects) {
      const file = path.join(outDir, object.path);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, object.body);
    }
  };
}

/** One rendition's media playlist, init section and encrypted segments, in memory. */
function packageRendition(
  fmp4: Buffer,
  spec: RenditionSpec,
): { rendition: HlsRendition; objects: LadderObject[] } {
  const dir = renditionDir(spec.kbps);
  const { init, timescale, fragments } = splitFragmentedMp4(fmp4);
  const initUri = "init.mp4";
  const objects: LadderObject[] = [{ path: `${dir}/${initUri}`, body: init }];

  const segments: HlsSegment[] = [];
  for (const [index, group] of groupFragments(
    fragments,
    timescale,
    spec.firstSeconds,
    spec.segmentSeconds,
  ).entries()) {
    const iv = randomBytes(16);
    const cipher = createCipheriv("aes-128-cbc", spec.key, iv);
    const encrypted = Buffer.concat([
      cipher.update(Buffer.concat(group.map((fragment) => fragment.bytes))),
      cipher.final(),
    ]);
    const uri = `seg-${String(index).padStart(5, "0")}.m4s`;
    objects.push({ path: `${dir}/${uri}`, body: encrypted });
    const ticks = group.reduce((sum, fragment) => sum + fragment.durationTicks, 0);
    segments.push({
      uri,
      durationSeconds: ticks / timescale,
      bytes: encrypted.length,
      iv: iv.toString("hex"),
    });
  }

  const durationSeconds = segments.reduce((sum, segment) => sum + segment.durationSeconds, 0);
  const segmentBytes = segments.reduce((sum, segment) => sum + segment.bytes, 0);
  const rendition: HlsRendition = {
    bitrateKbps: spec.kbps,
    codecs: AAC_LC_CODECS,
    sampleRate: spec.sampleRate,
    channels: 2,
    dir,
    playlist: `${dir}/index.m3u8`,
    init: { uri: initUri, bytes: init.length },
    segments,
    durationSeconds,
    totalBytes: init.length + segmentBytes,
    peakBandwidth: Math.ceil(
      Math.max(0, ...segments.map((segment) => (segment.bytes * 8) / segment.durationSeconds)),
    ),
    averageBandwidth: Math.ceil(durationSeconds > 0 ? (segmentBytes * 8) / durationSeconds : 0),
  };
  // The playlist first: the order files were listed in before, playlist then its parts.
  objects.unshift({ path: rendition.playlist, body: Buffer.from(mediaPlaylist(rendition)) });
  return { rendition, objects };
}

/**
 * Groups ~1 s fragments into segments: the first closes as soon as it holds `firstSeconds`, the
 * rest at `segmentSeconds` (5% slack, so four 1.02 s AAC fragments are not split 4 + 1).
 */
export function groupFragments(
  fragments: readonly Fragment[],
  timescale: number,
  firstSeconds: number,
  segmentSeconds: number,
): Fragment[][] {
  const groups: Fragment[][] = [];
  let current: Fragment[] = [];
  let ticks = 0;
  for (const fragment of fragments) {
    current.push(fragment);
    ticks += fragment.durationTicks;
    const target = groups.length === 0 ? firstSeconds : segmentSeconds;
    if (ticks / timescale >= target * 0.95) {
      groups.push(current);
      current = [];
      ticks = 0;
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export function mediaPlaylist(rendition: HlsRendition): string {
  const longest = Math.max(1, ...rendition.segments.map((segment) => segment.durationSeconds));
  const lines = [
    "#EXTM3U",
    // 7: EXT-X-MAP in a playlist without I-frames needs 6+; fMP4 audio conventionally uses 7.
    "#EXT-X-VERSION:7",
    `#EXT-X-TARGETDURATION:${Math.ceil(longest)}`,
    "#EXT-X-MEDIA-SEQUENCE:0",
    "#EXT-X-PLAYLIST-TYPE:VOD",
    "#EXT-X-INDEPENDENT-SEGMENTS",
    // Before any EXT-X-KEY, so the init section is not covered by a key and stays clear.
    `#EXT-X-MAP:URI="${rendition.init.uri}"`,
  ];
  for (const segment of rendition.segments) {
    lines.push(
      `#EXT-X-KEY:METHOD=AES-128,URI="${KEY_URI_PLACEHOLDER}",IV=0x${segment.iv}`,
      `#EXTINF:${segment.durationSeconds.toFixed(5)},`,
      segment.uri,
    );
  }
  lines.push("#EXT-X-ENDLIST", "");
  return lines.join("\n");
}

export function masterPlaylist(renditions: readonly HlsRendition[]): string {
  const lines = ["#EXTM3U", "#EXT-X-VERSION:7", "#EXT-X-INDEPENDENT-SEGMENTS"];
  // Players start with the first variant listed; 128 kb/s is a sound first guess before any
  // throughput is known, the others follow in ascending order.
  const ordered = [...renditions].sort(
    (a, b) => Number(b.bitrateKbps === 128) - Number(a.bitrateKbps === 128) || a.bitrateKbps - b.bitrateKbps,
  );
  for (const rendition of ordered) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${rendition.peakBandwidth},` +
        `AVERAGE-BANDWIDTH=${rendition.averageBandwidth},CODECS="${rendition.codecs}"`,
      rendition.playlist,
    );
  }
  lines.push("");
  return lines.join("\n");
}
