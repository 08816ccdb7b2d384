import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { env } from "./env";

export interface FfmpegBinary {
  path: string;
  /** Where it came from: FFMPEG_PATH, the system PATH, or the binary shipped inside npm. */
  source: "env" | "system" | "npm";
}

export interface FfmpegResult {
  stdout: Buffer;
  stderr: string;
}

export interface RunOptions {
  signal?: AbortSignal;
  cwd?: string;
  /** Run this binary instead of the located one (tests comparing builds). */
  binary?: string;
  /** Kill ffmpeg (SIGKILL) when it runs longer than this: a crafted file must not hang ingest. */
  timeoutMs?: number;
  /** Bytes for ffmpeg's standard input (read with `-i pipe:0`). */
  input?: Buffer;
}

/**
 * Demuxers an untrusted input may be opened with: plain audio containers only. Formats that
 * follow references to other files (hls, concat, playlists, image sequences) are not on it,
 * so a music file cannot make ffmpeg read anything beside itself; local files are the only
 * protocol. The input is named with an explicit file: prefix so no name reads as a protocol.
 */
export const INPUT_FORMATS = "mp3,flac,ogg,mov,mp4,m4a,3gp,3g2,mj2,wav,aac";

/** ffmpeg's input arguments for one untrusted audio file. */
export function untrustedInput(file: string): string[] {
  return [
    "-protocol_whitelist",
    "file",
    "-format_whitelist",
    INPUT_FORMATS,
    "-i",
    `file:${path.resolve(file)}`,
  ];
}

/** ffmpeg exited non-zero (or could not start); `stderrTail` holds the lines that explain why. */
export class FfmpegError extends Error {
  override readonly name = "FfmpegError";
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderrTail: string,
  ) {
    super(stderrTail ? `${message}: ${stderrTail}` : message);
  }
}

let located: FfmpegBinary | undefined;

/**
 * The ffmpeg to use. The system one wins (newer, with the distribution's codecs); the npm-shipped
 * static build (ffmpeg 4.1) is the fallback so a machine with only Node still works. ffprobe is
 * deliberately not required: the npm package does not ship it and music-metadata gives durations.
 */
export function locateFfmpeg(): FfmpegBinary {
  if (located) return located;
  const fromEnv = env.FFMPEG_PATH;
  if (fromEnv && isExecutable(fromEnv)) return (located = { path: fromEnv, source: "env" });
  const fromPath = findOnPath("ffmpeg");
  if (fromPath) return (located = { path: fromPath, source: "system" });
  const shipped = npmFfmpegPath();
  if (shipped) return (located = { path: shipped, source: "npm" });
  throw new FfmpegError(
    "ffmpeg not found: install it on PATH or reinstall @ffmpeg-installer/ffmpeg",
    null,
    "",
  );
}

/** For tests and benchmarks that compare the system and the npm binary. */
export function npmFfmpegPath(): string | null {
  try {
    const shipped: unknown = createRequire(import.meta.url)("@ffmpeg-installer/ffmpeg");
    if (
      typeof shipped === "object" &&
      shipped !== null &&
      "path" in shipped &&
      typeof shipped.path === "string" &&
      isExecutable(shipped.path)
    ) {
      return shipped.path;
    }
  } catch {
    // The installer throws on platforms it has no binary for.
  }
  return null;
}

function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// Enough of stderr to explain a failure or hold the ebur128 summary, without unbounded growth.
const STDERR_LIMIT = 256 * 1024;
const TAIL_LINES = 12;

/**
 * Runs ffmpeg with `args` (banner and stdin interaction switched off) and resolves with its
 * output; rejects with an FfmpegError carrying the tail of stderr when it fails.
 */
export function runFfmpeg(args: readonly string[], options: RunOptions = {}): Promise<FfmpegResult> {
  const binary = options.binary ?? locateFfmpeg().path;
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ["-hide_banner", "-nostdin", ...args], {
      cwd: options.cwd,
      signal: options.signal,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill("SIGKILL");
          }, options.timeoutMs);
    // An ffmpeg that fails early closes its input; the exit code below says why.
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input);
    const stdout: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr += chunk;
      if (stderr.length > STDERR_LIMIT * 2) stderr = stderr.slice(-STDERR_LIMIT);
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new FfmpegError(`ffmpeg could not run (${error.message})`, null, stderrTail(stderr)));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        const seconds = Math.round((options.timeoutMs ?? 0) / 1000);
        reject(new FfmpegError(`ffmpeg timed out after ${seconds} s`, null, ""));
        return;
      }
      if (code === 0) {
        resolve({ stdout: Buffer.concat(stdout), stderr });
        return;
      }
      const why = signal ? `killed by ${signal}` : `exited with code ${String(code)}`;
      reject(new FfmpegError(`ffmpeg ${why}`, code, stderrTail(stderr)));
    });
  });
}

export function stderrTail(stderr: string, lines = TAIL_LINES): string {
  return stderr
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-lines)
    .join("\n");
}

/**
 * What the start log says about ffmpeg: which binary runs and its version, and, for the npm
 * fallback (a static build from 2018), how to get a newer one.
 */
export async function describeFfmpeg(): Promise<string[]> {
  let binary: FfmpegBinary;
  try {
    binary = locateFfmpeg();
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
  const version = await runFfmpeg(["-version"], { timeoutMs: 10_000 }).then(
    ({ stdout }) => /ffmpeg version (\S+)/.exec(stdout.toString())?.[1] ?? "unknown version",
    () => "does not run",
  );
  const from = { env: "FFMPEG_PATH", system: "PATH", npm: "@ffmpeg-installer/ffmpeg" }[binary.source];
  const lines = [`ffmpeg ${version} at ${binary.path} (from ${from})`];
  if (binary.source === "npm") {
    lines.push(
      "  this is the bundled static build from 2018 (ffmpeg 4.1): install a newer one",
      "  (apt install ffmpeg, or set FFMPEG_PATH to a current build) for fixes and speed",
    );
  }
  return lines;
}
