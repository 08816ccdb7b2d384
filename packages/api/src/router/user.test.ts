import { randomBytes } from "node:crypto";

import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { UpstashCache } from "@cadence/cache";

import { AppError } from "@cadence/domain";
import { setRole } from "@cadence/domain/account";
import {
  currentSessionVersion,
  sessionClaims,
  SIGN_IN_LIMITS,
  verifyCredentials,
} from "@cadence/domain/auth";

import type { Session } from "../context";
import { createTestStack, insertTrack, stacks } from "../testing";
import type { TestStack } from "../testing";

const email = () => `listener-${randomBytes(5).toString("hex")}@example.com`;
const password = "correct horse battery staple";

async function trpcError(promise: Promise<unknown>): Promise<TRPCError & { fieldErrors?: unknown }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe.each(stacks)("accounts on $name", (stackConfig) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
  });
  afterAll(() => stack.close());

  async function signedUp(address = email(), pass = password): Promise<Session> {
    const { id } = await stack.caller().auth.signUp({ email: address, password: pass, displayName: "Ada" });
    return { user: { id, email: address, role: "listener" } };
  }

  it("signs up a listener on the free plan with default settings", async () => {
    const session = await signedUp();
    const me = await stack.caller(session).user.me();
    expect(me).toMatchObject({
      email: session.user.email,
      role: "listener",
      hasPassword: true,
      profile: { displayName: "Ada", country: "US" },
      preferences: { streamingQuality: "high", normalisation: "normal" },
      plan: { code: "free", adSupported: true },
    });
  });

  it("rejects a duplicate email, whatever its case, with a field message", async () => {
    const address = email();
    await signedUp(address);
    const error = await trpcError(
      stack.caller().auth.signUp({ email: address.toUpperCase(), password, displayName: "Bob" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect((error.cause as AppError).field).toBe("email");
    expect(error.message).toMatch(/already exists/);
  });

  it("rejects weak passwords with a reason", async () => {
    for (const weak of ["short", "password123", "aaaaaaaaaaaa"]) {
      const error = await trpcError(
        stack.caller().auth.signUp({ email: email(), password: weak, displayName: "C" }),
      );
      expect(error.code).toBe("BAD_REQUEST");
    }
  });

  it("accepts a 100-character password and uses all of it", async () => {
    const long = "Ω" + "a1b2c3d4e5".repeat(9) + "xyz-12345";
    expect(long).toHaveLength(100);
    const session = await signedUp(email(), long);
    const attempt = (p: string) =>
      verifyCredentials(stack, { email: session.user.email, password: p, ip: "198.51.100.1" });
    expect(await attempt(long)).toMatchObject({ id: session.user.id });
    expect(await attempt(long.slice(0, 72))).toBeNull();
    expect(await attempt(long.slice(0, 99))).toBeNull();
  });

  it("rejects unknown keys instead of ignoring them", async () => {
    const session = await signedUp();
    const error = await trpcError(
      stack.caller(session).user.updateProfile({ displayName: "X", userId: "someone-else" } as never),
    );
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("requires a session for account procedures", async () => {
    expect((await trpcError(stack.caller().user.me())).code).toBe("UNAUTHORIZED");
  });

  it("updates only the caller's own profile and preferences", async () => {
    const alice = await signedUp();
    const bob = await signedUp();
    await stack.caller(bob).user.updateProfile({ displayName: "Bobby", country: "de", language: "pt-BR" });
    await stack.caller(bob).user.updatePreferences({ normalisation: "loud", crossfadeSeconds: 6 });
    const bobMe = await stack.caller(bob).user.me();
    expect(bobMe.profile).toMatchObject({ displayName: "Bobby", country: "DE", language: "pt-BR" });
    expect(bobMe.preferences).toMatchObject({ normalisation: "loud", crossfadeSeconds: 6 });
    const aliceMe = await stack.caller(alice).user.me();
    expect(aliceMe.profile.displayName).toBe("Ada");
    expect(aliceMe.preferences.normalisation).toBe("normal");
  });

  it("explains invalid profile fields", async () => {
    const session = await signedUp();
    const error = await trpcError(stack.caller(session).user.updateProfile({ country: "Germany" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/two-letter country code/);
  });

  it("changes the password only with the current one, and ends every session", async () => {
    const session = await signedUp();
    const before = await currentSessionVersion(stack, session.user.id);
    const wrong = await trpcError(
      stack
        .caller(session)
        .user.changePassword({ currentPassword: "not it at all", newPassword: "a brand new phrase" }),
    );
    expect(wrong.code).toBe("BAD_REQUEST");
    expect((wrong.cause as AppError).field).toBe("currentPassword");
    const same = await trpcError(
      stack.caller(session).user.changePassword({ currentPassword: password, newPassword: password }),
    );
    expect(same.code).toBe("BAD_REQUEST");
    expect((same.cause as AppError).field).toBe("newPassword");

    await stack
      .caller(session)
      .user.changePassword({ currentPassword: password, newPassword: "a brand new phrase" });
    expect(await currentSessionVersion(stack, session.user.id)).toBe((before ?? 0) + 1);
    const attempt = (p: string) =>
      verifyCredentials(stack, { email: session.user.email, password: p, ip: "198.51.100.2" });
    expect(await attempt(password)).toBeNull();
    expect(await attempt("a brand new phrase")).toMatchObject({ id: session.user.id });
  });

  it("deletes the account only with the right password, keeping it otherwise", async () => {
    const session = await signedUp();
    const wrong = await trpcError(stack.caller(session).user.deleteAccount({ password: "wrong password" }));
    expect(wrong.code).toBe("BAD_REQUEST");
    expect((await stack.caller(session).user.me()).email).toBe(session.user.email);

    await stack.caller(session).user.deleteAccount({ password });
    expect((await trpcError(stack.caller(session).user.me())).code).toBe("NOT_FOUND");
    expect(await currentSessionVersion(stack, session.user.id)).toBeNull();
  });

  it("throttles an account after repeated wrong passwords, even for the right one", async () => {
    const session = await signedUp();
    const ip = `198.51.100.${Math.floor(Math.random() * 200) + 10}`;
    const attempt = (p: string) => verifyCredentials(stack, { email: session.user.email, password: p, ip });
    for (let i = 0; i < 5; i++) expect(await attempt(`wrong guess ${i}`)).toBeNull();
    const error = await attempt(password).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("THROTTLED");
    expect((error as AppError).retryAfterSeconds).toBeGreaterThan(0);
    // Another account from the same address is still allowed.
    const other = await signedUp();
    expect(await verifyCredentials(stack, { email: other.user.email, password, ip })).toMatchObject({
      id: other.user.id,
    });
  });

  it("limits wrong current passwords on changePassword like sign-in, even in a parallel burst", async () => {
    const session = await signedUp();
    const ip = "198.51.100.31";
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        stack
          .caller(session, ip)
          .user.changePassword({ currentPassword: `not it ${i}`, newPassword: "a brand new phrase" })
          .then(
            () => "changed",
            (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
          ),
      ),
    );
    expect(results.filter((r) => r === "BAD_REQUEST").length).toBeLessThanOrEqual(SIGN_IN_LIMITS.pair.limit);
    expect(results.filter((r) => r === "TOO_MANY_REQUESTS").length).toBeGreaterThanOrEqual(
      30 - SIGN_IN_LIMITS.pair.limit,
    );
    const throttled = await trpcError(
      stack
        .caller(session, ip)
        .user.changePassword({ currentPassword: password, newPassword: "a brand new phrase" }),
    );
    expect(throttled.code).toBe("TOO_MANY_REQUESTS");
    expect((throttled.cause as AppError).field).toBe("currentPassword");
    // The same counters as sign-in: that address cannot go on guessing through the sign-in form.
    const signIn = await verifyCredentials(stack, { email: session.user.email, password, ip }).catch(
      (e: unknown) => e,
    );
    expect((signIn as AppError).code).toBe("THROTTLED");
  });

  it("limits wrong passwords on deleteAccount, and keeps the account", async () => {
    const session = await signedUp();
    const ip = "198.51.100.32";
    for (let i = 0; i < SIGN_IN_LIMITS.pair.limit; i++) {
      const wrong = await trpcError(stack.caller(session, ip).user.deleteAccount({ password: `nope ${i}` }));
      expect(wrong.code).toBe("BAD_REQUEST");
    }
    const throttled = await trpcError(stack.caller(session, ip).user.deleteAccount({ password }));
    expect(throttled.code).toBe("TOO_MANY_REQUESTS");
    expect((await stack.caller(session).user.me()).email).toBe(session.user.email);
  });

  it("carries the listener's rights in the session check, which lists use, and a saved preference shows on the next one", async () => {
    const session = await signedUp();
    const { albumId } = await insertTrack(stack.db, { explicit: true });
    const sv = (await currentSessionVersion(stack, session.user.id)) ?? undefined;
    const token = { sub: session.user.id, sv };
    // A request as the app server makes it: the session as the session check read it.
    const asChecked = async () => {
      const claims = await sessionClaims(stack, token);
      const checked = {
        ...session,
        passwordChangeRequired: claims?.passwordChangeRequired,
        listener: claims?.listener,
      };
      const [track] = (await stack.caller(checked).catalog.album({ id: albumId })).tracks;
      return { listener: claims?.listener, track };
    };
    const before = await asChecked();
    expect(before.listener).toMatchObject({ userId: session.user.id, maxKbps: 128, explicitAllowed: true });
    expect(before.track).toMatchObject({
      playable: true,
      stream: { url: expect.stringContaining("&q=128&") as unknown },
    });
    await stack.caller(session).user.updatePreferences({ explicitContent: false });
    // Cached a moment ago; the write dropped it, so the very next request sees the new settings.
    const after = await asChecked();
    expect(after.listener).toMatchObject({ explicitAllowed: false });
    expect(after.track).toMatchObject({ playable: false, stream: null });
    await stack.caller(session).user.updatePreferences({ explicitContent: true, streamingQuality: "low" });
    expect((await asChecked()).track?.stream?.url).toContain("&q=64&");
  });

  it("re-reads the role with the session version: a demoted admin's next request is a listener", async () => {
    const session = await signedUp();
    await setRole(stack, session.user.id, "admin");
    const sv = await currentSessionVersion(stack, session.user.id);
    const token = { sub: session.user.id, sv: sv ?? undefined, role: "listener" as const };
    // The token was issued before the promotion; the next request already sees an admin...
    expect(await sessionClaims(stack, token)).toMatchObject({ role: "admin" });
    // ...and, with that cached, a demotion is still seen on the very next request.
    await setRole(stack, session.user.id, "listener");
    const issuedAsAdmin = { ...token, role: "admin" as const };
    expect(await sessionClaims(stack, issuedAsAdmin)).toMatchObject({ role: "listener" });
    // A token of an older session version stays revoked, whatever its role.
    expect(await sessionClaims(stack, { ...token, sv: (sv ?? 0) - 1 })).toBeNull();
  });

  it("does not say whether an email is registered", async () => {
    const session = await signedUp();
    const ip = "198.51.100.250";
    expect(await verifyCredentials(stack, { email: "nobody@example.com", password, ip })).toBeNull();
    expect(
      await verifyCredentials(stack, { email: session.user.email, password: "wrong one!", ip }),
    ).toBeNull();
  });
});

describe("sign-in when the cache is down", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack(stacks[0] ?? { name: "pglite", driver: "pglite", cache: "memory" });
  });
  afterAll(() => stack.close());

  it("fails closed: no password sign-in without throttling", async () => {
    const { id } = await stack.caller().auth.signUp({ email: email(), password, displayName: "Z" });
    const [row] = await stack.db.query.user.findMany({ where: (u, { eq }) => eq(u.id, id) });
    const down = new UpstashCache({ url: "http://127.0.0.1:9", token: "x", timeoutMs: 300 });
    const error = await verifyCredentials(
      { db: stack.db, cache: down },
      { email: row?.email ?? "", password, ip: "1.2.3.4" },
    ).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("UNAVAILABLE");
  });

  it("keeps serving reads that only use the cache as an accelerator", async () => {
    const { id } = await stack.caller().auth.signUp({ email: email(), password, displayName: "Y" });
    const down = new UpstashCache({ url: "http://127.0.0.1:9", token: "x", timeoutMs: 300 });
    expect(await currentSessionVersion({ db: stack.db, cache: down }, id)).toBe(1);
  });
});
