import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createListener, createTestStack, stacks, UNLIMITED } from "@cadence/api/testing";
import type { TestStack } from "@cadence/api/testing";
import type { Session } from "@cadence/api";
import { rebuildIndex } from "@cadence/search";

import { demoCatalog, GENERATED, insertCatalog } from "./relevance-catalog";
import { DEMO_CASES, GENERATED_CASES } from "./relevance-queries";
import type { RelevanceCase } from "./relevance-queries";

type Results = Awaited<ReturnType<ReturnType<TestStack["caller"]>["search"]["search"]>>;

function nameOf(kind: string, item: unknown): string {
  const i = item as { title?: string; name?: string; displayName?: string };
  return (
    (kind === "artist" || kind === "playlist" ? i.name : kind === "profile" ? i.displayName : i.title) ?? ""
  );
}

function firstOf(results: Results, kind: string): string | undefined {
  const section = {
    track: results.tracks,
    artist: results.artists,
    album: results.albums,
    playlist: results.playlists,
    profile: results.profiles,
  }[kind];
  const item = section?.items[0];
  return item ? nameOf(kind, item) : undefined;
}

function describeOutcome(results: Results): string {
  const top = results.top ? `${results.top.kind} "${nameOf(results.top.kind, results.top.item)}"` : "nothing";
  return `top: ${top}; corrected: ${results.corrected ?? "-"}`;
}

describe.each(stacks.filter((s) => s.cache === "memory" || s.driver === "postgres"))(
  "search relevance on $name",
  (stackOptions) => {
    let stack: TestStack;
    let listener: Session;

    beforeAll(async () => {
      stack = await createTestStack(stackOptions, { requestLimits: UNLIMITED });
      listener = await createListener(stack.db, "Relevance Listener");
      const curator = await createListener(stack.db, "Jonas Lindqvist");
      await insertCatalog(stack.db, [...GENERATED, ...demoCatalog()], listener.user.id);
      const mine = stack.caller(curator).playlist;
      await mine.create({ name: "Road Trip Anthems", isPublic: true });
      await mine.create({ name: "Secret Crush Songs", isPublic: false });
      await rebuildIndex(stack.db);
    }, 120_000);

    afterAll(() => stack?.close());

    const check = async ({ query, top, first }: RelevanceCase) => {
      const results = await stack.caller(listener).search.search({ query });
      if (top) {
        const [kind, name] = top;
        expect(
          { kind: results.top?.kind, name: results.top && nameOf(results.top.kind, results.top.item) },
          describeOutcome(results),
        ).toEqual({ kind, name });
      }
      if (first) expect(firstOf(results, first[0]), describeOutcome(results)).toBe(first[1]);
    };

    it.each(GENERATED_CASES)("generated catalog: $query ($why)", check);
    it.each(DEMO_CASES)("demo catalog: $query ($why)", check);

    it("never finds another listener's private playlist, by any spelling", async () => {
      for (const query of ["secret crush", "secret crush songs", "secrte crush", "secr"]) {
        const results = await stack.caller(listener).search.search({ query, kinds: ["playlist"] });
        expect(results.playlists.items.map((p) => p.name)).not.toContain("Secret Crush Songs");
      }
    });
  },
);
