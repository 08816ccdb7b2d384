import { randomBytes } from "node:crypto";

import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Cache } from "@cadence/cache";
import { createTestBridgedCache, createTestRedisCache, startDedicatedRedis } from "@cadence/cache/testing";
import type { DedicatedRedis } from "@cadence/cache/testing";
import { createTestDb } from "@cadence/db/testing";
import type { DbHandle } from "@cadence/db";
import { AppError, CLIENT_IP_HEADER } from "@cadence/domain";
import { sessionClaims, verifyCredentials } from "@cadence/domain/auth";
import { cacheKey } from "@cadence/domain/cache";
import { admitRequest } from "@cadence/domain/request-limits";

import type { StreamConfig } from "@cadence/domain/streaming";

import type { ApiServices, Session } from "../context";
import { createTRPCContext } from "../context";
import { appRouter } from "../root";
import { insertTrack, testStreaming } from "../testing";
import { createCallerFactory } from "../trpc";

const password = "correct horse battery staple";
const createCaller = createCallerFactory(appRouter);

// Both ways the app reaches Redis: directly (REDIS_URL), and the Upstash client through the bridge.
const engines: [string, (url: string) => Promise<{ cache: Cache; close: () => Promise<void> }>][] = [
  ["ioredis, direct", (url) => Promise.resolve(createTestRedisCache(url))],
  ["Upstash client through the bridge", (url) => createTestBridgedCache(url)],
];

// The app's services on Postgres and a Redis of this suite's own, which it stops and freezes
// while serving (never the machine's shared Redis).
describe.each(engines)("when Redis goes down while the app serves (%s)", (_name, connect) => {
  let redis: DedicatedRedis;
  let closeCache: () => Promise<void>;
  let handle: DbHandle;
  let services: ApiServices & { streaming: StreamConfig };
  let session: Session;
  let albumId: string;

  const caller = (s: Session | null = session) =>
    createCaller(
      createTRPCContext({
        ...services,
        session: s,
        headers: new Headers({ [CLIENT_IP_HEADER]: "192.0.2.50" }),
      }),
    );
  const signIn = () =>
    verifyCredentials(services, { email: session.user.email, password, ip: "192.0.2.50" }).catch(
      (e: unknown) => e,
    );

  beforeAll(async () => {
    redis = await startDedicatedRedis();
    const connected = await connect(redis.url);
    closeCache = connected.close;
    handle = await createTestDb("postgres");
    services = { db: handle.db, cache: connected.cache, streaming: testStreaming };
    const email = `outage-${randomBytes(5).toString("hex")}@example.com`;
    const { id } = await caller(null).auth.signUp({ email, password, displayName: "Ada" });
    session = { user: { id, email, role: "listener" } };
    expect(await signIn()).toMatchObject({ id });
    albumId = (await insertTrack(handle.db)).albumId;
  });
  afterAll(async () => {
    await closeCache();
    await redis.close();
    await handle.close();
  });

  async function expectDegraded() {
    // Reads use the cache only as an accelerator: the session check every request makes, the
    // account and the catalog still answer, from Postgres.
    const started = Date.now();
    expect(await sessionClaims(services, { sub: session.user.id, sv: 1 })).toMatchObject({
      role: "listener",
      passwordChangeRequired: false,
      listener: { userId: session.user.id, sessionVersion: 1 },
    });
    // At most one cache timeout (1.5 s) per request, even against a hung Redis.
    expect(Date.now() - started).toBeLessThan(2500);
    expect((await caller().user.me()).email).toBe(session.user.email);
    expect((await caller().catalog.album({ id: albumId })).id).toBe(albumId);
    // Rate-limited procedures fail open: reads and writes alike.
    expect((await caller().catalog.albums({})).albums.map((album) => album.id)).toContain(albumId);
    await caller().user.updatePreferences({ crossfadeSeconds: 3 });
    expect((await caller().user.me()).preferences.crossfadeSeconds).toBe(3);
    // Password checks fail closed, with a clear message.
    const refused = await signIn();
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: "UNAVAILABLE",
      message: expect.stringMatching(/temporarily unavailable/) as string,
    });
    const change = await caller()
      .user.changePassword({ currentPassword: password, newPassword: "an entirely new refrain" })
      .catch((e: unknown) => e);
    expect(change).toBeInstanceOf(TRPCError);
    expect((change as TRPCError).code).toBe("SERVICE_UNAVAILABLE");
  }

  async function expectRecovery(): Promise<number> {
    const started = Date.now();
    for (;;) {
      const result = await signIn();
      if (!(result instanceof Error)) {
        expect(result).toMatchObject({ id: session.user.id });
        return Date.now() - started;
      }
      expect(result).toMatchObject({ code: "UNAVAILABLE" });
      if (Date.now() - started > 15_000) throw new Error("sign-in did not recover within 15 s");
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** The same cache client, with nothing restarted, caches and counts in Redis again. */
  async function expectCacheInUse() {
    const key = cacheKey("session", session.user.id);
    await services.cache.invalidate(key);
    expect(await sessionClaims(services, { sub: session.user.id, sv: 1 })).toMatchObject({
      role: "listener",
      passwordChangeRequired: false,
      listener: { userId: session.user.id, sessionVersion: 1 },
    });
    expect(await services.cache.lookup(key)).toMatchObject({
      hit: true,
      value: { v: { role: "listener", listener: { userId: session.user.id, sessionVersion: 1 } } },
    });
    const limits = { perUser: 1, perIp: 0 };
    const subject = { userId: `recovery-${randomBytes(4).toString("hex")}`, ip: "192.0.2.50" };
    await admitRequest(services, "write", subject, limits);
    await expect(admitRequest(services, "write", subject, limits)).rejects.toMatchObject({
      code: "THROTTLED",
    });
  }

  it("serves from Postgres, refuses sign-in, and recovers without a restart after a shutdown", async () => {
    await redis.stop();
    await expectDegraded();
    await redis.start();
    const recoveredInMs = await expectRecovery();
    console.log(`sign-in recovered ${recoveredInMs} ms after Redis came back`);
    await expectCacheInUse();
  }, 60_000);

  it("does the same when Redis hangs (SIGSTOP), within the cache client's timeout", async () => {
    redis.pause();
    try {
      const started = Date.now();
      await expectDegraded();
      console.log(`degraded round with a frozen Redis took ${Date.now() - started} ms`);
    } finally {
      redis.resume();
    }
    await expectRecovery();
    await expectCacheInUse();
  }, 60_000);
});
