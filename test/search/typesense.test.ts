import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb } from "@cadence/db/testing";
import { rowsOf, sql } from "@cadence/db";
import type { DbHandle } from "@cadence/db";
import { loadDocuments, SEARCH_KINDS, TypesenseSearch } from "@cadence/search";

import { GENERATED, insertCatalog } from "./relevance-catalog";
import { GENERATED_CASES } from "./relevance-queries";

const url = process.env.TYPESENSE_URL;
const SKIP_REASON =
  "skipped: TYPESENSE_URL is not set (Typesense cannot be installed on these machines; " +
  "the adapter's schema and query mapping are unit-tested in packages/search/src/typesense/mapping.test.ts)";
if (!url) console.info(`[search] Typesense integration ${SKIP_REASON}`);

/**
 * The Typesense adapter against a real server, with the generated relevance catalog: the cases
 * with a top result of one kind are asserted on that kind's first hit.
 */
describe.skipIf(!url)(`Typesense integration${url ? "" : ` (${SKIP_REASON})`}`, () => {
  let handle: DbHandle;
  let engine: TypesenseSearch;
  const viewerId = "00000000-0000-4000-8000-000000000000";

  beforeAll(async () => {
    handle = await createTestDb("postgres");
    // A listener for the catalog's plays.
    const [user] = await rowsOf<{ id: string }>(
      handle.db,
      sql`insert into "user" (email) values ('typesense@example.com') returning id`,
    );
    await insertCatalog(handle.db, GENERATED, user?.id ?? "");
    engine = new TypesenseSearch({
      url: url ?? "",
      apiKey: process.env.TYPESENSE_API_KEY ?? "",
      collection: `cadence_test_${Date.now()}`,
    });
    await engine.clear();
    for (const kind of SEARCH_KINDS) {
      await engine.upsert(
        await loadDocuments(handle.db, kind, {
          after: null,
          through: "ffffffff-ffff-ffff-ffff-ffffffffffff",
        }),
      );
    }
  }, 120_000);
  afterAll(() => handle?.close());

  it.each(GENERATED_CASES.filter((c) => c.top && c.top[0] !== "playlist" && c.top[0] !== "profile"))(
    "$query ($why)",
    async ({ query, top }) => {
      const [kind, name] = top ?? ["track", ""];
      const { hits } = await engine.query({ query, kinds: [kind], viewerId, limit: 5, offset: 0 });
      const [first] = hits[kind];
      const docs = await loadDocuments(handle.db, kind, { ids: first ? [first.id] : [] });
      expect(docs[0]?.title).toBe(name);
    },
  );
});
