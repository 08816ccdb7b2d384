import type { Cache } from "@cadence/cache";
import { MemoryCache } from "@cadence/cache";
import { createTestRedisCache } from "@cadence/cache/testing";
import { createTestDb } from "@cadence/db/testing";
import type { TestDriver } from "@cadence/db/testing";
import { CLIENT_IP_HEADER } from "@cadence/domain";
import type { StreamConfig } from "@cadence/domain/streaming";

import type { ApiServices, Session } from "./context";
import { createTRPCContext } from "./context";
import { appRouter } from "./root";
import { createCallerFactory } from "./trpc";

const createCaller = createCallerFactory(appRouter);

/** The stacks the API is tested on: the embedded defaults, and the real engines. */
export const stacks = [
  { name: "PGlite + in-process cache", driver: "pglite" as TestDriver, cache: "memory" as const },
  { name: "Postgres + Redis", driver: "postgres" as TestDriver, cache: "redis" as const },
];

export const testStreaming: StreamConfig = {
  secret: "test-stream-secret-0123456789abcdef",
  ttlSeconds: 600,
};

export interface TestStack extends ApiServices {
  streaming: StreamConfig;
  close(): Promise<void>;
  /** A tRPC caller as the given user (or anonymous), from the given address. */
  caller(session?: Session | null, ip?: string): ReturnType<typeof createCaller>;
}

export async function createTestStack(stack: (typeof stacks)[number]): Promise<TestStack> {
  const handle = await createTestDb(stack.driver);
  let cache: Cache = new MemoryCache();
  let closeCache = () => Promise.resolve();
  if (stack.cache === "redis") {
    const redis = await createTestRedisCache();
    cache = redis.cache;
    closeCache = () => redis.bridge.close();
  }
  const services = { db: handle.db, cache, streaming: testStreaming };
  return {
    ...services,
    caller: (session = null, ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`) =>
      createCaller(
        createTRPCContext({ ...services, session, headers: new Headers({ [CLIENT_IP_HEADER]: ip }) }),
      ),
    close: async () => {
      await closeCache();
      await handle.close();
    },
  };
}
