import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { sql } from "@cadence/db";
import type { DbHandle } from "@cadence/db";
import { createTestDb } from "@cadence/db/testing";

import type { SearchDoc } from "../types";
import { PostgresSearch } from "./engine";
import { lookupQueryOf, planQuery } from "./plan";
import { countWords } from "./store";

const doc = (title: string, context: string): SearchDoc => ({
  kind: "track",
  id: randomUUID(),
  title,
  context,
  extra: "",
  popularity: 1,
  genre: null,
  year: null,
  isPublic: true,
  ownerId: null,
  editorIds: [],
});

// A word in a large share of the documents ("the") is checked on the rows the other words find
// instead of being looked up in the index; what is found must not change.
describe("common words", () => {
  let handle: DbHandle;
  let engine: PostgresSearch;
  const kites = doc("Paper Kites", "The Band");
  const withoutThe = doc("Paper Kites", "Someone Else");
  const viewerId = randomUUID();

  beforeAll(async () => {
    handle = await createTestDb("pglite");
    engine = new PostgresSearch(handle.db);
    const filler = Array.from({ length: 60 }, (_, i) => doc(`The Song ${i}`, `The Group ${i % 7}`));
    await engine.upsert([...filler, kites, withoutThe, doc("Kites in Spring", "Nobody")]);
    // As a rebuild leaves it: word counts, and the planner's row count that "a large share"
    // is measured against.
    await countWords(handle.db);
    await handle.db.execute(sql`analyze search_document`);
  });
  afterAll(() => handle.close());

  it("looks up the rarer words and checks the common one on what they find", async () => {
    const plan = await planQuery(handle.db, "the paper kites");
    expect(plan?.words.map((term) => term.common)).toEqual([true, false, false]);
    expect(plan && lookupQueryOf(plan)).toBe("('paper') & ('kites')");
    const { hits } = await engine.query({
      query: "the paper kites",
      kinds: ["track"],
      viewerId,
      limit: 10,
      offset: 0,
    });
    // Every word must still match: the track without "the" anywhere is not found.
    expect(hits.track.map((hit) => hit.id)).toEqual([kites.id]);
  });

  it("asks the index for the whole query when every word is common or none is", async () => {
    const common = await planQuery(handle.db, "the");
    expect(common && lookupQueryOf(common)).toBeNull();
    const rare = await planQuery(handle.db, "paper kites");
    expect(rare && lookupQueryOf(rare)).toBeNull();
    const { hits } = await engine.query({
      query: "the song 1",
      kinds: ["track"],
      viewerId,
      limit: 10,
      offset: 0,
    });
    expect(hits.track.length).toBeGreaterThan(0);
  });
});
