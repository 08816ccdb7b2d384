/**
 * What requests cost the database and the cache, seen from outside the app: Postgres's
 * per-database counters (transactions, rows, buffers) and the cache's keys in Redis.
 */
import { randomBytes } from "node:crypto";

import postgres from "postgres";

import { startRedisHttpBridge } from "@cadence/cache/redis-http";

export interface DbCounters {
  /**
   * Committed and rolled back transactions: one per statement run outside an explicit
   * transaction, plus one per parallel worker a statement starts.
   */
  transactions: number;
  /** Rows scanned (tup_returned) plus rows fetched by index (tup_fetched). */
  rows: number;
  /** Shared buffers touched (hit or read). */
  buffers: number;
}

/** What one request cost, on average. */
export interface Delta extends DbCounters {
  /** CPU time of the app's processes (all of them: the Next.js server, the Redis bridge). */
  cpuMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class DbCounterProbe {
  private readonly sql: postgres.Sql;

  /** `adminUrl` must name another database than `database`, so these reads are not counted. */
  constructor(
    adminUrl: string,
    private readonly database: string,
  ) {
    this.sql = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  }

  private async read(): Promise<DbCounters> {
    const [row] = await this.sql<{ transactions: string; rows: string; buffers: string }[]>`
      select xact_commit + xact_rollback as transactions, tup_returned + tup_fetched as rows,
        blks_hit + blks_read as buffers
      from pg_stat_database where datname = ${this.database}`;
    return {
      transactions: Number(row?.transactions),
      rows: Number(row?.rows),
      buffers: Number(row?.buffers),
    };
  }

  /**
   * The counters once every backend has reported. Postgres 15 flushes a backend's statistics
   * when it goes idle, but at most once a second: one that flushed less than a second earlier
   * waits for its idle timeout (PGSTAT_IDLE_INTERVAL, 10 s). So wait that long after the last
   * request, then until two reads a second apart agree.
   */
  async settled(): Promise<DbCounters> {
    await sleep(10_500);
    let last = await this.read();
    for (let i = 0; i < 20; i++) {
      await sleep(1000);
      const now = await this.read();
      if (now.transactions === last.transactions && now.rows === last.rows) return now;
      last = now;
    }
    return last;
  }

  /**
   * Per-request cost of `run`, which makes `requests` requests and nothing else touches the
   * database meanwhile; with `cpuMs`, the app's CPU time too.
   */
  async perRequest(requests: number, run: () => Promise<void>, cpuMs: () => number): Promise<Delta> {
    const before = await this.settled();
    const cpuBefore = cpuMs();
    await run();
    const cpu = cpuMs() - cpuBefore;
    const after = await this.settled();
    return {
      transactions: (after.transactions - before.transactions) / requests,
      rows: (after.rows - before.rows) / requests,
      buffers: (after.buffers - before.buffers) / requests,
      cpuMs: cpu / requests,
    };
  }

  close(): Promise<void> {
    return this.sql.end();
  }
}

/** The app's cache keys under its CACHE_PREFIX, through a Redis connection of the bench's own. */
export async function cacheKeys(redisUrl: string, prefix: string) {
  const bridge = await startRedisHttpBridge({ redisUrl, token: randomBytes(16).toString("hex") });
  const { redis } = bridge;
  const matching = async (pattern: string): Promise<string[]> => {
    const keys: string[] = [];
    let cursor = "0";
    do {
      const [next, batch] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== "0");
    return keys;
  };
  const remove = async (keys: string[]) => (keys.length ? redis.del(...keys) : 0);
  return {
    /** Deletes every key that names the object (its id anywhere in the key); how many there were. */
    forget: async (objectId: string) => remove(await matching(`${prefix}*${objectId}*`)),
    count: async () => (await matching(`${prefix}*`)).length,
    /** Deletes all the app's keys and disconnects. */
    close: async () => {
      await remove(await matching(`${prefix}*`));
      await bridge.close();
    },
  };
}

export type CacheKeys = Awaited<ReturnType<typeof cacheKeys>>;
