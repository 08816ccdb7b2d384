import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CLIENT_IP_HEADER } from "@cadence/domain";
import { REQUEST_LIMITS } from "@cadence/domain/request-limits";

import type { Session } from "../context";
import { createTestStack, errorOf, signedUpListener, stacks, trpcRequest } from "../testing";
import type { TestStack } from "../testing";

const writes = REQUEST_LIMITS.write;
const reads = REQUEST_LIMITS["expensive-read"];

// Each address is used by one test only (per stack), so no test sees another's counts.
let hosts = 0;
const address = () => `198.51.100.${++hosts}`;

/** `count` calls, twenty at a time. */
async function times(count: number, call: () => Promise<unknown>): Promise<void> {
  for (let done = 0; done < count; done += 20) {
    await Promise.all(Array.from({ length: Math.min(20, count - done) }, call));
  }
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (error: { code?: string }) => error.code,
  );

describe.each(stacks)("request limits on $name", (stackConfig) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
  });
  afterAll(() => stack.close());

  const preferences = (session: Session, ip: string) => {
    const request = trpcRequest("POST", "user.updatePreferences", { gapless: true });
    request.headers.set(CLIENT_IP_HEADER, ip);
    return stack.http(request, session);
  };

  it("answers a listener's writes past the limit with 429 and Retry-After, and no one else's", async () => {
    const [alice, bob] = [await signedUpListener(stack), await signedUpListener(stack)];
    const ip = address();
    await times(writes.perUser, () => stack.caller(alice, ip).user.updatePreferences({ gapless: false }));

    const response = await preferences(alice, ip);
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const error = await errorOf(response);
    expect(error.message).toMatch(/Too many changes in a short time\. Try again in \d+ seconds?\./);
    expect(error.data).toMatchObject({ code: "TOO_MANY_REQUESTS", retryAfterSeconds: retryAfter });
    // Every write shares the allowance (telemetry too); reads have their own.
    expect(await codeOf(stack.caller(alice, ip).playback.report({ events: [] }))).toBe("TOO_MANY_REQUESTS");
    expect(await codeOf(stack.caller(alice, ip).catalog.albums({}))).toBe("OK");

    expect((await preferences(bob, ip)).status).toBe(200);
  }, 60_000);

  it("answers expensive reads past the limit with 429", async () => {
    const carol = await signedUpListener(stack);
    const ip = address();
    await times(reads.perUser, () => stack.caller(carol, ip).catalog.albums({}));
    expect(await codeOf(stack.caller(carol, ip).catalog.album({ id: crypto.randomUUID() }))).toBe(
      "TOO_MANY_REQUESTS",
    );
    expect(await codeOf(stack.caller(carol, ip).user.updatePreferences({ gapless: true }))).toBe("OK");
  }, 60_000);

  it("limits an address across its listeners", async () => {
    const ip = address();
    const listeners = Math.ceil(writes.perIp / writes.perUser);
    for (let i = 0; i < listeners; i++) {
      const session = await signedUpListener(stack);
      const share = Math.min(writes.perUser, writes.perIp - i * writes.perUser);
      await times(share, () => stack.caller(session, ip).user.updatePreferences({ gapless: true }));
    }
    const newcomer = await signedUpListener(stack);
    expect((await preferences(newcomer, ip)).status).toBe(429);
    expect((await preferences(newcomer, address())).status).toBe(200);
  }, 120_000);
});
