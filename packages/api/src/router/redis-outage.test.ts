import { randomBytes } from "node:crypto";

import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RedisHttpBridge } from "@cadence/cache/redis-http";
import { createTestBridgedCache, startDedicatedRedis } from "@cadence/cache/testing";
import type { DedicatedRedis } from "@cadence/cache/testing";
import { createTestDb } from "@cadence/db/testing";
import type { DbHandle } from "@cadence/db";
import { AppError, CLIENT_IP_HEADER } from "@cadence/domain";
import { sessionClaims, verifyCredentials } from "@cadence/domain/auth";

import type { StreamConfig } from "@cadence/domain/streaming";

import type { ApiServices, Session } from "../context";
import { createTRPCContext } from "../context";
import { appRouter } from "../root";
import { testStreaming } from "../testing";
import { createCallerFactory } from "../trpc";

const password = "correct horse battery staple";
const createCaller = createCallerFactory(appRouter);

// The app's services on Postgres and a Redis of this suite's own, which it stops and freezes
// while serving (never the machine's shared Redis).
describe("when Redis goes down while the app serves", () => {
  let redis: DedicatedRedis;
  let bridge: RedisHttpBridge;
  let handle: DbHandle;
  let services: ApiServices & { streaming: StreamConfig };
  let session: Session;

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
    const cache = await createTestBridgedCache(redis.url);
    bridge = cache.bridge;
    handle = await createTestDb("postgres");
    services = { db: handle.db, cache: cache.cache, streaming: testStreaming };
    const email = `outage-${randomBytes(5).toString("hex")}@example.com`;
    const { id } = await caller(null).auth.signUp({ email, password, displayName: "Ada" });
    session = { user: { id, email, role: "listener" } };
    expect(await signIn()).toMatchObject({ id });
  });
  afterAll(async () => {
    await bridge.close();
    await redis.close();
    await handle.close();
  });

  async function expectDegraded() {
    // Reads use the cache only as an accelerator: the session check every request makes, the
    // account and the catalog still answer.
    const started = Date.now();
    expect(await sessionClaims(services, { sub: session.user.id, sv: 1 })).toEqual({ role: "listener" });
    // At most one cache timeout (1.5 s) per request, even against a hung Redis.
    expect(Date.now() - started).toBeLessThan(2500);
    expect((await caller().user.me()).email).toBe(session.user.email);
    expect((await caller().catalog.albums({})).albums).toEqual([]);
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

  it("keeps serving reads, refuses sign-in, and recovers without a restart after a shutdown", async () => {
    await redis.stop();
    await expectDegraded();
    await redis.start();
    const recoveredInMs = await expectRecovery();
    console.log(`sign-in recovered ${recoveredInMs} ms after Redis came back`);
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
  }, 60_000);
});
