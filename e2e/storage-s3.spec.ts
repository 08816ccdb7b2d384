import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

import { expect, test } from "@playwright/test";
import type { APIRequestContext } from "@playwright/test";
import postgres from "postgres";

import { startS3TestServer } from "@cadence/media/s3-test-server";
import type { S3TestServer } from "@cadence/media/s3-test-server";
import { readBody } from "@cadence/media/storage";

import { adminUrl, E2E_DATABASE, E2E_DEMO, e2eAppEnv, e2eDatabaseUrl } from "../scripts/e2e-constants";
import { signInOverHttp, trpcGet } from "./helpers";

/**
 * The whole path on S3: a second app, started here with S3_* pointing at s3rver, ingests its
 * demo catalog into the bucket and its streaming origin serves the track from there. It reuses
 * the build the suite's own server made, on a port and database of its own.
 */
const DATABASE = `${E2E_DATABASE}_s3`;
const PREFIX = "e2e-install";

let s3: S3TestServer;
let app: ChildProcess | undefined;
let dataDir = "";
let baseURL = "";
const output: string[] = [];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

async function recreateDatabase(drop: boolean): Promise<void> {
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => undefined });
  await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
  if (!drop) await admin.unsafe(`create database ${DATABASE}`);
  await admin.end();
}

test.beforeAll(async () => {
  // Migrate, seed, synthesise and ingest one short track, then start Next.
  test.setTimeout(240_000);
  s3 = await startS3TestServer("cadence-media");
  await recreateDatabase(false);
  const port = await freePort();
  baseURL = `http://localhost:${port}`;
  const env = {
    ...e2eAppEnv({ databaseUrl: e2eDatabaseUrl(DATABASE), demoTracks: 2, demoSeconds: 12 }),
    ...s3.env,
    S3_PREFIX: PREFIX,
    PORT: String(port),
    // The suite's server built the app moments ago.
    SKIP_BUILD: "1",
  };
  dataDir = env.DATA_DIR;
  const child = spawn("tsx", [path.resolve(import.meta.dirname, "../scripts/start.ts")], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  app = child;
  for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk) => output.push(String(chunk)));

  const deadline = Date.now() + 220_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the S3 app exited ${child.exitCode}:\n${output.join("")}`);
    // The app answers at once and imports the demo catalog in the background: wait for the
    // start script's last line, which says the import is done.
    if (output.join("").includes("import finished")) break;
    if (Date.now() > deadline) throw new Error(`the S3 app did not finish its import:\n${output.join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

test.afterAll(async () => {
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app?.once("exit", resolve));
    app.kill("SIGTERM");
    await exited;
  }
  await s3.close();
  await recreateDatabase(true);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function streamOfFirstTrack(request: APIRequestContext) {
  const signIn = await signInOverHttp(request, E2E_DEMO.email, E2E_DEMO.password);
  expect(signIn.ok(), "demo listener signs in").toBe(true);
  const { albums } = await trpcGet<{ albums: { id: string }[] }>(request, "catalog.albums", {});
  const album = await trpcGet<{ tracks: { id: string }[] }>(request, "catalog.album", { id: albums[0]?.id });
  const trackId = album.tracks[0]?.id ?? "";
  const stream = await trpcGet<{ url: string }>(request, "playback.stream", { trackId });
  return { trackId, url: stream.url };
}

test("ingest publishes to S3 and the origin streams the track from the bucket", async ({ playwright }) => {
  // What ingest published is in the bucket, under the installation's prefix, and nowhere local.
  const bucket = s3.storage({ prefix: PREFIX });
  const published = (await bucket.list("")).map((object) => object.key);
  expect(published.filter((key) => key.endsWith("/master.m3u8"))).toHaveLength(2);
  expect(published.some((key) => key.startsWith("covers/"))).toBe(true);
  expect(existsSync(path.join(dataDir, "media"))).toBe(false);

  const request = await playwright.request.newContext({ baseURL });
  const { trackId, url } = await streamOfFirstTrack(request);

  const master = await request.get(url);
  expect(master.status()).toBe(200);
  expect(master.headers()["content-type"]).toBe("application/vnd.apple.mpegurl");
  const variant = (await master.text()).split("\n").find((line) => line.startsWith("128k/index.m3u8?"));
  expect(variant, "the 128 kb/s rendition in the master playlist").toBeTruthy();
  const trackBase = url.slice(0, url.indexOf("?")).replace(/master\.m3u8$/, "");

  const media = await request.get(trackBase + (variant ?? ""));
  expect(media.status()).toBe(200);
  const mediaText = await media.text();
  expect(mediaText).toContain(`URI="/api/keys/${trackId}"`);

  const key = await request.get(`/api/keys/${trackId}`);
  expect(key.status()).toBe(200);
  expect((await key.body()).length).toBe(16);

  // A segment, whole and by range, byte for byte what the bucket holds.
  const segment = mediaText.split("\n").find((line) => line.includes(".m4s?")) ?? "";
  const segmentPath = `${trackBase}128k/${segment}`;
  const whole = await request.get(segmentPath);
  expect(whole.status()).toBe(200);
  const objectKey = `tracks/${new URL(segmentPath, baseURL).pathname.split("/").slice(3).join("/")}`;
  const stored = await bucket.get(objectKey);
  expect(stored, objectKey).not.toBeNull();
  const bytes = await readBody(stored?.body ?? new ReadableStream());
  expect(Buffer.compare(await whole.body(), bytes)).toBe(0);

  const ranged = await request.get(segmentPath, { headers: { range: "bytes=10-59" } });
  expect(ranged.status()).toBe(206);
  expect(ranged.headers()["content-range"]).toBe(`bytes 10-59/${bytes.length}`);
  expect(Buffer.compare(await ranged.body(), bytes.subarray(10, 60))).toBe(0);
  await request.dispose();
});
