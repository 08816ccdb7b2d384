import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import type { Server } from "node:net";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { dataDirProblem, ffmpegProblem, nodeVersionProblem, portProblem } from "./preflight";

const root = path.resolve(import.meta.dirname, "..");
const scratch = mkdtempSync(path.join(os.tmpdir(), "cadence-preflight-"));
let busy: Server;
let busyPort: number;

beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, resolve));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(() => {
  busy.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** `npm start`'s script itself, as a newcomer runs it: the exit code and what it printed. */
function start(env: Record<string, string>) {
  const result = spawnSync("tsx", [path.join(root, "scripts/start.ts")], {
    env: { ...process.env, DATABASE_URL: "", REDIS_URL: "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("npm start's preflight", () => {
  it("refuses a Node older than package.json's engines, saying what to install", () => {
    expect(nodeVersionProblem("20.18.3")).toMatch(
      /^Node 20\.18\.3 is too old: Cadence needs Node >=20\.19\. /,
    );
    expect(nodeVersionProblem("18.20.0")).toMatch(/too old/);
    expect(nodeVersionProblem("20.19.0")).toBeNull();
    expect(nodeVersionProblem("24.1.0")).toBeNull();
    // `npm start` runs the same check before installing anything, in plain CommonJS.
    const preload = path.join(scratch, "old-node.cjs");
    writeFileSync(preload, 'Object.defineProperty(process.versions, "node", { value: "18.0.0" });\n');
    const old = spawnSync("node", ["--require", preload, "scripts/check-node.cjs"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(old.status).toBe(1);
    expect(old.stderr.trim()).toMatch(
      /^\[cadence\] Node 18\.0\.0 is too old: Cadence needs Node >=20\.19\. /,
    );
    expect(spawnSync("node", ["scripts/check-node.cjs"], { cwd: root }).status).toBe(0);
  });

  it("names a DATA_DIR it cannot write to", () => {
    const file = path.join(scratch, "a-file");
    writeFileSync(file, "");
    expect(dataDirProblem(path.join(file, "data"))).toMatch(
      /^DATA_DIR .*a-file\/data is not writable \(ENOTDIR\): fix its permissions, or start with DATA_DIR=/,
    );
    expect(dataDirProblem(path.join(scratch, "fresh", "data"))).toBeNull();
  });

  it("names a port in use and how to pick another", async () => {
    expect(await portProblem(busyPort)).toBe(
      `Port ${busyPort} is in use (another Cadence, or another server): stop it, or start with PORT=<another port>.`,
    );
  });

  it("says how to get an ffmpeg when there is none", () => {
    const missing = () => {
      throw new Error("ffmpeg not found");
    };
    expect(ffmpegProblem(missing)).toMatch(
      /^No ffmpeg found: install one \(e\.g\. `apt-get install ffmpeg`\)/,
    );
    expect(ffmpegProblem()).toBeNull();
  });

  it("exits non-zero with one line, before any work, for a port in use or an unwritable DATA_DIR", () => {
    const portInUse = start({ PORT: String(busyPort), DATA_DIR: path.join(scratch, "port") });
    expect(portInUse.status).toBe(1);
    expect(portInUse.output.trim()).toBe(
      `[cadence] Port ${busyPort} is in use (another Cadence, or another server): stop it, or start with PORT=<another port>.`,
    );

    const file = path.join(scratch, "not-a-dir");
    writeFileSync(file, "");
    const unwritable = start({ PORT: "0", DATA_DIR: path.join(file, "data") });
    expect(unwritable.status).toBe(1);
    expect(unwritable.output.trim()).toMatch(/^\[cadence\] DATA_DIR .* is not writable \(ENOTDIR\)/);
    expect(unwritable.output.trim().split("\n")).toHaveLength(1);
  });
});
