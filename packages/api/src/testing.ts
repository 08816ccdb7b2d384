import { randomBytes, randomUUID } from "node:crypto";

import type { Cache } from "@cadence/cache";
import { MemoryCache } from "@cadence/cache";
import { createTestRedisCache } from "@cadence/cache/testing";
import { schema } from "@cadence/db";
import type { Db } from "@cadence/db";
import { createTestDb } from "@cadence/db/testing";
import type { TestDriver } from "@cadence/db/testing";
import { CLIENT_IP_HEADER } from "@cadence/domain";
import { createAccount } from "@cadence/domain/account";
import type { StreamConfig } from "@cadence/domain/streaming";
import superjson from "superjson";

import type { ApiServices, CreateContextOptions, Session } from "./context";
import { createTRPCContext } from "./context";
import { handleTRPCRequest } from "./http";
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
  /** The same API over HTTP, through the handler /api/trpc uses, as the given user (or anonymous). */
  http(request: Request, session?: Session | null): Promise<Response>;
}

/** No request limits: for tests that make hundreds of calls as one listener on purpose. */
export const UNLIMITED = {
  write: { perUser: 0, perIp: 0 },
  "expensive-read": { perUser: 0, perIp: 0 },
} as const;

export async function createTestStack(
  stack: (typeof stacks)[number],
  options: {
    requestLimits?: CreateContextOptions["requestLimits"];
    musicFolder?: CreateContextOptions["musicFolder"];
  } = {},
): Promise<TestStack> {
  const handle = await createTestDb(stack.driver);
  let cache: Cache = new MemoryCache();
  let closeCache = () => Promise.resolve();
  if (stack.cache === "redis") {
    const redis = createTestRedisCache();
    cache = redis.cache;
    closeCache = redis.close;
  }
  const services = {
    db: handle.db,
    cache,
    streaming: testStreaming,
    requestLimits: options.requestLimits,
    musicFolder: options.musicFolder,
  };
  return {
    ...services,
    caller: (session = null, ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`) =>
      createCaller(
        createTRPCContext({ ...services, session, headers: new Headers({ [CLIENT_IP_HEADER]: ip }) }),
      ),
    http: (request, session = null) =>
      handleTRPCRequest(request, {
        services: () => services,
        session: () => Promise.resolve(session),
        maxBatchSize: 20,
      }),
    close: async () => {
      await closeCache();
      await handle.close();
    },
  };
}

/** A new listener, signed up through the API from a random address. */
export async function signedUpListener(stack: TestStack, displayName = "Listener"): Promise<Session> {
  const email = `l-${randomBytes(6).toString("hex")}@example.com`;
  const { id } = await stack
    .caller()
    .auth.signUp({ email, password: "a long listening phrase", displayName });
  return { user: { id, email, role: "listener" } };
}

/** A catalog track as ingest leaves it: album, artist, master playlist and key. */
export async function insertTrack(db: Db, overrides: Partial<typeof schema.track.$inferInsert> = {}) {
  const tag = randomBytes(4).toString("hex");
  const [artist] = await db
    .insert(schema.artist)
    .values({ name: `Artist ${tag}`, nameKey: `artist ${tag}` })
    .returning();
  const [album] = await db
    .insert(schema.album)
    .values({
      title: `Album ${tag}`,
      albumKey: `album ${tag}`,
      artistId: artist?.id ?? "",
      coverPath: `covers/${tag}.jpg`,
    })
    .returning();
  const id = randomUUID();
  await db.insert(schema.track).values({
    id,
    title: `Track ${tag}`,
    albumId: album?.id ?? "",
    durationMs: 61_000,
    trackNumber: 1,
    masterPath: `tracks/${id}/v1/master.m3u8`,
    ...overrides,
  });
  await db.insert(schema.trackArtist).values({ trackId: id, artistId: artist?.id ?? "" });
  await db.insert(schema.trackKey).values({ trackId: id, key: randomBytes(16) });
  return { trackId: id, albumId: album?.id ?? "" };
}

/** A tRPC request as the web client makes it: a query as GET ?input=, a mutation as a POST body. */
export function trpcRequest(method: "GET" | "POST", path: string, input: unknown): Request {
  const encoded = JSON.stringify(superjson.serialize(input));
  const url = `http://localhost/api/trpc/${path}`;
  return method === "GET"
    ? new Request(`${url}?input=${encodeURIComponent(encoded)}`)
    : new Request(url, { method, body: encoded, headers: { "content-type": "application/json" } });
}

/** The error of a single (unbatched) tRPC answer, as a client reads it. */
export interface TRPCErrorBody {
  message: string;
  code: number;
  data: {
    code: string;
    httpStatus: number;
    requestId?: string;
    fieldErrors?: Record<string, string[] | undefined>;
    retryAfterSeconds?: number;
  };
}

export async function errorOf(response: Response): Promise<TRPCErrorBody> {
  const body = (await response.json()) as { error?: { json: TRPCErrorBody } };
  if (!body.error) throw new Error(`expected an error, got ${response.status} ${JSON.stringify(body)}`);
  return body.error.json;
}

/** A listener account made directly (no password, no sign-up limit), as a session. */
export async function createListener(db: Db, displayName = "Listener"): Promise<Session> {
  const email = `listener-${randomBytes(6).toString("hex")}@example.com`;
  const { id } = await createAccount(db, { email, password: "", displayName, passwordHash: null });
  return { user: { id, email, role: "listener" } };
}
