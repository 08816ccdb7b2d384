/**
 * Global setup of the player's browser tests (the player-browser project of vitest.config.ts): real encrypted
 * HLS ladders made by the project's ingest code (real ffmpeg), served with their keys from a
 * loopback origin that signs URLs with an expiry the way the streaming origin does, and that can
 * be told to fail requests on demand. It lives with the tooling because it uses the media
 * package, which the player itself does not depend on.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

import { transcodeToHls } from "@cadence/media";
import { tempDir, writeTone } from "@cadence/media/testing";
import type { TestProject } from "vitest/node";

import type { FailRule, MediaTrack, RequestRecord } from "@cadence/player/media-protocol";
import { CHROMIUM_PATH } from "./chromium";

/** Distinct tones, so a test can tell the tracks apart by ear (and by duration). */
const TRACKS: { id: string; seconds: number; frequency: number; amplitude: number }[] = [
  { id: "a", seconds: 6, frequency: 440, amplitude: 0.5 },
  { id: "b", seconds: 6, frequency: 660, amplitude: 0.5 },
  { id: "c", seconds: 6, frequency: 880, amplitude: 0.25 },
  { id: "long", seconds: 40, frequency: 330, amplitude: 0.5 },
];

// Rotated by /control/revoke: every grant issued before is refused, expired or not.
let secret = randomBytes(16);
const sign = (trackId: string, expiresAt: number) =>
  createHmac("sha256", secret).update(`${trackId}\n${expiresAt}`).digest("base64url");

function grantQuery(trackId: string, ttlMs: number): { query: string; expiresAt: number } {
  const expiresAt = Date.now() + ttlMs;
  return { query: `e=${expiresAt}&s=${sign(trackId, expiresAt)}`, expiresAt };
}

function grantValid(trackId: string, params: URLSearchParams): boolean {
  const expiresAt = Number(params.get("e"));
  return params.get("s") === sign(trackId, expiresAt) && expiresAt > Date.now();
}

/** Every URI in a playlist carries the grant; the key placeholder points at the key route. */
function signPlaylist(playlist: string, query: string, keyUrl: string): string {
  return playlist
    .split("\n")
    .map((line) => {
      if (line.startsWith("#EXT-X-KEY:")) return line.replace(/URI="[^"]*"/, `URI="${keyUrl}"`);
      if (line.startsWith("#EXT-X-MAP:")) return line.replace(/URI="([^"]*)"/, `URI="$1?${query}"`);
      return line === "" || line.startsWith("#") ? line : `${line.trim()}?${query}`;
    })
    .join("\n");
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The browser suite must fail, never skip, without its browser.
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH)`,
    );
  }
  const dir = await tempDir("cadence-player-media-");
  const tracks: MediaTrack[] = [];
  const keys = new Map<string, Buffer>();
  await Promise.all(
    TRACKS.map(async (spec) => {
      const wav = path.join(dir.path, `${spec.id}.wav`);
      await writeTone(wav, { seconds: spec.seconds, frequency: spec.frequency, amplitude: spec.amplitude });
      const ladder = await transcodeToHls(wav, path.join(dir.path, spec.id), {
        sourceSampleRate: 44100,
        measureLoudness: true,
      });
      keys.set(spec.id, ladder.key);
      tracks.push({
        id: spec.id,
        seconds: ladder.durationSeconds,
        sourceSeconds: spec.seconds,
        frequency: spec.frequency,
        loudnessLufs: ladder.loudness?.integratedLufs ?? null,
        truePeakDb: ladder.loudness?.truePeakDb ?? null,
      });
    }),
  );

  let failRules: FailRule[] = [];
  let log: RequestRecord[] = [];

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Allow-Headers", "*");
    res.setHeader("Cache-Control", "no-store");
    if (req.method === "OPTIONS") return void res.writeHead(204).end();
    const url = new URL(req.url ?? "/", "http://localhost");
    const parts = url.pathname.split("/").filter(Boolean);
    const reply = (status: number, body: string | Buffer = "", type = "text/plain") => {
      if (parts[0] === "media" || parts[0] === "key") {
        log.push({ path: url.pathname, status, at: Date.now() });
      }
      res.writeHead(status, { "Content-Type": type }).end(body);
    };

    // Control endpoints used by the tests.
    if (parts[0] === "control") {
      const body = req.method === "POST" ? await readJson(req) : null;
      if (parts[1] === "fail") failRules.push(body as FailRule);
      if (parts[1] === "revoke") secret = randomBytes(16);
      if (parts[1] === "reset") {
        failRules = [];
        log = [];
      }
      if (parts[1] === "log") return reply(200, JSON.stringify(log), "application/json");
      return reply(204);
    }
    if (parts[0] === "grant") {
      const trackId = parts[1] ?? "";
      if (!keys.has(trackId)) return reply(404, "no such track");
      const ttlMs = Number(url.searchParams.get("ttlMs") ?? 600_000);
      const { query, expiresAt } = grantQuery(trackId, ttlMs);
      const body = { url: `${base}/media/${trackId}/master.m3u8?${query}`, expiresAt };
      return reply(200, JSON.stringify(body), "application/json");
    }

    const rule = failRules.find((r) => r.times > 0 && url.pathname.includes(r.match));
    if (rule) {
      rule.times--;
      if (!rule.corrupt) return reply(rule.status, "injected failure");
    }
    if (parts[0] === "key") {
      const key = keys.get(parts[1] ?? "");
      return key ? reply(200, key, "application/octet-stream") : reply(404);
    }
    if (parts[0] !== "media" || parts.length < 3) return reply(404);
    const trackId = parts[1] ?? "";
    if (!keys.has(trackId) || parts.some((p) => p.startsWith("."))) return reply(404);
    if (!grantValid(trackId, url.searchParams)) return reply(403, "grant expired or invalid");
    const file = path.join(dir.path, ...parts.slice(1));
    if (!existsSync(file)) return reply(404);
    let bytes: Buffer = await readFile(file);
    if (rule?.corrupt) bytes = await corruptSegment(file, bytes, keys.get(trackId) ?? Buffer.alloc(16));
    if (!file.endsWith(".m3u8"))
      return reply(200, bytes, file.endsWith(".mp4") ? "audio/mp4" : "video/iso.segment");
    const query = url.search.slice(1);
    const playlist = signPlaylist(bytes.toString("utf8"), query, `${base}/key/${trackId}`);
    return reply(200, playlist, "application/vnd.apple.mpegurl");
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  project.provide("mediaBase", base);
  project.provide("mediaTracks", tracks);

  return async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await dir.remove();
  };
}

/** Decrypts a segment, overwrites the payload of its mdat boxes with noise, encrypts it again. */
async function corruptSegment(file: string, bytes: Buffer, key: Buffer): Promise<Buffer> {
  const playlist = await readFile(path.join(path.dirname(file), "index.m3u8"), "utf8");
  const lines = playlist.split("\n");
  const at = lines.indexOf(path.basename(file));
  const iv = Buffer.from(/IV=0x([0-9a-f]+)/i.exec(lines[at - 2] ?? "")?.[1] ?? "", "hex");
  const decipher = createDecipheriv("aes-128-cbc", key, iv);
  const clear = Buffer.concat([decipher.update(bytes), decipher.final()]);
  for (let offset = 0; offset + 8 <= clear.length;) {
    const size = clear.readUInt32BE(offset);
    if (clear.toString("latin1", offset + 4, offset + 8) === "mdat") {
      randomBytes(size - 8).copy(clear, offset + 8);
    }
    offset += Math.max(8, size);
  }
  const cipher = createCipheriv("aes-128-cbc", key, iv);
  return Buffer.concat([cipher.update(clear), cipher.final()]);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "null");
}
