import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { env } from "./env";
import { LocalStorage } from "./local-storage";
import { S3Storage } from "./s3-storage";
import { EMPTY_PAYLOAD_HASH, signRequest } from "./sigv4";
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
import { tempDir } from "./testing";
import type { TempDir } from "./testing";

let dir: TempDir;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => dir.remove());

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
      await expect(storage.get(key, { start: 10 })).rejects.toBeInstanceOf(RangeNotSatisfiableError);
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

const s3Endpoint = env.S3_ENDPOINT;
// No S3-compatible server exists on this machine (and the network reaches only package
// registries), so the S3 adapter runs the same contract only when one is configured.
describe.skipIf(!s3Endpoint)(
  "S3 adapter (needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY)",
  () => {
    contract(
      "s3",
      () =>
        new S3Storage({
          endpoint: s3Endpoint ?? "",
          bucket: env.S3_BUCKET ?? "cadence-test",
          region: env.S3_REGION,
          credentials: {
            accessKeyId: env.S3_ACCESS_KEY_ID,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          },
        }),
    );
  },
);

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

  it("accepts the keys ingest writes", () => {
    for (const key of ["tracks/0b6f/1c2d/seg-00001.m4s", "covers/ab12.jpg", "a/b.c/d-e_f"]) {
      expect(() => assertValidKey(key)).not.toThrow();
    }
  });
});

describe("SigV4 signer", () => {
  // AWS's published S3 example: GET Object with a range, examplebucket, 2013-05-24.
  it("matches the S3 GET Object example", () => {
    const headers = signRequest({
      method: "GET",
      url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
      headers: { range: "bytes=0-9", "x-amz-content-sha256": EMPTY_PAYLOAD_HASH },
      payloadHash: EMPTY_PAYLOAD_HASH,
      region: "us-east-1",
      service: "s3",
      credentials: {
        accessKeyId: "AKIAIOSFODNN7EXAMPLE",
        secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      },
      date: new Date("2013-05-24T00:00:00Z"),
    });
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request," +
        "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date," +
        "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
    expect(headers["x-amz-date"]).toBe("20130524T000000Z");
  });

  it("matches the S3 GET Bucket (list objects) example, with a sorted query", () => {
    const headers = signRequest({
      method: "GET",
      url: new URL("https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J"),
      headers: { "x-amz-content-sha256": EMPTY_PAYLOAD_HASH },
      payloadHash: EMPTY_PAYLOAD_HASH,
      region: "us-east-1",
      service: "s3",
      credentials: {
        accessKeyId: "AKIAIOSFODNN7EXAMPLE",
        secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      },
      date: new Date("2013-05-24T00:00:00Z"),
    });
    expect(headers.authorization).toMatch(
      /Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7$/,
    );
  });

  // From AWS's SigV4 test suite (get-vanilla-query-order-key-case).
  it("matches the SigV4 test-suite vector for query ordering", () => {
    const headers = signRequest({
      method: "GET",
      url: new URL("https://example.amazonaws.com/?Param2=value2&Param1=value1"),
      headers: {},
      payloadHash: EMPTY_PAYLOAD_HASH,
      region: "us-east-1",
      service: "service",
      credentials: {
        accessKeyId: "AKIDEXAMPLE",
        secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
      },
      date: new Date("2015-08-30T12:36:00Z"),
    });
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request," +
        "SignedHeaders=host;x-amz-date," +
        "Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
    );
  });
});
