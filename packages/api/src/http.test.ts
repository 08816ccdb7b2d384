import { randomBytes, randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { eq, schema } from "@cadence/db";

import type { Session } from "./context";
import { createTestStack, errorOf, insertTrack, stacks, trpcRequest } from "./testing";
import type { TestStack } from "./testing";

const DAY_MS = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function signedUp(stack: TestStack): Promise<Session> {
  const email = `h-${randomBytes(5).toString("hex")}@example.com`;
  const { id } = await stack
    .caller()
    .auth.signUp({ email, password: "a long listening phrase", displayName: "Hal" });
  return { user: { id, email, role: "listener" } };
}

describe.each(stacks)("bad input over HTTP on $name", (stackConfig) => {
  let stack: TestStack;
  let listener: Session;
  let trackId: string;
  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
    listener = await signedUp(stack);
    trackId = (await insertTrack(stack.db)).trackId;
  });
  afterAll(() => stack.close());

  /** Calls a procedure over HTTP and expects a 400 naming `field` among the form's field errors. */
  async function refused(
    method: "GET" | "POST",
    path: string,
    input: unknown,
    field: string,
    session: Session | null = listener,
  ) {
    const response = await stack.http(trpcRequest(method, path, input), session);
    const error = await errorOf(response);
    expect({ status: response.status, code: error.data.code }).toEqual({ status: 400, code: "BAD_REQUEST" });
    const message = error.data.fieldErrors?.[field]?.[0];
    expect(message, `field message for ${field}`).toEqual(expect.any(String));
    // The summary reads as a sentence, naming the field; not zod's issue list as JSON.
    expect(error.message).toContain(`${field}`);
    expect(error.message).toContain(message);
    expect(error.message).not.toMatch(/^\[/);
    return error;
  }

  const event = () => ({
    kind: "start",
    trackId,
    playbackId: "pb-1",
    positionMs: 0,
    occurredAt: new Date(),
  });

  it("refuses times no listening event can have, storing none", async () => {
    for (const occurredAt of [
      new Date(-8640000000000000),
      new Date(8640000000000000),
      new Date("1999-12-31T23:59:59Z"),
      new Date(Date.now() + 2 * DAY_MS),
    ]) {
      await refused("POST", "playback.report", { events: [{ ...event(), occurredAt }] }, "events");
    }
    const rows = await stack.db.query.listeningEvent.findMany({
      where: eq(schema.listeningEvent.trackId, trackId),
    });
    expect(rows).toHaveLength(0);
  });

  it("refuses NUL, control characters, broken unicode and overlong tags in names, ids and event details", async () => {
    const email = `n-${randomBytes(5).toString("hex")}@example.com`;
    const signUp = { email, password: "a long listening phrase" };
    await refused("POST", "auth.signUp", { ...signUp, displayName: "Ada\u0000" }, "displayName", null);
    await refused("POST", "auth.signUp", { ...signUp, displayName: "Ada\ud800" }, "displayName", null);
    await refused("POST", "user.updateProfile", { displayName: "Ada\u001b[31m" }, "displayName");
    await refused("POST", "user.updateProfile", { displayName: "Ada\u202eevil" }, "displayName");
    await refused("POST", "user.updateProfile", { language: `en${"-abcdefgh".repeat(10)}` }, "language");
    await refused("POST", "playback.report", { events: [{ ...event(), playbackId: "pb\u0000" }] }, "events");
    await refused(
      "POST",
      "playback.report",
      { events: [{ ...event(), detail: { "a\u0000b": 1 } }] },
      "events",
    );
    await refused(
      "POST",
      "playback.report",
      { events: [{ ...event(), detail: { note: "x\u0000" } }] },
      "events",
    );
    await refused("POST", "playback.report", { events: [{ ...event(), detail: { big: 1e300 } }] }, "events");
    // Names in any script, with emoji and joiners, are fine.
    const fine = await stack.http(
      trpcRequest("POST", "user.updateProfile", { displayName: "Zoë 李 👩‍🎤" }),
      listener,
    );
    expect(fine.status).toBe(200);
  });

  it("refuses a catalog cursor the list did not hand out, naming the field", async () => {
    for (const cursor of ["x".repeat(600), "not a cursor", { createdAt: new Date(), id: randomUUID() }]) {
      await refused("GET", "catalog.albums", { cursor }, "cursor");
    }
    // Well-formed but not one of ours: refused by the list itself, with the same field.
    for (const cursor of [
      "bm9wZQ",
      Buffer.from(JSON.stringify(["albums", "1", "x"])).toString("base64url"),
    ]) {
      const response = await stack.http(trpcRequest("GET", "catalog.albums", { cursor }), listener);
      expect(response.status).toBe(400);
      expect((await errorOf(response)).data.fieldErrors?.cursor?.[0]).toMatch(/list position is not valid/);
    }
    const ok = await stack.http(trpcRequest("GET", "catalog.albums", { cursor: null }), listener);
    expect(ok.status).toBe(200);
  });

  it("takes only public https avatar addresses", async () => {
    for (const avatarUrl of [
      "http://images.example.com/a.png",
      "https://user:secret@images.example.com/a.png",
      "https://localhost/a.png",
      "https://127.0.0.1/a.png",
      "https://2130706433/a.png",
      "https://[::1]/a.png",
      "https://169.254.169.254/latest/meta-data",
      "https://10.1.2.3/a.png",
      "https://192.168.0.10/a.png",
      "https://[fd00::1]/a.png",
      "https://[::ffff:127.0.0.1]/a.png",
      "javascript:alert(1)",
      "https://images.example.com/a.png#x\u0000y",
      "https://images.example.com/a b.png",
      `https://images.example.com/${"a".repeat(2100)}`,
    ]) {
      await refused("POST", "user.updateProfile", { avatarUrl }, "avatarUrl");
    }
    const avatarUrl = "https://images.example.com/a.png";
    const ok = await stack.http(trpcRequest("POST", "user.updateProfile", { avatarUrl }), listener);
    expect(ok.status).toBe(200);
    expect((await stack.caller(listener).user.me()).profile.avatarUrl).toBe(avatarUrl);
  });

  it("sends errors as plain JSON, without superjson's meta (the fast path every 401 takes)", async () => {
    const unsigned = await stack.http(trpcRequest("GET", "catalog.albums", {}), null);
    const badField = await stack.http(trpcRequest("GET", "catalog.album", { id: "nope" }), listener);
    const fields = [];
    for (const [response, status] of [
      [unsigned, 401],
      [badField, 400],
    ] as const) {
      expect(response.status).toBe(status);
      const body = (await response.json()) as {
        error: { json: { data: Record<string, unknown> }; meta?: unknown };
      };
      expect(body.error.meta).toBeUndefined();
      fields.push(Object.keys(body.error.json.data).sort());
    }
    // Only the fields that say something: a 401 has no field errors, a bad id has no wait.
    expect(fields).toEqual([
      ["code", "httpStatus", "path", "requestId"],
      ["code", "fieldErrors", "httpStatus", "path", "requestId"],
    ]);
  });

  it("names every answer with its own request id", async () => {
    const ids = new Set<string | null>();
    for (let i = 0; i < 3; i++) {
      const response = await stack.http(trpcRequest("GET", "catalog.albums", {}), null);
      expect(response.status).toBe(401);
      expect((await errorOf(response)).data.requestId).toBe(response.headers.get("x-request-id"));
      ids.add(response.headers.get("x-request-id"));
    }
    const ok = await stack.http(trpcRequest("GET", "catalog.albums", {}), listener);
    ids.add(ok.headers.get("x-request-id"));
    expect([...ids].filter((id) => UUID.test(id ?? ""))).toHaveLength(4);
  });
});

describe.each(stacks)("an internal failure on $name", (stackConfig) => {
  it("reaches the client as a generic message and a request id; the detail is logged under that id", async () => {
    const stack = await createTestStack(stackConfig);
    const listener = await signedUp(stack);
    // A real failure: the database goes away under the API.
    await stack.close();

    const written: string[] = [];
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    let response: Response;
    try {
      response = await stack.http(trpcRequest("GET", "catalog.albums", {}), listener);
    } finally {
      stdout.mockRestore();
    }

    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(UUID);
    const text = await response.clone().text();
    expect(text).not.toMatch(/select|failed query|params|stack|\bat \S+:\d+/i);
    const error = await errorOf(response);
    expect(response.status).toBe(500);
    expect(error.message).toBe("Something went wrong on our side");
    expect(error.data).toMatchObject({ code: "INTERNAL_SERVER_ERROR", requestId });
    expect(JSON.parse(text)).not.toHaveProperty("error.meta");

    const logged = written
      .flatMap((chunk) => chunk.split("\n"))
      .filter((line) => line.includes(requestId ?? "-"))
      .map(
        (line) =>
          JSON.parse(line) as { level: number; path?: string; err?: { message: string; stack: string } },
      );
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 50, path: "catalog.albums" });
    expect(logged[0]?.err?.message).toMatch(/select/i);
    expect(logged[0]?.err?.stack).toMatch(/\bat \S+/);
  });
});
