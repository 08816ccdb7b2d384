import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";

import { schema } from "@cadence/db";

import type { Session } from "../context";
import { appRouter } from "../root";
import { createTestStack, insertTrack, signedUpListener, stacks } from "../testing";
import type { TestStack } from "../testing";
import { problemWith } from "./leaks";
import { fuzzCall, percentEncode, requestFor, trpcErrorMessages } from "./requests";
import { inputsFor } from "./schema-arbitrary";
import { hostileString, hostileValue } from "./values";

// Every procedure of the router, found by enumeration: a new one is fuzzed without a new case.
// CI runs a fixed seed and count; `FUZZ_RUNS=5000 pnpm fuzz` runs longer (FUZZ_SEED to vary).
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);

interface ProcedureDef {
  type: string;
  inputs: z.ZodType[];
}

// Protected procedures answer an anonymous caller before reading the input: sign in mostly.
const signedInMostly = fc.oneof(
  { weight: 3, arbitrary: fc.constant(true) },
  { weight: 1, arbitrary: fc.constant(false) },
);
const brokenPercent = fc.constantFrom(
  "%",
  "%zz",
  "%E0%A4%A",
  "%ED%A0%80",
  "%C0%80",
  "auth.signUp%00",
  "%2e%2e%2fuser.me",
);

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>,
).map(([path, procedure]) => ({ path, ...procedure._def }));

describe.each(stacks)("every procedure over HTTP, fuzzed, on $name", (stackConfig) => {
  let stack: TestStack;
  let listener: Session;
  const listeners: Session[] = [];
  const knownIds: string[] = [];
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
    listener = await signedUpListener(stack, "Fuzz");
    for (let i = 0; i < 3; i++) {
      const { trackId, albumId } = await insertTrack(stack.db);
      knownIds.push(trackId, albumId);
    }
    const artists = await stack.db.select({ id: schema.artist.id }).from(schema.artist);
    knownIds.push(...artists.map((artist) => artist.id));
  });

  afterAll(async () => {
    const tally = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`);
    console.log(
      `[fuzz] ${stackConfig.name}: ${[...statuses.values()].reduce((a, b) => a + b, 0)} answers (${tally.join(", ")})`,
    );
    await stack.close();
  });

  async function check(request: Request, session: Session | null, echoed: string[] = []) {
    const response = await stack.http(request, session);
    const body = await response.text();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    if (process.env.FUZZ_VERBOSE) console.log(response.status, request.url.slice(0, 120), body.slice(0, 200));
    return problemWith(response.status, body, { errorMessages: trpcErrorMessages, echoed });
  }

  it.each(procedures)(
    "$path ($type): every input gets a 2xx or a 4xx with a message, and leaks nothing",
    async ({ path, type, inputs }) => {
      const input = inputs[0] ? inputsFor(inputs[0], knownIds) : hostileValue;
      // A listener per procedure: one listener's request limits would turn most calls of the
      // later procedures into 429s that never reach their input (long runs will still meet them).
      const caller = await signedUpListener(stack, "Fuzz");
      listeners.push(caller);
      await fc.assert(
        fc.asyncProperty(fuzzCall(input), signedInMostly, async (call, signedIn) => {
          const problem = await check(requestFor(path, type, call), signedIn ? caller : null);
          expect(problem, `${path} via ${call.transport}`).toBeNull();
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    },
    30_000 + RUNS * 400,
  );

  it("unknown paths get a 404 with a message, and leak nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, brokenPercent), signedInMostly, async (path, signedIn) => {
        const encoded = path.startsWith("%") ? path : percentEncode(path);
        const request = new Request(`http://localhost/api/trpc/${encoded}?input=%7B%7D`);
        const problem = await check(request, signedIn ? listener : null, [path, encoded]);
        expect(problem, `path ${JSON.stringify(path.slice(0, 80))}`).toBeNull();
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it("leaves the fuzzing listeners' accounts working", async () => {
    for (const session of [listener, ...listeners]) {
      expect((await stack.caller(session).user.me()).email).toBe(session.user.email);
    }
  });
});
