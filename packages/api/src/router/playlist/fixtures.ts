import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { ZodError } from "zod";

import { AppError } from "@cadence/domain";

import type { Session } from "../../context";
import { insertTrack } from "../../testing";
import type { TestStack } from "../../testing";

/** The error a call failed with (the test fails if it succeeded or threw something else). */
export async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** What the client reads of an error: its tRPC code and the fields it names. */
export function shapeOf(error: TRPCError): { code: string; fields: string[] } {
  const cause = error.cause;
  const fields =
    cause instanceof ZodError
      ? cause.issues.map((issue) => String(issue.path[0]))
      : cause instanceof AppError && cause.field
        ? [cause.field]
        : [];
  return { code: error.code, fields };
}

export async function tracks(stack: TestStack, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await insertTrack(stack.db)).trackId);
  return ids;
}

/** Every item of a playlist in order, read page by page as a client would. */
export async function allItems(stack: TestStack, session: Session, id: string, limit = 100) {
  const caller = stack.caller(session);
  const items: { itemId: string; trackId: string; position: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await caller.playlist.items({ id, cursor, limit });
    items.push(...page.items.map((i) => ({ itemId: i.itemId, trackId: i.track.id, position: i.position })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** The i-th element (negative: from the end), or the test fails: no silent undefined. */
export function nth<T>(list: readonly T[], i: number): T {
  const value = list.at(i);
  if (value === undefined) throw new Error(`no element ${i} in a list of ${list.length}`);
  return value;
}
