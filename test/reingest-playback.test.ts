import { mkdir } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Session } from "@cadence/api";
import { createListener, createTestStack, stacks } from "@cadence/api/testing";
import type { TestStack } from "@cadence/api/testing";
import { eq, schema } from "@cadence/db";
import { trackContentKey } from "@cadence/domain/catalog";
import { answerStreamRequest, STREAM_BASE, verifyRendition } from "@cadence/domain/streaming";
import {
  collectSupersededEncodings,
  encodingRetentionSeconds,
  ingestFolder,
  LocalStorage,
} from "@cadence/media";
import { tempDir, writeTone } from "@cadence/media/testing";
import type { TempDir } from "@cadence/media/testing";

/**
 * A listener who started a track keeps playing it when its file is re-ingested: every URL the
 * old grant can lead to (master, media playlist, init, segments) still answers with stored
 * bytes until it expires, and the old encoding is collected only after the last one has.
 */
describe("a play in progress across a re-ingest", () => {
  let dir: TempDir;
  let stack: TestStack;
  let storage: LocalStorage;
  let listener: Session;
  let trackId: string;
  const music = () => path.join(dir.path, "music");

  beforeAll(async () => {
    dir = await tempDir();
    const stackShape = stacks[0];
    if (!stackShape) throw new Error("no stack");
    stack = await createTestStack(stackShape);
    storage = new LocalStorage(path.join(dir.path, "objects"));
    await mkdir(music(), { recursive: true });
    await writeTone(path.join(music(), "song.flac"), {
      seconds: 9,
      frequency: 440,
      metadata: { title: "Song", artist: "Band" },
    });
    await ingestFolder({ db: stack.db, storage, folder: music() });
    const [track] = await stack.db.select({ id: schema.track.id }).from(schema.track);
    if (!track) throw new Error("not ingested");
    trackId = track.id;
    listener = await createListener(stack.db, "Listener");
  });
  afterAll(async () => {
    await stack.close();
    await dir.remove();
  });

  async function text(key: string): Promise<string> {
    const object = await storage.get(key);
    if (!object) throw new Error(`missing object ${key}`);
    return new Response(object.body).text();
  }

  /**
   * Follows a master playlist URL as a player does at time `now`: the lowest rung's media
   * playlist, then its init section and every segment. Returns the object keys read and the
   * latest expiry (epoch s) of the segment URLs handed out.
   */
  async function play(masterUrl: string, now: number): Promise<{ keys: string[]; segmentsExpireAt: number }> {
    const url = new URL(masterUrl, "http://origin");
    const [, , , , encodingId = ""] = url.pathname.split("/");
    expect(url.pathname.startsWith(`${STREAM_BASE}/${trackId}/`)).toBe(true);
    const ask = (parts: string[], query: URLSearchParams) =>
      answerStreamRequest(stack, stack.streaming.secret, { trackId, path: parts, query, now });

    const master = await ask([encodingId, "master.m3u8"], url.searchParams);
    if (master.kind !== "playlist") throw new Error(`master: ${JSON.stringify(master)}`);
    const variant = master
      .rewrite(await text(master.key))
      .split("\n")
      .find((line) => line.includes("index.m3u8?"));
    if (!variant) throw new Error("no variant in the master playlist");
    const [rendition = "", variantQuery = ""] = variant.replace("/index.m3u8?", "?").split("?");
    const media = await ask([encodingId, rendition, "index.m3u8"], new URLSearchParams(variantQuery));
    if (media.kind !== "playlist") throw new Error(`media playlist: ${JSON.stringify(media)}`);
    const served = media.rewrite(await text(media.key));
    const uris = [
      ...(served.match(/#EXT-X-MAP:URI="([^"]+)"/)?.slice(1) ?? []),
      ...served.split("\n").filter((line) => line.startsWith("seg-")),
    ];
    expect(uris.length).toBeGreaterThan(2);
    const keys: string[] = [];
    let segmentsExpireAt = 0;
    for (const uri of uris) {
      const [name = "", query = ""] = uri.split("?");
      const params = new URLSearchParams(query);
      const check = verifyRendition(
        { trackId, encodingId, renditionDir: rendition },
        params,
        stack.streaming.secret,
        now,
      );
      if (check.ok) segmentsExpireAt = Math.max(segmentsExpireAt, check.expiresAt);
      const object = await ask([encodingId, rendition, name], params);
      if (object.kind !== "object") throw new Error(`${name}: ${JSON.stringify(object)}`);
      keys.push(object.key);
    }
    return { keys, segmentsExpireAt };
  }

  const stored = async (keys: string[]) =>
    (await Promise.all(keys.map((key) => storage.head(key)))).every((info) => info !== null);

  it("serves the old encoding to an old grant until it expires, then collects it", async () => {
    const t0 = Date.now();
    const { url: oldUrl } = await stack.caller(listener).playback.stream({ trackId });
    const before = await play(oldUrl, t0);
    expect(await stored(before.keys)).toBe(true);
    const keyBefore = await trackContentKey(stack.db, trackId);

    // The file changes while the listener is playing: a new encoding replaces the old one.
    await writeTone(path.join(music(), "song.flac"), {
      seconds: 7,
      frequency: 660,
      metadata: { title: "Song", artist: "Band" },
    });
    const summary = await ingestFolder({ db: stack.db, storage, folder: music() });
    expect(summary).toMatchObject({ updated: 1, added: 0, failed: [] });
    const { url: newUrl } = await stack.caller(listener).playback.stream({ trackId });
    expect(newUrl.split("?")[0]).not.toBe(oldUrl.split("?")[0]);
    const fresh = await play(newUrl, t0 + 1000);
    expect(await stored(fresh.keys)).toBe(true);
    // Same content key: old segments still decrypt with what /api/keys hands out now.
    expect(await trackContentKey(stack.db, trackId)).toEqual(keyBefore);

    // The last second of the old grant: the player can still walk the whole old encoding,
    // and a collection run at that moment leaves it alone.
    const lastSecond = t0 + stack.streaming.ttlSeconds * 1000 - 1000;
    expect(await collectSupersededEncodings(stack.db, storage, new Date(lastSecond))).toBe(0);
    const late = await play(oldUrl, lastSecond);
    expect(late.keys).toEqual(before.keys);
    expect(await stored(late.keys)).toBe(true);

    // Collection is due only after the last segment URL that grant could yield has expired.
    const [superseded] = await stack.db
      .select()
      .from(schema.supersededEncoding)
      .where(eq(schema.supersededEncoding.trackId, trackId));
    if (!superseded) throw new Error("the old encoding was not recorded as superseded");
    const collectAt = superseded.collectAfter.getTime();
    expect(late.segmentsExpireAt).toBeGreaterThan(lastSecond / 1000);
    expect(collectAt).toBeGreaterThan(late.segmentsExpireAt * 1000);
    // …and not much later: storage is not held for ever (the media env's TTL, as the app's).
    expect(collectAt - t0).toBeLessThanOrEqual(encodingRetentionSeconds() * 1000 + 60_000);

    expect(await collectSupersededEncodings(stack.db, storage, new Date(collectAt + 1000))).toBe(1);
    expect(
      (await Promise.all(before.keys.map((key) => storage.head(key)))).every((info) => info === null),
    ).toBe(true);
    await expect(play(oldUrl, collectAt + 1000)).rejects.toThrow(/expired/);
    // The new encoding is untouched.
    expect(await stored(fresh.keys)).toBe(true);
  });
});
