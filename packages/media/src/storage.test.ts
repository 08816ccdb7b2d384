import { stat } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { env } from "./env";
import { LocalStorage } from "./local-storage";
import { S3Storage } from "./s3-storage";
import { startS3TestServer } from "./s3-test-server";
import type { S3TestServer } from "./s3-test-server";
import {
  assertValidKey,
  CACHE_IMMUTABLE,
  CACHE_PLAYLIST,
  InvalidKeyError,
  putOptionsFor,
  RangeNotSatisfiableError,
  readBody,
} from "./storage";
import type { ObjectStorage } from "./storage";
import { storageFromEnv } from "./storage-env";
import { tempDir } from "./testing";
import type { TempDir } from "./testing";

// A configured S3_ENDPOINT is the store under test; otherwise s3rver, started here, is.
const realS3 = Boolean(env.S3_ENDPOINT && env.S3_BUCKET);
let dir: TempDir;
let s3rver: S3TestServer | undefined;
beforeAll(async () => {
  dir = await tempDir();
  if (!realS3) s3rver = await startS3TestServer();
});
afterAll(async () => {
  await s3rver?.close();
  await dir.remove();
});

function testServer(): S3TestServer {
  if (!s3rver) throw new Error("s3rver is not running");
  return s3rver;
}

function contract(name: string, make: () => ObjectStorage): void {
  describe(`${name} storage`, () => {
    const prefix = `test-${Date.now().toString(36)}/`;

    it("puts, heads and gets objects with their metadata", async () => {
      const storage = make();
      await storage.put(`${prefix}a/seg-00000.m4s`, new Uint8Array([1, 2, 3, 4, 5]), putOptionsFor("x.m4s"));
      await storage.put(`${prefix}a/index.m3u8`, "#EXTM3U\n", putOptionsFor("index.m3u8"));

      const head = await storage.head(`${prefix}a/seg-00000.m4s`);
      expect(head).toMatchObject({ size: 5, cacheControl: CACHE_IMMUTABLE });
      const playlist = await storage.get(`${prefix}a/index.m3u8`);
      expect(playlist?.contentType).toBe("application/vnd.apple.mpegurl");
      expect(playlist?.cacheControl).toBe(CACHE_PLAYLIST);
      expect(playlist?.range).toBeNull();
      expect((await readBody(playlist?.body ?? new ReadableStream())).toString()).toBe("#EXTM3U\n");
      expect(await storage.get(`${prefix}missing`)).toBeNull();
      expect(await storage.head(`${prefix}missing`)).toBeNull();
    });

    it("serves byte ranges", async () => {
      const storage = make();
      const key = `${prefix}r/data.m4s`;
      await storage.put(key, Buffer.from("0123456789"), putOptionsFor(key));
      const middle = await storage.get(key, { start: 2, end: 5 });
      expect(middle?.range).toEqual({ start: 2, end: 5 });
      expect(middle?.size).toBe(10);
      expect((await readBody(middle?.body ?? new ReadableStream())).toString()).toBe("2345");
      const tail = await storage.get(key, { start: 7 });
      expect((await readBody(tail?.body ?? new ReadableStream())).toString()).toBe("789");
      const past = await storage.get(key, { start: 7, end: 100 });
      expect(past?.range).toEqual({ start: 7, end: 9 });
      expect((await readBody(past?.body ?? new ReadableStream())).toString()).toBe("789");
      const refused = storage.get(key, { start: 10 });
      await expect(refused).rejects.toBeInstanceOf(RangeNotSatisfiableError);
      await expect(refused).rejects.toMatchObject({ size: 10 });
    });

    it("lists by prefix and deletes", async () => {
      const storage = make();
      await storage.put(`${prefix}l/1.m4s`, "a", putOptionsFor("1.m4s"));
      await storage.put(`${prefix}l/2.m4s`, "bb", putOptionsFor("2.m4s"));
      await storage.put(`${prefix}other/3.m4s`, "c", putOptionsFor("3.m4s"));
      const listed = await storage.list(`${prefix}l/`);
      expect(listed.map((object) => [object.key, object.size])).toEqual([
        [`${prefix}l/1.m4s`, 1],
        [`${prefix}l/2.m4s`, 2],
      ]);
      await storage.delete(`${prefix}l/1.m4s`);
      await storage.delete(`${prefix}l/never-existed.m4s`);
      expect((await storage.list(`${prefix}l/`)).map((object) => object.key)).toEqual([`${prefix}l/2.m4s`]);
    });
  });
}

contract("local", () => new LocalStorage(dir.path));

if (realS3) {
  contract(`S3_ENDPOINT (${env.S3_ENDPOINT})`, () => storageFromEnv());
} else {
  contract("s3rver path-style", () => testServer().storage());
  contract("s3rver virtual-hosted, prefixed", () =>
    testServer().storage({ virtualHosted: true, prefix: "install-a" }),
  );

  describe("S3 configuration", () => {
    it("addresses the bucket by host name when virtual-hosted", async () => {
      const server = testServer();
      await server.storage({ virtualHosted: true }).head("probe");
      expect(server.virtualHosts).toEqual(new Set([`${server.bucket}.s3.s3rver.test`]));
    });

    it("keeps an installation's objects under its prefix", async () => {
      const server = testServer();
      const a = server.storage({ prefix: "install-a/" });
      const b = server.storage({ prefix: "install-b" });
      await a.put("covers/x.jpg", "a", putOptionsFor("covers/x.jpg"));
      await b.put("covers/x.jpg", "bb", putOptionsFor("covers/x.jpg"));
      expect((await a.list("covers/")).map((object) => [object.key, object.size])).toEqual([
        ["covers/x.jpg", 1],
      ]);
      const bucket = (await server.storage().list("")).map((object) => object.key);
      expect(bucket).toEqual(expect.arrayContaining(["install-a/covers/x.jpg", "install-b/covers/x.jpg"]));
      expect(bucket).not.toContain("covers/x.jpg");
    });

    it("storageFromEnv() stores in the bucket the S3_* variables name, under S3_PREFIX", async () => {
      const server = testServer();
      for (const [name, value] of Object.entries(server.env)) vi.stubEnv(name, value);
      vi.stubEnv("S3_PREFIX", "from-env");
      vi.resetModules();
      try {
        const fresh = await import("./storage-env");
        const storage = fresh.storageFromEnv();
        expect(storage).toBeInstanceOf((await import("./s3-storage")).S3Storage);
        await storage.put("tracks/t/index.m3u8", "#EXTM3U\n", putOptionsFor("index.m3u8"));
        const stored = await server.storage().head("from-env/tracks/t/index.m3u8");
        expect(stored).toMatchObject({ size: 8, contentType: "application/vnd.apple.mpegurl" });
      } finally {
        vi.unstubAllEnvs();
        vi.resetModules();
      }
    });
  });
}

// Keys that could escape a root or a bucket prefix, or that a backend cannot hold.
const BAD_KEYS = [
  "../etc/passwd",
  "a/../../b",
  "a/./b",
  "/abs",
  "a\\b",
  "a\u0000b",
  "a\nb",
  "a//b",
  "a/",
  "",
  "x".repeat(1025),
  "é".repeat(600), // 600 characters, 1200 bytes
  `a/${"x".repeat(256)}`, // one segment longer than a file name may be
];
const BAD_PREFIXES = ["../", "/abs/", "a\u0000/", "a//"];

function refusesBadKeys(name: string, make: () => ObjectStorage): void {
  it(`${name} refuses keys that could escape its root or that it cannot hold, before any I/O`, async () => {
    const storage = make();
    for (const key of BAD_KEYS) {
      const label = JSON.stringify(key.slice(0, 40));
      await expect(storage.put(key, "x", putOptionsFor("x.m4s")), label).rejects.toBeInstanceOf(
        InvalidKeyError,
      );
      await expect(storage.get(key), label).rejects.toBeInstanceOf(InvalidKeyError);
      await expect(storage.head(key), label).rejects.toBeInstanceOf(InvalidKeyError);
      await expect(storage.delete(key), label).rejects.toBeInstanceOf(InvalidKeyError);
    }
    for (const prefix of BAD_PREFIXES) {
      await expect(storage.list(prefix), JSON.stringify(prefix)).rejects.toBeInstanceOf(InvalidKeyError);
    }
  });
}

describe("object keys", () => {
  refusesBadKeys("local storage", () => new LocalStorage(dir.path));
  // Nothing listens on port 9: a key that got past validation would fail as a network error.
  refusesBadKeys(
    "S3 storage",
    () =>
      new S3Storage({
        endpoint: "http://127.0.0.1:9",
        bucket: "cadence",
        region: "us-east-1",
        prefix: "install-a",
        credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
      }),
  );

  it("local storage keeps its metadata tree out of reach", async () => {
    const storage = new LocalStorage(dir.path);
    for (const key of [".meta/x", ".meta"]) {
      await expect(storage.put(key, "x", putOptionsFor(key))).rejects.toBeInstanceOf(InvalidKeyError);
    }
  });

  it("local storage writes metadata only for options a key does not imply, and forgets it on replace", async () => {
    const storage = new LocalStorage(dir.path);
    const key = "tracks/t1/e1/128k/seg-00000.m4s";
    const metaFile = path.join(dir.path, ".meta", "tracks", "t1", "e1", "128k", "seg-00000.m4s.json");
    await storage.put(key, "a", putOptionsFor(key));
    await expect(stat(metaFile)).rejects.toThrow();
    expect(await storage.head(key)).toMatchObject(putOptionsFor(key));

    const own = { contentType: "text/plain", cacheControl: "no-store" };
    await storage.put(key, "b", own);
    expect(await storage.head(key)).toMatchObject(own);
    await storage.put(key, "c", putOptionsFor(key));
    await expect(stat(metaFile)).rejects.toThrow();
    expect(await storage.head(key)).toMatchObject(putOptionsFor(key));
  });

  it("accepts the keys ingest writes", () => {
    for (const key of ["tracks/0b6f/1c2d/seg-00001.m4s", "covers/ab12.jpg", "a/b.c/d-e_f"]) {
      expect(() => assertValidKey(key)).not.toThrow();
    }
  });
});
