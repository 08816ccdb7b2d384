import { sql } from "@cadence/db";

import { env } from "~/env";
import { services } from "~/server/services";

export const dynamic = "force-dynamic";

type Status = "up" | "down";

const TIMEOUT_MS = 2000;

/** Up or down; why it is down goes to the server log only (it may name hosts and versions). */
async function probe(name: string, engine: string, check: () => Promise<unknown>): Promise<Status> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return "up";
  } catch (error) {
    console.error(`[health] ${name} (${engine}) is down:`, error);
    return "down";
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Each dependency up or down, and nothing more: this answers anyone. 200 while the database is
 * up (the app can serve), 503 otherwise.
 */
export async function GET(): Promise<Response> {
  const { db, cache, handle } = services();
  const [database, cacheStatus, search] = await Promise.all([
    probe("database", handle.driver, () => db.execute(sql`select 1`)),
    probe("cache", cache.engine, () => cache.ping()),
    env.TYPESENSE_URL
      ? probe("search", "typesense", async () => {
          const res = await fetch(new URL("/health", env.TYPESENSE_URL));
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
        })
      : probe("search", "postgres-fts", () => db.execute(sql`select to_tsvector('simple', 'ok')`)),
  ]);
  const ok = database === "up";
  return Response.json(
    {
      status: ok ? (cacheStatus === "up" && search === "up" ? "ok" : "degraded") : "down",
      checks: { database, cache: cacheStatus, search },
    },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
