import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { recordImportProgress } from "@cadence/domain/catalog";

import { signUpListener } from "../catalog-fixtures";
import type { Session } from "../context";
import { createTestStack, stacks } from "../testing";
import type { TestStack } from "../testing";

describe.each(stacks)("the music import's progress on $name", (stackConfig) => {
  let stack: TestStack;
  let listener: Session;
  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
    listener = await signUpListener(stack);
  });
  afterAll(() => stack.close());

  it("is what the importer recorded last, and nothing once it is over", async () => {
    const caller = stack.caller(listener);
    expect(await caller.catalog.importProgress()).toBeNull();
    await recordImportProgress(stack.cache, { done: 0, total: 40 });
    await recordImportProgress(stack.cache, { done: 12, total: 40 });
    expect(await caller.catalog.importProgress()).toEqual({ done: 12, total: 40 });
    // The last track done ends it, as the importer's end does.
    await recordImportProgress(stack.cache, { done: 40, total: 40 });
    expect(await caller.catalog.importProgress()).toBeNull();
    await recordImportProgress(stack.cache, { done: 3, total: 6 });
    await recordImportProgress(stack.cache, null);
    expect(await caller.catalog.importProgress()).toBeNull();
  });

  it("is for signed-in listeners only", async () => {
    await expect(stack.caller(null).catalog.importProgress()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
