import { randomBytes } from "node:crypto";
import { createServer, request } from "node:http";
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";

import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { MemoryCache } from "@cadence/cache";
import { eq, schema } from "@cadence/db";
import { createTestDb } from "@cadence/db/testing";
import type { DbHandle } from "@cadence/db";
import { parseTrustedProxies } from "@cadence/domain";
import { createAccount } from "@cadence/domain/account";
import { endAllSessions } from "@cadence/domain/auth";

// What the start script sets; read by env.ts when the modules below load.
const SECRET = "node-path-test-secret-0123456789abcdef";
const MAX_BODY = 4096;
vi.stubEnv("NEXTAUTH_SECRET", SECRET);
vi.stubEnv("STREAM_SIGNING_SECRET", "node-path-stream-secret-0123456789abcdef");
vi.stubEnv("API_MAX_BODY_BYTES", String(MAX_BODY));
vi.stubEnv("API_MAX_BATCH_SIZE", "5");

const { stampClientAddress } = await import("./client-address");
const { isApiRequest, serveApiNode } = await import("./trpc-node");
const { STATIC_HEADERS } = await import("../lib/security-headers");
const { sessionReader } = await import("./session");
const { engines } = await import("./engines");

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

let handle: DbHandle;
let server: Server;
let origin: string;
let account: { id: string; email: string; sv: number };

/** The request as a browser sends it; `chunked` streams the body without a declared length. */
function send(
  method: "GET" | "POST",
  path: string,
  options: { cookie?: string; body?: string | Buffer; chunked?: boolean } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (options.cookie) headers.cookie = options.cookie;
    if (options.chunked) headers["transfer-encoding"] = "chunked";
    const req = request(`${origin}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    // The server may stop reading and close: what it answered is what counts.
    req.on("error", (error) => (req.destroyed ? undefined : reject(error)));
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const me = (cookie?: string) => send("GET", "/api/trpc/user.me", { cookie });

async function sessionCookie(claims: Record<string, unknown>, maxAge?: number): Promise<string> {
  const token = await encode({ token: claims, secret: SECRET, ...(maxAge === undefined ? {} : { maxAge }) });
  return `next-auth.session-token=${token}`;
}

beforeAll(async () => {
  handle = await createTestDb("pglite");
  // The engines the server would open, replaced by a test database and an in-process cache.
  (globalThis as { cadenceEngines?: unknown }).cadenceEngines = {
    handle,
    db: handle.db,
    cache: new MemoryCache(),
  };
  const email = `node-${randomBytes(4).toString("hex")}@example.com`;
  const { id } = await createAccount(handle.db, {
    email,
    password: "a long listening phrase",
    displayName: "Nod",
    passwordHash: null,
  });
  const [row] = await handle.db
    .select({ sv: schema.user.sessionVersion })
    .from(schema.user)
    .where(eq(schema.user.id, id));
  account = { id, email, sv: row?.sv ?? 0 };
  const trusted = parseTrustedProxies(undefined);
  server = createServer((req, res) => {
    stampClientAddress(req, trusted);
    if (!isApiRequest(req)) return void res.writeHead(404).end();
    serveApiNode(req, res).catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await handle.close();
});

describe("/api/trpc served by the node:http server", () => {
  it("refuses a call without a session cookie with 401, with the headers every answer carries", async () => {
    const answer = await me();
    expect(answer.status).toBe(401);
    expect(answer.body).toContain('"code":"UNAUTHORIZED"');
    for (const [name, value] of Object.entries(STATIC_HEADERS)) {
      expect(answer.headers[name.toLowerCase()], name).toBe(value);
    }
    expect(answer.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("serves the signed-in listener from next-auth's session cookie", async () => {
    const cookie = await sessionCookie({
      sub: account.id,
      email: account.email,
      role: "listener",
      sv: account.sv,
    });
    const answer = await me(cookie);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain(`"email":"${account.email}"`);
  });

  it("refuses forged, expired and unknown-account cookies", async () => {
    const claims = { sub: account.id, email: account.email, role: "listener", sv: account.sv };
    const expired = await sessionCookie(claims, -60);
    const otherSecret = `next-auth.session-token=${await encode({ token: claims, secret: `${SECRET}-other` })}`;
    const stranger = await sessionCookie({ ...claims, sub: "00000000-0000-4000-8000-000000000000" });
    for (const cookie of [expired, otherSecret, stranger, "next-auth.session-token=not-a-token"]) {
      expect((await me(cookie)).status, cookie.slice(0, 40)).toBe(401);
    }
  });

  it("refuses a session once the account signed out everywhere", async () => {
    const email = `rev-${randomBytes(4).toString("hex")}@example.com`;
    const { id } = await createAccount(handle.db, {
      email,
      password: "a long listening phrase",
      displayName: "Rev",
      passwordHash: null,
    });
    const [row] = await handle.db
      .select({ sv: schema.user.sessionVersion })
      .from(schema.user)
      .where(eq(schema.user.id, id));
    const cookie = await sessionCookie({ sub: id, email, role: "listener", sv: row?.sv ?? 0 });
    const before = await me(cookie);
    expect(before.status, before.body).toBe(200);
    await endAllSessions(engines(), id);
    expect((await me(cookie)).status).toBe(401);
  });

  it("grants the account's current role, not the one in the token", async () => {
    const read = sessionReader({ secret: SECRET, publicUrl: "http://localhost" });
    const claims = { sub: account.id, email: account.email, role: "admin", sv: account.sv };
    const token = await encode({ token: claims, secret: SECRET });
    const session = await read([{ name: "next-auth.session-token", value: token }], engines());
    expect(session).toEqual({
      user: { id: account.id, email: account.email, role: "listener" },
      passwordChangeRequired: false,
      listener: expect.objectContaining({ userId: account.id, sessionVersion: account.sv }) as unknown,
    });
  });

  it("reads next-auth's cookie name for the site: __Secure- on https, chunks joined in order", async () => {
    const claims = { sub: account.id, email: account.email, role: "listener", sv: account.sv };
    const token = await encode({ token: claims, secret: SECRET });
    const https = sessionReader({ secret: SECRET, publicUrl: "https://music.example.com" });
    expect(await https([{ name: "next-auth.session-token", value: token }], engines())).toBeNull();
    const cut = Math.floor(token.length / 2);
    const chunks = [
      { name: "__Secure-next-auth.session-token.1", value: token.slice(cut) },
      { name: "__Secure-next-auth.session-token.0", value: token.slice(0, cut) },
    ];
    expect((await https(chunks, engines()))?.user.id).toBe(account.id);
  });

  it("caps the body: 413 for a declared or a streamed length past the cap", async () => {
    const big = JSON.stringify({ json: { displayName: "x".repeat(MAX_BODY) } });
    const declared = await send("POST", "/api/trpc/user.updateProfile", { body: big });
    expect(declared.status).toBe(413);
    expect(declared.headers.connection).toBe("close");
    const streamed = await send("POST", "/api/trpc/user.updateProfile", {
      body: Buffer.alloc(64 * MAX_BODY, "a"),
      chunked: true,
    });
    expect(streamed.status).toBe(413);
    // Under the cap the call goes through (and is refused for want of a session).
    expect((await send("POST", "/api/trpc/user.updateProfile", { body: '{"json":{}}' })).status).toBe(401);
  });

  it("caps the batch size", async () => {
    const path = `/api/trpc/${Array.from({ length: 6 }, () => "user.me").join(",")}?batch=1`;
    expect((await send("GET", path)).status).toBe(400);
  });

  it("compresses large answers for clients that accept gzip", async () => {
    const cookie = await sessionCookie({
      sub: account.id,
      email: account.email,
      role: "listener",
      sv: account.sv,
    });
    const path = `/api/trpc/${Array.from({ length: 5 }, () => "user.me").join(",")}?batch=1`;
    const answer = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
      request(`${origin}${path}`, { headers: { cookie, "accept-encoding": "gzip" } }, (res) => {
        res.resume();
        resolve(res.headers);
      })
        .on("error", reject)
        .end();
    });
    expect(answer["content-encoding"]).toBe("gzip");
    expect(answer.vary).toContain("Accept-Encoding");
  });
});
