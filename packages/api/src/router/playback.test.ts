import { randomBytes, randomUUID } from "node:crypto";

import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { eq, schema } from "@cadence/db";
import type { Db } from "@cadence/db";

import type { Session } from "../context";
import { catalogKeys } from "@cadence/domain/catalog";
import { contentKey, verifyGrant } from "@cadence/domain/streaming";

import { createTestStack, insertTrack, stacks } from "../testing";
import type { TestStack } from "../testing";

async function albumOf(db: Db, trackId: string): Promise<string> {
  const [row] = await db
    .select({ albumId: schema.track.albumId })
    .from(schema.track)
    .where(eq(schema.track.id, trackId));
  return row?.albumId ?? "";
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

describe.each(stacks)("playback on $name", (stackConfig) => {
  let stack: TestStack;
  let listener: Session;
  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
    const email = `p-${randomBytes(4).toString("hex")}@example.com`;
    const { id } = await stack
      .caller()
      .auth.signUp({ email, password: "a long listening phrase", displayName: "P" });
    listener = { user: { id, email, role: "listener" } };
  });
  afterAll(() => stack.close());

  it("grants a signed master playlist URL that the origin accepts for that track only", async () => {
    const { trackId } = await insertTrack(stack.db);
    const before = Date.now();
    const { url, expiresAt } = await stack.caller(listener).playback.stream({ trackId });
    expect(url).toMatch(new RegExp(`^/api/stream/${trackId}/v1/master\\.m3u8\\?`));
    // Grants live minutes, not hours: the player renews them.
    expect(expiresAt).toBeGreaterThanOrEqual(before + 590_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 600_000);
    const query = new URL(url, "http://x").searchParams;
    expect(verifyGrant(trackId, query, stack.streaming.secret)).toMatchObject({
      ok: true,
      grant: { userId: listener.user.id, maxKbps: 128, sessionVersion: 1 },
    });
    expect(verifyGrant(randomUUID(), query, stack.streaming.secret).ok).toBe(false);
  });

  it("requires a session and a well-formed id", async () => {
    const { trackId } = await insertTrack(stack.db);
    expect(await codeOf(stack.caller().playback.stream({ trackId }))).toBe("UNAUTHORIZED");
    expect(await codeOf(stack.caller(listener).playback.stream({ trackId: "../../etc/passwd" }))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(stack.caller(listener).playback.stream({ trackId: randomUUID() }))).toBe("NOT_FOUND");
  });

  it("decides territory by the account's licensing country, which the listener cannot change", async () => {
    const elsewhere = { trackId: (await insertTrack(stack.db, { territories: ["DE", "AT"] })).trackId };
    expect(await codeOf(stack.caller(listener).playback.stream(elsewhere))).toBe("FORBIDDEN");
    await expect(contentKey(stack.db, { userId: listener.user.id, ...elsewhere })).rejects.toThrow(/country/);
    // The profile country is a display preference: setting it opens nothing.
    await stack.caller(listener).user.updateProfile({ country: "DE" });
    expect(await codeOf(stack.caller(listener).playback.stream(elsewhere))).toBe("FORBIDDEN");
    await expect(contentKey(stack.db, { userId: listener.user.id, ...elsewhere })).rejects.toThrow(/country/);
    const album = await stack
      .caller(listener)
      .catalog.album({ id: await albumOf(stack.db, elsewhere.trackId) });
    expect(album.tracks[0]).toMatchObject({ playable: false, stream: null });
    await stack.caller(listener).user.updateProfile({ country: "US" });
    // The server's decision (here an operator's change of the account) does.
    await stack.db
      .update(schema.user)
      .set({ licenseCountry: "DE" })
      .where(eq(schema.user.id, listener.user.id));
    await expect(stack.caller(listener).playback.stream(elsewhere)).resolves.toHaveProperty("url");
    expect((await contentKey(stack.db, { userId: listener.user.id, ...elsewhere })).length).toBe(16);
    await stack.db
      .update(schema.user)
      .set({ licenseCountry: "US" })
      .where(eq(schema.user.id, listener.user.id));
  });

  it("sets the licensing country from the sign-up address, else the operator default", async () => {
    const signUp = async (ip: string) => {
      const email = `geo-${randomBytes(4).toString("hex")}@example.com`;
      const { id } = await stack
        .caller(null, ip)
        .auth.signUp({ email, password: "a long listening phrase", displayName: "G" });
      const [row] = await stack.db
        .select({ licenseCountry: schema.user.licenseCountry })
        .from(schema.user)
        .where(eq(schema.user.id, id));
      return row?.licenseCountry;
    };
    expect(await signUp("81.2.69.160")).toBe("GB");
    expect(await signUp("2a02:26f0::1")).toBe("NL");
    expect(await signUp("203.0.113.9")).toBe("US"); // documentation range: unknown to GeoIP
  });

  it("keeps unreleased tracks invisible until their date, and refuses retired and unencoded ones", async () => {
    const released = await insertTrack(stack.db);
    const future = await insertTrack(stack.db, { availableFrom: new Date(Date.now() + 86_400_000) });
    expect(await codeOf(stack.caller(listener).playback.stream({ trackId: future.trackId }))).toBe(
      "NOT_FOUND",
    );
    await expect(contentKey(stack.db, { userId: listener.user.id, trackId: future.trackId })).rejects.toThrow(
      /not found/i,
    );
    // Its album has nothing released: it is not found, and not listed.
    expect(await codeOf(stack.caller(listener).catalog.album({ id: future.albumId }))).toBe("NOT_FOUND");
    const listed = await stack.caller(listener).catalog.albums({ limit: 100 });
    expect(listed.albums.map((a) => a.id)).toContain(released.albumId);
    expect(listed.albums.map((a) => a.id)).not.toContain(future.albumId);
    // Beside a released track on the same album and artist, it is left out.
    const [sibling] = await stack.db
      .select({ albumId: schema.track.albumId })
      .from(schema.track)
      .where(eq(schema.track.id, released.trackId));
    const hiddenId = randomUUID();
    await stack.db.insert(schema.track).values({
      id: hiddenId,
      title: "Tomorrow",
      albumId: sibling?.albumId ?? "",
      durationMs: 1000,
      masterPath: `tracks/${hiddenId}/v1/master.m3u8`,
      availableFrom: new Date(Date.now() + 86_400_000),
    });
    const album = await stack.caller(listener).catalog.album({ id: released.albumId });
    expect(album.tracks.map((t) => t.id)).toEqual([released.trackId]);

    const retired = { trackId: (await insertTrack(stack.db, { retiredAt: new Date() })).trackId };
    expect(await codeOf(stack.caller(listener).playback.stream(retired))).toBe("FORBIDDEN");
    const unencoded = { trackId: (await insertTrack(stack.db, { masterPath: null })).trackId };
    expect(await codeOf(stack.caller(listener).playback.stream(unencoded))).toBe("NOT_FOUND");
  });

  it("refuses explicit tracks when the listener turned explicit content off, and says why", async () => {
    const explicit = await insertTrack(stack.db, { explicit: true });
    await expect(
      stack.caller(listener).playback.stream({ trackId: explicit.trackId }),
    ).resolves.toHaveProperty("url");
    await stack.caller(listener).user.updatePreferences({ explicitContent: false });
    expect(await codeOf(stack.caller(listener).playback.stream({ trackId: explicit.trackId }))).toBe(
      "FORBIDDEN",
    );
    const album = await stack.caller(listener).catalog.album({ id: explicit.albumId });
    expect(album.tracks[0]).toMatchObject({
      explicit: true,
      playable: false,
      unavailableReason: "Explicit content is off in your settings",
      stream: null,
    });
    await stack.caller(listener).user.updatePreferences({ explicitContent: true });
  });

  it("caps the bitrate by plan and quality setting; a plan change applies to the next grant", async () => {
    const { trackId } = await insertTrack(stack.db);
    const capOf = async () => {
      const { url } = await stack.caller(listener).playback.stream({ trackId });
      return Number(new URL(url, "http://x").searchParams.get("q"));
    };
    expect(await capOf()).toBe(128); // free plan
    await stack.caller(listener).user.updatePreferences({ streamingQuality: "low" });
    expect(await capOf()).toBe(64);
    await stack.caller(listener).user.updatePreferences({ streamingQuality: "high" });
    await stack.db
      .update(schema.subscription)
      .set({ planCode: "premium" })
      .where(eq(schema.subscription.userId, listener.user.id));
    expect(await capOf()).toBe(256);
    await stack.db
      .update(schema.subscription)
      .set({ planCode: "free" })
      .where(eq(schema.subscription.userId, listener.user.id));
    expect(await capOf()).toBe(128);
  });

  it("shows which album tracks the listener may play, and why not", async () => {
    const { albumId } = await insertTrack(stack.db, { territories: ["JP"] });
    const album = await stack.caller(listener).catalog.album({ id: albumId });
    expect(album.tracks[0]).toMatchObject({
      playable: false,
      unavailableReason: expect.stringMatching(/country/) as string,
    });
    expect(album.tracks[0]?.stream).toBeNull();
    expect(album.coverUrl).toMatch(/^\/api\/covers\//);

    // Playable tracks come with a signed URL the origin accepts, saving a round trip at play time.
    const open = await insertTrack(stack.db);
    const track = (await stack.caller(listener).catalog.album({ id: open.albumId })).tracks[0];
    const query = new URL(track?.stream?.url ?? "", "http://x").searchParams;
    expect(verifyGrant(open.trackId, query, stack.streaming.secret)).toMatchObject({ ok: true });
    expect(await codeOf(stack.caller(listener).catalog.album({ id: randomUUID() }))).toBe("NOT_FOUND");
  });

  it("lists an artist's top tracks most played first, newest first among equals", async () => {
    const first = await insertTrack(stack.db, { releaseDate: "2020-01-01" });
    const [row] = await stack.db
      .select({ artistId: schema.trackArtist.artistId })
      .from(schema.trackArtist)
      .where(eq(schema.trackArtist.trackId, first.trackId));
    const artistId = row?.artistId ?? "";
    const newer = randomUUID();
    await stack.db.insert(schema.track).values({
      id: newer,
      title: "Newer",
      albumId: first.albumId,
      durationMs: 1000,
      releaseDate: "2024-01-01",
      masterPath: `tracks/${newer}/v1/master.m3u8`,
    });
    await stack.db.insert(schema.trackArtist).values({ trackId: newer, artistId });
    const order = async () =>
      (await stack.caller(listener).catalog.artist({ id: artistId })).topTracks.map((t) => t.id);
    expect(await order()).toEqual([newer, first.trackId]);

    const start = (playbackId: string) => ({
      kind: "start" as const,
      trackId: first.trackId,
      playbackId,
      positionMs: 0,
      occurredAt: new Date(),
    });
    await stack.caller(listener).playback.report({ events: [start("pa"), start("pb")] });
    // The artist is cached: top tracks follow plays once the entry expires (here, dropped).
    expect(await order()).toEqual([newer, first.trackId]);
    await stack.cache.del(catalogKeys.artist(artistId));
    expect(await order()).toEqual([first.trackId, newer]);
  });

  it("stores reported listening events for the caller, dropping unknown tracks", async () => {
    const { trackId } = await insertTrack(stack.db);
    const at = new Date();
    const result = await stack.caller(listener).playback.report({
      events: [
        {
          kind: "start",
          trackId,
          playbackId: "pb1",
          positionMs: 0,
          occurredAt: at,
          detail: { startupMs: 42, preloaded: false },
        },
        { kind: "skip", trackId, playbackId: "pb1", positionMs: 12_345, occurredAt: at },
        { kind: "complete", trackId: randomUUID(), playbackId: "pb2", positionMs: 1, occurredAt: at },
      ],
    });
    expect(result).toEqual({ stored: 2 });
    const rows = await stack.db.query.listeningEvent.findMany({
      where: eq(schema.listeningEvent.trackId, trackId),
    });
    expect(rows.map((r) => [r.kind, r.userId, r.positionMs])).toEqual(
      expect.arrayContaining([
        ["start", listener.user.id, 0],
        ["skip", listener.user.id, 12_345],
      ]),
    );
    expect(rows.find((r) => r.kind === "start")?.detail).toEqual({ startupMs: 42, preloaded: "false" });
  });

  it("rejects oversized and malformed event batches without storing any", async () => {
    const { trackId } = await insertTrack(stack.db);
    const event = {
      kind: "progress" as const,
      trackId,
      playbackId: "pb",
      positionMs: 1,
      occurredAt: new Date(),
    };
    expect(
      await codeOf(
        stack.caller(listener).playback.report({ events: Array.from({ length: 201 }, () => event) }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await codeOf(
        stack.caller(listener).playback.report({ events: [{ ...event, kind: "hacked" as "progress" }] }),
      ),
    ).toBe("BAD_REQUEST");
    const rows = await stack.db.query.listeningEvent.findMany({
      where: eq(schema.listeningEvent.trackId, trackId),
    });
    expect(rows).toHaveLength(0);
  });
});
