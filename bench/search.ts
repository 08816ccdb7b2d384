/**
 * Search at scale:  npx tsx bench/search.ts   (or: pnpm bench search)
 *
 * Generates a catalog of 1,000,000 tracks (100,000 albums, 50,000 artists; names in several
 * languages and scripts; Zipf popularity) in a Postgres database (BENCH_SEARCH_DATABASE, kept
 * between runs; BENCH_SEARCH_RESEED=1 makes it anew), rebuilds the search index from scratch
 * (timed, with its size), serves the built app on it, signs in, and sends exact, prefix, typo
 * and multi-word queries through the search procedure over HTTP; the same queries run as plain
 * `ILIKE '%q%'` against the same database in the same run as the baseline. Reports median and
 * p95 per kind, how often the expected item was among the first ten, and the app's peak RSS.
 */
import path from "node:path";

import postgres from "postgres";

import { testRedisUrl } from "@cadence/cache/testing";
import { createDb, schema } from "@cadence/db";
import { rebuildIndex, rebuildReporter } from "@cadence/search";

import { adminUrl } from "../scripts/e2e-constants";
import { log, repoRoot, sessionCookie, startApp } from "./lib/harness";
import { trpcPath } from "./lib/library-cases";
import { databaseUrl } from "./lib/library-seed";
import { HttpClient } from "./lib/load";
import { watchGroupMemory } from "./lib/proc-group";
import { writeResult } from "./lib/results";
import { QUERY_KINDS, sampleQueries } from "./lib/search-queries";
import type { BenchQuery, QueryKind } from "./lib/search-queries";
import { SEARCH_SEED, searchListener, seedSearchCatalog } from "./lib/search-seed";
import { ms, ratio, summarize, table } from "./lib/stats";
import type { Summary } from "./lib/stats";

const DATABASE = process.env.BENCH_SEARCH_DATABASE ?? "cadence_bench_search";
const ROUNDS = Math.max(1, Number(process.env.BENCH_SEARCH_ROUNDS ?? 3));
// A sequential scan of a million titles per query: one round is enough to know its cost.
const BASELINE_ROUNDS = Math.min(ROUNDS, Math.max(1, Number(process.env.BENCH_SEARCH_BASELINE_ROUNDS ?? 1)));
const PER_KIND = Math.max(2, Number(process.env.BENCH_SEARCH_QUERIES ?? 40));
const url = databaseUrl(adminUrl(), DATABASE);
const expectedTracks = SEARCH_SEED.albums * SEARCH_SEED.tracksPerAlbum;

async function seededAlready(): Promise<boolean> {
  const probe = postgres(url, { max: 1, onnotice: () => undefined, connect_timeout: 5 });
  try {
    const [row] = await probe<{ n: string }[]>`select count(*) as n from track`;
    return Number(row?.n ?? 0) === expectedTracks;
  } catch {
    return false;
  } finally {
    await probe.end();
  }
}

if (process.env.BENCH_SEARCH_RESEED === "1" || !(await seededAlready())) {
  const seed = await seedSearchCatalog(adminUrl(), DATABASE, log);
  log(`seeded ${DATABASE} in ${seed.seconds.toFixed(0)} s: ${JSON.stringify(seed.rows)}`);
} else {
  log(`reusing ${DATABASE} (BENCH_SEARCH_RESEED=1 makes it anew)`);
}

// The index, from scratch, as `pnpm search:rebuild` builds it (BENCH_SEARCH_REBUILD=0 keeps the
// one a previous run built, to measure queries only).
const handle = createDb({ driver: "postgres", url, maxConnections: 2 });
const rebuild = process.env.BENCH_SEARCH_REBUILD !== "0";
const buildStarted = performance.now();
const { documents } = await (
  rebuild
    ? rebuildIndex(handle.db, rebuildReporter({ stream: process.stderr }))
    : handle.db.$count(schema.searchDocument).then((n) => ({ documents: n }))
).finally(() => handle.close());
const buildSeconds = rebuild ? (performance.now() - buildStarted) / 1000 : Number.NaN;
const sql = postgres(url, { max: 1, onnotice: () => undefined });
const [sizes] = await sql<{ documents: string; words: string; database: string }[]>`
  select pg_total_relation_size('search_document') as documents, pg_total_relation_size('search_word') as words,
    pg_database_size(current_database()) as database`;
log(`index: ${documents} documents${rebuild ? ` built in ${buildSeconds.toFixed(0)} s` : " (reused)"}`);
await sql`vacuum analyze search_document, search_word`;
const queries = await sampleQueries(sql, PER_KIND);

const app = await startApp({
  port: Number(process.env.BENCH_PORT ?? 3317),
  dataDir: path.join(repoRoot, ".data/bench-search"),
  startTimeoutMs: 20 * 60_000,
  env: {
    DATABASE_URL: url,
    REDIS_URL: testRedisUrl,
    CACHE_PREFIX: `bench:search:${Date.now()}:`,
    DEMO_CATALOG: "off",
    // The benchmark is one listener sending thousands of searches; per-user limits would 429.
    RATE_LIMIT_READS_PER_USER: "0",
    RATE_LIMIT_READS_PER_IP: "0",
  },
});
const memory = app.pid === null ? null : watchGroupMemory(app.pid);
const client = new HttpClient(1);

interface Outcome {
  app: number[];
  ilike: number[];
  appFound: number;
  ilikeFound: number;
  expected: number;
}
const outcomes = new Map<QueryKind, Outcome>(
  QUERY_KINDS.map((k) => [k, { app: [], ilike: [], appFound: 0, ilikeFound: 0, expected: 0 }]),
);
let memoryReport: ReturnType<NonNullable<typeof memory>["stop"]> | null;

type Section = { items: { title?: string; name?: string }[] };
const appFinds = (body: Buffer, q: BenchQuery): boolean => {
  if (!q.expect) return false;
  const { result } = JSON.parse(body.toString()) as { result: { data: { json: Record<string, Section> } } };
  const section = result.data.json[q.expect.section];
  return (section?.items ?? []).some((i) => (i.title ?? i.name) === q.expect?.name);
};

try {
  const cookie = await sessionCookie(app.baseUrl, searchListener);
  const search = (q: BenchQuery) =>
    client.get(app.baseUrl + trpcPath("search.search", { query: q.query }), { cookie });
  const ilike = async (q: BenchQuery) => {
    const t0 = performance.now();
    const rows = await sql<{ section: string; name: string }[]>`
      (select 'tracks' as section, title as name from track where title ilike ${`%${q.query}%`} limit 10)
      union all
      (select 'artists', name from artist where name ilike ${`%${q.query}%`} limit 10)`;
    return { ms: performance.now() - t0, rows };
  };
  log(
    `${queries.length} queries, ${ROUNDS} rounds each (ILIKE ${BASELINE_ROUNDS}), after one unmeasured round…`,
  );
  for (const q of queries) {
    const answer = await search(q);
    if (answer.status !== 200)
      throw new Error(`"${q.query}" answered ${answer.status}: ${answer.body.toString().slice(0, 200)}`);
    await ilike(q);
  }
  // Round by round, the app's pass and then the baseline's: alternating per round spreads the
  // machine's changes over both, and no app query follows a million-row scan that has just
  // flushed the caches it would find warm in use.
  for (let round = 0; round < ROUNDS; round++) {
    const answers = new Map<BenchQuery, Buffer>();
    for (const q of queries) {
      const answer = await search(q);
      outcomes.get(q.kind)?.app.push(answer.ms);
      if (round === 0) answers.set(q, answer.body);
    }
    if (round >= BASELINE_ROUNDS) continue;
    for (const q of queries) {
      const outcome = outcomes.get(q.kind);
      if (!outcome) continue;
      const base = await ilike(q);
      outcome.ilike.push(base.ms);
      const body = answers.get(q);
      if (round === 0 && q.expect && body) {
        outcome.expected += 1;
        if (appFinds(body, q)) outcome.appFound += 1;
        if (base.rows.some((r) => r.section === q.expect?.section && r.name === q.expect.name))
          outcome.ilikeFound += 1;
      }
    }
  }
} finally {
  memoryReport = memory?.stop() ?? null;
  client.close();
  await sql.end();
  await app.stop();
}

const rows: {
  kind: QueryKind;
  n: number;
  app: Summary;
  ilike: Summary;
  found: string;
  ilikeFound: string;
}[] = [];
for (const kind of QUERY_KINDS) {
  const o = outcomes.get(kind);
  if (!o) continue;
  const pct = (n: number) => (o.expected ? `${Math.round((100 * n) / o.expected)}% of ${o.expected}` : "n/a");
  rows.push({
    kind,
    n: o.app.length,
    app: summarize(o.app),
    ilike: summarize(o.ilike),
    found: pct(o.appFound),
    ilikeFound: pct(o.ilikeFound),
  });
}
const peakMb = memoryReport ? memoryReport.peakGroupRssBytes / 2 ** 20 : null;
const mb = (bytes: string | undefined) => `${(Number(bytes ?? 0) / 2 ** 20).toFixed(0)} MB`;
process.stdout.write(
  [
    "",
    `Search over ${expectedTracks.toLocaleString("en")} tracks (${documents.toLocaleString("en")} documents)`,
    `index build ${rebuild ? `${buildSeconds.toFixed(0)} s` : "not measured (BENCH_SEARCH_REBUILD=0)"}; search_document ${mb(sizes?.documents)}, search_word ${mb(sizes?.words)}; database ${mb(sizes?.database)}`,
    `app peak RSS (process group): ${peakMb === null ? "n/a" : `${peakMb.toFixed(0)} MB`}`,
    "",
    table([
      [
        "kind",
        "n",
        "median",
        "p95",
        "expected in top 10",
        "ILIKE median",
        "ILIKE p95",
        "ILIKE found",
        "p95 vs ILIKE",
      ],
      ...rows.map((r) => [
        r.kind,
        String(r.n),
        ms(r.app.median),
        ms(r.app.p95),
        r.found,
        ms(r.ilike.median),
        ms(r.ilike.p95),
        r.ilikeFound,
        ratio(r.app.p95 / r.ilike.p95),
      ]),
    ]),
    "Goal: p95 under 30 ms for every kind. The app is measured through HTTP (tRPC, session, JSON);",
    "ILIKE directly on the database, without HTTP, so the ratio flatters the baseline.",
    "",
  ].join("\n"),
);
const file = await writeResult("search", {
  tracks: expectedTracks,
  documents,
  buildSeconds,
  sizes,
  peakRssBytes: memoryReport?.peakGroupRssBytes ?? null,
  rows,
  queries,
});
log(`wrote ${file}`);
