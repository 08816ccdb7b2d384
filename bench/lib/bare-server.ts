/** Starting and stopping the bare baseline server (bare-server-child.ts) in a process of its own. */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { repoRoot } from "./harness";

export interface CapturedAnswer {
  status: number;
  contentType: string;
  body: Buffer;
}

export interface BareServer {
  baseUrl: string;
  pid: number | null;
  stop(): void;
}

/** Serves each path's captured answer (status, Content-Type, bytes) from a plain node:http handler. */
export async function startBareServer(bodies: Map<string, CapturedAnswer>): Promise<BareServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cadence-bench-bare-"));
  const file = path.join(dir, "bodies.json");
  const json: Record<string, { status: number; contentType: string; base64: string }> = {};
  for (const [url, { status, contentType, body }] of bodies) {
    json[url] = { status, contentType, base64: body.toString("base64") };
  }
  writeFileSync(file, JSON.stringify(json));
  // One node process (tsx as a loader, not its CLI's parent process), resolved from the repo root.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "bare-server-child.ts"), file],
    {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`the bare server exited with ${code}`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid ?? null,
    stop: () => {
      child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
