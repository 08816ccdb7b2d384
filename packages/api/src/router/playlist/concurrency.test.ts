import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AppError } from "@cadence/domain";

import type { Session } from "../../context";
import { createListener, createTestStack, UNLIMITED, stacks } from "../../testing";
import type { TestStack } from "../../testing";
import { allItems, nth, tracks } from "./fixtures";

const EDITORS = 20;
const ADDS_EACH = 5;
const MOVES_EACH = 2;

// Concurrency needs a server with real parallel connections: the Postgres stack (PGlite runs
// one query at a time, so it cannot interleave transactions at all).
const postgres = stacks.filter((s) => s.driver === "postgres");

describe.each(postgres)("concurrent collaborators on $name", (stackConfig) => {
  let stack: TestStack;
  let owner: Session;
  let editors: Session[];
  let trackIds: string[];
  beforeAll(async () => {
    // Hundreds of edits by one listener in seconds: the request limits would (rightly) refuse them.
    stack = await createTestStack(stackConfig, { requestLimits: UNLIMITED });
    owner = await createListener(stack.db, "Owner");
    editors = await Promise.all(
      Array.from({ length: EDITORS }, (_, i) => createListener(stack.db, `Editor ${i}`)),
    );
    trackIds = await tracks(stack, EDITORS * ADDS_EACH);
  }, 120_000);
  afterAll(() => stack.close());

  it(`${EDITORS} editors adding and moving at once lose nothing and agree on one order`, async () => {
    const { id } = await stack.caller(owner).playlist.create({ name: "Party" });
    const { token } = await stack.caller(owner).playlist.invite({ id });
    for (const editor of editors) await stack.caller(editor).playlist.join({ token });
    let conflicts = 0;

    // Each editor adds its own tracks one by one and, between adds, moves a random item to a
    // random place with the version it last read, refreshing and retrying when told it is stale.
    const work = async (editor: Session, n: number) => {
      const caller = stack.caller(editor);
      for (let i = 0; i < ADDS_EACH; i++) {
        await caller.playlist.addTracks({ id, trackIds: [nth(trackIds, n * ADDS_EACH + i)] });
        if (i >= MOVES_EACH) continue;
        for (;;) {
          const page = await caller.playlist.items({ id, limit: 10 });
          const pick = () => nth(page.items, Math.floor(Math.random() * page.items.length)).itemId;
          const itemId = pick();
          const after = Math.random() < 0.2 ? null : pick();
          try {
            await caller.playlist.moveItem({
              id,
              version: page.version,
              itemId,
              afterItemId: after === itemId ? null : after,
            });
            break;
          } catch (error) {
            if (!((error as { cause?: unknown }).cause instanceof AppError)) throw error;
            if ((error as { code?: string }).code !== "CONFLICT") throw error;
            conflicts++;
            // As a client would: refresh after a short, random pause, so retries spread out.
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 30));
          }
        }
      }
    };
    await Promise.all(editors.map((editor, n) => work(editor, n)));

    const seenByOwner = await allItems(stack, owner, id);
    const seenByEditor = await allItems(stack, nth(editors, 7), id, 30);
    expect(seenByEditor).toEqual(seenByOwner);
    expect(seenByOwner.map((i) => i.trackId).sort()).toEqual([...trackIds].sort());
    const positions = seenByOwner.map((i) => i.position);
    expect(new Set(positions).size).toBe(positions.length);
    expect([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(positions);
    // The race was real: some writers were told their version was stale.
    expect(conflicts).toBeGreaterThan(0);
    const view = await stack.caller(owner).playlist.get({ id });
    expect(view.itemCount).toBe(EDITORS * ADDS_EACH);
    // The stored length moved with every add (each test track is 61 s long).
    expect(view.durationMs).toBe(EDITORS * ADDS_EACH * 61_000);
  }, 120_000);
});
