import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { AppError } from "@cadence/domain";
import { schema, sql } from "@cadence/db";

import type { Session } from "../../context";
import { createListener, createTestStack, insertTrack, stacks } from "../../testing";
import type { TestStack } from "../../testing";
import { allItems, failure, nth, shapeOf, tracks } from "./fixtures";

describe.each(stacks)("playlists on $name", (stackConfig) => {
  let stack: TestStack;
  let owner: Session;
  let other: Session;
  let trackIds: string[];
  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
    owner = await createListener(stack.db, "Owner");
    other = await createListener(stack.db, "Other");
    trackIds = await tracks(stack, 6);
  });
  afterAll(() => stack.close());

  const mine = () => stack.caller(owner);
  const theirs = () => stack.caller(other);

  it("creates an untitled private playlist, listed in the owner's sidebar only", async () => {
    const { id, name } = await mine().playlist.create({});
    expect(name).toMatch(/^My Playlist #\d+$/);
    const view = await mine().playlist.get({ id });
    expect(view).toMatchObject({ id, name, isPublic: false, isOwner: true, canEdit: true, itemCount: 0 });
    expect((await mine().playlist.mine()).map((p) => p.id)).toContain(id);
    expect((await theirs().playlist.mine()).map((p) => p.id)).not.toContain(id);
  });

  it("hides a private playlist from others as not found, and a public one is read-only to them", async () => {
    const { id } = await mine().playlist.create({ name: "Secret" });
    await mine().playlist.addTracks({ id, trackIds: [nth(trackIds, 0)] });
    for (const call of [
      () => theirs().playlist.get({ id }),
      () => theirs().playlist.items({ id }),
      () => theirs().playlist.collaborators({ id }),
      () => theirs().playlist.addTracks({ id, trackIds: [nth(trackIds, 1)] }),
    ]) {
      expect(shapeOf(await failure(call()))).toEqual({ code: "NOT_FOUND", fields: ["id"] });
    }
    const { version } = await mine().playlist.get({ id });
    await mine().playlist.update({ id, version, isPublic: true });
    expect((await theirs().playlist.get({ id })).canEdit).toBe(false);
    expect((await theirs().playlist.items({ id })).items).toHaveLength(1);
    const refused = await failure(theirs().playlist.addTracks({ id, trackIds: [nth(trackIds, 1)] }));
    expect(refused.code).toBe("FORBIDDEN");
    expect((await mine().playlist.get({ id })).itemCount).toBe(1);
  });

  it("adds tracks in order, refuses duplicates with their ids unless told to add or skip them", async () => {
    const { id } = await mine().playlist.create({ name: "Order" });
    const [a, b, c] = trackIds as [string, string, string];
    await mine().playlist.addTracks({ id, trackIds: [a, b] });
    const dup = await failure(mine().playlist.addTracks({ id, trackIds: [b, c] }));
    expect(dup.code).toBe("CONFLICT");
    expect((dup.cause as AppError).details).toEqual({ duplicateTrackIds: [b] });
    expect((await allItems(stack, owner, id)).map((i) => i.trackId)).toEqual([a, b]);
    await mine().playlist.addTracks({ id, trackIds: [b, c], duplicates: "skip" });
    await mine().playlist.addTracks({ id, trackIds: [a], duplicates: "add" });
    expect((await allItems(stack, owner, id)).map((i) => i.trackId)).toEqual([a, b, c, a]);
    const view = await mine().playlist.get({ id });
    expect(view).toMatchObject({ itemCount: 4, durationMs: 4 * 61_000 });
    expect(view.coverUrls).toHaveLength(3);
  });

  it("refuses bad input with the field named and leaves the playlist as it was", async () => {
    const { id } = await mine().playlist.create({ name: "Keep" });
    await mine().playlist.addTracks({ id, trackIds: [nth(trackIds, 0)] });
    const before = await mine().playlist.get({ id });
    const unreleased = await insertTrack(stack.db, { availableFrom: new Date(Date.now() + 86_400_000) });
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => mine().playlist.create({ name: "x".repeat(10_000) }), "BAD_REQUEST", "name"],
      [() => mine().playlist.update({ id, version: before.version, name: "  " }), "BAD_REQUEST", "name"],
      [() => mine().playlist.update({ id, version: before.version }), "BAD_REQUEST", "name"],
      [() => mine().playlist.get({ id: "nope" }), "BAD_REQUEST", "id"],
      [() => mine().playlist.get({ id: crypto.randomUUID() }), "NOT_FOUND", "id"],
      [
        () => mine().playlist.addTracks({ id, trackIds: [nth(trackIds, 1), crypto.randomUUID()] }),
        "NOT_FOUND",
        "trackIds",
      ],
      [() => mine().playlist.addTracks({ id, trackIds: [unreleased.trackId] }), "NOT_FOUND", "trackIds"],
      [
        () =>
          mine().playlist.addTracks({
            id,
            trackIds: Array.from({ length: 100_000 }, () => nth(trackIds, 1)),
          }),
        "BAD_REQUEST",
        "trackIds",
      ],
      [() => mine().playlist.addTracks({ id, trackIds: [] }), "BAD_REQUEST", "trackIds"],
      [() => mine().playlist.items({ id, cursor: "'; drop table x" }), "BAD_REQUEST", "cursor"],
      [() => mine().playlist.items({ id, direction: "backward" as "forward" }), "BAD_REQUEST", "direction"],
      [
        () => mine().playlist.removeItems({ id, version: before.version, itemIds: [crypto.randomUUID()] }),
        "NOT_FOUND",
        "itemIds",
      ],
    ];
    for (const [call, code, field] of cases) {
      expect(shapeOf(await failure(call()))).toMatchObject({ code, fields: [field] });
    }
    const after = await mine().playlist.get({ id });
    expect(after).toMatchObject({ version: before.version, itemCount: 1, name: "Keep" });
  });

  it("moves items by id, tells a stale client to refresh, and removes", async () => {
    const { id } = await mine().playlist.create({ name: "Moves" });
    const [a, b, c] = trackIds as [string, string, string];
    let { version } = await mine().playlist.addTracks({ id, trackIds: [a, b, c] });
    const [ia, ib, ic] = (await allItems(stack, owner, id)).map((i) => i.itemId) as [string, string, string];
    ({ version } = await mine().playlist.moveItem({ id, version, itemId: ic, afterItemId: null }));
    ({ version } = await mine().playlist.moveItem({ id, version, itemId: ia, afterItemId: ib }));
    expect((await allItems(stack, owner, id)).map((i) => i.itemId)).toEqual([ic, ib, ia]);
    const stale = await failure(
      mine().playlist.moveItem({ id, version: version - 1, itemId: ia, afterItemId: null }),
    );
    expect(shapeOf(stale)).toEqual({ code: "CONFLICT", fields: ["version"] });
    expect((stale.cause as AppError).details).toEqual({ currentVersion: version });
    const self = await failure(mine().playlist.moveItem({ id, version, itemId: ia, afterItemId: ia }));
    expect(shapeOf(self)).toEqual({ code: "BAD_REQUEST", fields: ["afterItemId"] });
    ({ version } = await mine().playlist.removeItems({ id, version, itemIds: [ib] }));
    expect((await allItems(stack, owner, id)).map((i) => i.itemId)).toEqual([ic, ia]);
    expect((await mine().playlist.items({ id })).version).toBe(version);
  });

  it("keeps a strict order through 500 moves to the same spot, re-keying when keys grow", async () => {
    const { id } = await mine().playlist.create({ name: "Same spot" });
    let { version } = await mine().playlist.addTracks({ id, trackIds: trackIds.slice(0, 4) });
    const items = await allItems(stack, owner, id);
    const first = nth(items, 0).itemId;
    // Always move the last item to right after the first: the gap keeps halving.
    let order = items.map((i) => i.itemId);
    let longest = 0;
    for (let i = 0; i < 500; i++) {
      const moving = nth(order, -1);
      const moved = await mine().playlist.moveItem({ id, version, itemId: moving, afterItemId: first });
      version = moved.version;
      longest = Math.max(longest, moved.position.length);
      order = [first, moving, ...order.slice(1, -1)];
    }
    const final = await allItems(stack, owner, id);
    expect(final.map((i) => i.itemId)).toEqual(order);
    const positions = final.map((i) => i.position);
    expect([...positions].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))).toEqual(positions);
    expect(new Set(positions).size).toBe(positions.length);
    expect(longest).toBeLessThanOrEqual(48);
    // 500 writes one after another: about 10 s alone, past 30 s on a machine shared with other runs.
  }, 120_000);

  it("pages a long playlist by cursor, every item exactly once in order", async () => {
    const { id } = await mine().playlist.create({ name: "Long" });
    const many = Array.from({ length: 250 }, (_, i) => nth(trackIds, i % trackIds.length));
    await mine().playlist.addTracks({ id, trackIds: many, duplicates: "add" });
    const items = await allItems(stack, owner, id, 60);
    expect(items.map((i) => i.trackId)).toEqual(many);
    expect(new Set(items.map((i) => i.itemId)).size).toBe(250);
    // As tRPC's infinite queries ask: a null cursor for the first page, and the direction.
    const first = await mine().playlist.items({ id, cursor: null, limit: 60, direction: "forward" });
    expect(first.items.map((i) => i.itemId)).toEqual(items.slice(0, 60).map((i) => i.itemId));
  });

  it("lets only the owner rename, change visibility or delete", async () => {
    const { id } = await mine().playlist.create({ name: "Mine" });
    const { token } = await mine().playlist.invite({ id });
    await theirs().playlist.join({ token });
    const { version } = await theirs().playlist.get({ id });
    for (const call of [
      () => theirs().playlist.update({ id, version, name: "Taken" }),
      () => theirs().playlist.update({ id, version, isPublic: true }),
      () => theirs().playlist.delete({ id }),
      () => theirs().playlist.invite({ id }),
    ]) {
      expect((await failure(call())).code).toBe("FORBIDDEN");
    }
    await mine().playlist.delete({ id });
    expect((await failure(mine().playlist.get({ id }))).code).toBe("NOT_FOUND");
    const [left] = await stack.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.playlistItem)
      .where(sql`${schema.playlistItem.playlistId} = ${id}`);
    expect(Number(left?.n)).toBe(0);
  });
});
