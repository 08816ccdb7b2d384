/**
 * What a newcomer can get wrong before `npm start` does any real work, each answered by one line
 * saying what to do. Checked first, so a port in use fails in a second, not after a build.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

import { locateFfmpeg } from "@cadence/media";

import { engines, nodeProblem } from "./check-node.cjs";

export function nodeVersionProblem(version = process.versions.node): string | null {
  return nodeProblem(version, engines);
}

/** DATA_DIR must exist (it is created) and take files. */
export function dataDirProblem(dir: string): string | null {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const probe = path.join(dir, `.write-test-${randomBytes(4).toString("hex")}`);
    writeFileSync(probe, "");
    rmSync(probe);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    return (
      `DATA_DIR ${dir} is not writable (${code}): fix its permissions, or start with ` +
      "DATA_DIR=<a folder you own>."
    );
  }
}

/** The port must be free: bound the way the app's server binds it, then let go. */
export function portProblem(port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      resolve(
        error.code === "EADDRINUSE"
          ? `Port ${port} is in use (another Cadence, or another server): stop it, or start with PORT=<another port>.`
          : `Cannot listen on port ${port} (${error.code ?? error.message}): start with PORT=<a port above 1023>.`,
      );
    });
    probe.listen(port, () => probe.close(() => resolve(null)));
  });
}

/** Music is transcoded by ffmpeg: the system's, FFMPEG_PATH, or the one installed from npm. */
export function ffmpegProblem(locate: () => unknown = locateFfmpeg): string | null {
  try {
    locate();
    return null;
  } catch {
    return (
      "No ffmpeg found: install one (e.g. `apt-get install ffmpeg`), set FFMPEG_PATH, or run " +
      "`npx -y pnpm@10.34.8 install` again to restore the bundled @ffmpeg-installer/ffmpeg."
    );
  }
}

/** Runs the checks in order; the first problem ends the process with its line. */
export async function preflight(options: {
  dataDir: string;
  port: number;
  needsFfmpeg: boolean;
}): Promise<void> {
  const problem =
    nodeVersionProblem() ??
    dataDirProblem(options.dataDir) ??
    (await portProblem(options.port)) ??
    (options.needsFfmpeg ? ffmpegProblem() : null);
  if (problem) {
    console.error(`[cadence] ${problem}`);
    process.exit(1);
  }
}
