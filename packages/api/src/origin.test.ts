import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { eq, schema } from "@cadence/db";
import { endAllSessions } from "@cadence/domain/auth";
import { answerStreamRequest, verifyRendition } from "@cadence/domain/streaming";

import type { Session } from "./context";
import { createTestStack, insertTrack, stacks } from "./testing";
import type { TestStack } from "./testing";

// The streaming origin's rules (what a URL may fetch), on both stacks, as the route applies them.
const MASTER = [
  "#EXTM3U",
  '#EXT-X-STREAM-INF:BANDWIDTH=70000,CODECS="mp4a.40.2"',
  "64k/index.m3u8",
  '#EXT-X-STREAM-INF:BANDWIDTH=140000,CODECS="mp4a.40.2"',
  "128k/index.m3u8",
  '#EXT-X-STREAM-INF:BANDWIDTH=280000,CODECS="mp4a.40.2"',
  "256k/index.m3u8",
  "",
].join("\n");
const MEDIA =
  '#EXTM3U\n#EXT-X-MAP:URI="init.mp4"\n#EXT-X-KEY:METHOD=AES-128,URI="key"\n#EXTINF:4,\nseg-00001.m4s\n';

describe.each(stacks)("streaming origin on $name", (stackConfig) => {
  let stack: TestStack;
  let listener: Session;
  let trackId: string;
  const encodingId = "v1"; // as insertTrack stores it

  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
    const email = `o-${randomBytes(4).toString("hex")}@example.com`;
    const { id } = await stack
      .caller()
      .auth.signUp({ email, password: "a long listening phrase", displayName: "O" });
    listener = { user: { id, email, role: "listener" } };
    trackId = (await insertTrack(stack.db)).trackId;
  });
  afterAll(() => stack.close());

  const ask = (path: string[], query: URLSearchParams, now?: number) =>
    answerStreamRequest(stack, stack.streaming.secret, { trackId, path, query, now });

  async function grantQuery(): Promise<URLSearchParams> {
    const { url } = await stack.caller(listener).playback.stream({ trackId });
    return new URL(url, "http://x").searchParams;
  }

  it("offers a free listener only the rungs within the plan, and refuses a higher one", async () => {
    const query = await grantQuery();
    const master = await ask([encodingId, "master.m3u8"], query);
    if (master.kind !== "playlist") throw new Error(`expected a playlist, got ${master.kind}`);
    const served = master.rewrite(MASTER);
    expect(served).toContain("64k/index.m3u8?");
    expect(served).toContain("128k/index.m3u8?");
    expect(served).not.toContain("256k");

    expect(await ask([encodingId, "256k", "index.m3u8"], query)).toEqual({
      kind: "deny",
      status: 403,
      reason: "above-plan",
    });
  });

  it("signs a rendition's segments so that they open that rendition only, cacheably", async () => {
    const media = await ask([encodingId, "128k", "index.m3u8"], await grantQuery());
    if (media.kind !== "playlist") throw new Error(`expected a playlist, got ${media.kind}`);
    const served = media.rewrite(MEDIA);
    expect(served).toContain(`URI="/api/keys/${trackId}"`);
    const segment = served.split("\n").find((l) => l.startsWith("seg-")) ?? "";
    const segmentQuery = new URLSearchParams(segment.split("?")[1]);
    expect(
      verifyRendition({ trackId, encodingId, renditionDir: "128k" }, segmentQuery, stack.streaming.secret).ok,
    ).toBe(true);

    const object = await ask([encodingId, "128k", "seg-00001.m4s"], segmentQuery);
    expect(object).toMatchObject({
      kind: "object",
      key: `tracks/${trackId}/${encodingId}/128k/seg-00001.m4s`,
    });
    expect(object.kind === "object" && object.cacheControl).toMatch(/^public, max-age=\d+$/);
    expect(await ask([encodingId, "256k", "seg-00001.m4s"], segmentQuery)).toMatchObject({
      kind: "deny",
      status: 403,
    });
    // The playlist grant alone does not open segments.
    expect(await ask([encodingId, "128k", "seg-00001.m4s"], await grantQuery())).toMatchObject({
      kind: "deny",
      status: 403,
    });
  });

  it("refuses an expired grant, and every grant once the listener signs out everywhere", async () => {
    const query = await grantQuery();
    expect(await ask([encodingId, "master.m3u8"], query, Date.now() + 601_000)).toEqual({
      kind: "deny",
      status: 403,
      reason: "expired",
    });
    expect((await ask([encodingId, "master.m3u8"], query)).kind).toBe("playlist");
    await endAllSessions(stack, listener.user.id);
    expect(await ask([encodingId, "master.m3u8"], query)).toEqual({
      kind: "deny",
      status: 403,
      reason: "session-ended",
    });
    const [row] = await stack.db
      .select({ sv: schema.user.sessionVersion })
      .from(schema.user)
      .where(eq(schema.user.id, listener.user.id));
    expect(row?.sv).toBe(2);
  });

  it("answers unknown shapes with 404", async () => {
    const query = await grantQuery();
    expect(await ask([encodingId, "other.m3u8"], query)).toMatchObject({ kind: "deny", status: 404 });
    expect(await ask([encodingId, "128x", "index.m3u8"], query)).toMatchObject({ kind: "deny", status: 404 });
  });
});
