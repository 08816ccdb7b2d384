import { sql } from "@cadence/db";

import { env } from "~/env";
import { services } from "~/server/services";

export const dynamic = "force-dynamic";

type Check = { status: "up" | "down" | "not_configured"; engine: string; latencyMs?: number; error?: string };

async function timed(engine: string, probe: () => Promise<unknown>): Promise<Check> {
  const started = performance.now();
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out after 2000 ms")), 2000)),
    ]);
    return { status: "up", engine, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: "down", engine, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Each dependency's state; 200 while the database is up (the app can serve), 503 otherwise. */
export async function GET(): Promise<Response> {
  const { db, cache, handle } = services();
  const [database, cacheCheck, search] = await Promise.all([
    timed(handle.driver, () => db.execute(sql`select 1`)),
    timed(cache.engine, () => cache.ping()),
    env.TYPESENSE_URL
      ? timed("typesense", async () => {
          const res = await fetch(new URL("/health", env.TYPESENSE_URL));
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
        })
      : timed("postgres-fts", () => db.execute(sql`select to_tsvector('simple', 'ok')`)),
  ]);
  const ok = database.status === "up";
  return Response.json(
    {
      status: ok ? (cacheCheck.status === "up" ? "ok" : "degraded") : "down",
      checks: { database, cache: cacheCheck, search },
    },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
