import { Redis } from "ioredis";

import { lookupOf, MARK_TTL_MS, newMark, valueOf } from "./cache";
import type { Cache, HitCounter, HitUntil, Lookup, WindowCount } from "./cache";
import { RemoteCalls } from "./remote";
import { SCRIPTS } from "./scripts";

/**
 * The scripts as commands (ioredis's defineCommand): sent by SHA with EVALSHA, the script's text
 * only once per connection, instead of the whole text with every EVAL.
 */
interface ScriptCommands {
  cadenceHit(key: string, windowMs: number): Promise<[number, number]>;
  cadenceHitUntil(keyCount: number, ...keysThenArgs: (string | number)[]): Promise<[number, number]>;
  cadenceRelease(key: string): Promise<number>;
  cadenceFill(key: string, json: string, ttlSeconds: number, mark: string): Promise<number>;
  cadenceInvalidate(keyCount: number, ...keysThenArgs: (string | number)[]): Promise<number>;
}

/**
 * Redis over its own protocol (ioredis), for `REDIS_URL`: the engine `npm start` uses. The
 * Upstash client through the redis-http bridge cost several times more per hit (bench/cache-hit.ts).
 * A down cache costs a request little, as with UpstashCache: commands fail at once while
 * disconnected (no offline queue, no retries), time out against a hung server (and then fail at
 * once for a while, see RemoteCalls), and the client reconnects by itself.
 */
export class IoredisCache implements Cache {
  readonly engine = "redis" as const;
  private readonly redis: Redis;
  private readonly scripts: ScriptCommands;
  private readonly prefix: string;
  private readonly calls: RemoteCalls;
  /** Until the first connection succeeds or fails, commands wait for it instead of failing. */
  private firstConnection: Promise<void> | null;

  /** `prefix` namespaces every key, so several installs or test runs can share one Redis. */
  constructor(options: { url: string; timeoutMs?: number; prefix?: string }) {
    const timeoutMs = options.timeoutMs ?? 1500;
    this.prefix = options.prefix ?? "";
    this.calls = new RemoteCalls(timeoutMs);
    this.redis = new Redis(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: timeoutMs,
      connectTimeout: timeoutMs,
      // Back within a second of Redis returning, without a restart.
      retryStrategy: (times) => Math.min(times * 100, 1000),
      // Commands issued in the same tick (a request's, and other requests') go out in one write.
      enableAutoPipelining: true,
    });
    this.redis.defineCommand("cadenceHit", { lua: SCRIPTS.hit, numberOfKeys: 1 });
    this.redis.defineCommand("cadenceHitUntil", { lua: SCRIPTS.hitUntil });
    this.redis.defineCommand("cadenceRelease", { lua: SCRIPTS.release, numberOfKeys: 1 });
    this.redis.defineCommand("cadenceFill", { lua: SCRIPTS.fill, numberOfKeys: 1 });
    this.redis.defineCommand("cadenceInvalidate", { lua: SCRIPTS.invalidate });
    this.scripts = this.redis as unknown as ScriptCommands;
    this.redis.on("error", () => undefined); // each command reports its own failure
    this.firstConnection = new Promise<void>((resolve) => {
      const settle = () => {
        clearTimeout(timer);
        this.redis.off("ready", settle).off("error", settle).off("end", settle);
        this.firstConnection = null;
        resolve();
      };
      const timer = setTimeout(settle, timeoutMs);
      timer.unref();
      this.redis.once("ready", settle).once("error", settle).once("end", settle);
    });
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    if (this.firstConnection) await this.firstConnection;
    return this.calls.run(command);
  }

  async get<T>(key: string): Promise<T | null> {
    return valueOf(await this.lookup<T>(key));
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    await this.run(() => this.redis.set(this.prefix + key, JSON.stringify(value), "EX", ttlSeconds));
  }

  async del(...keys: string[]): Promise<void> {
    if (keys.length > 0) await this.run(() => this.redis.del(...keys.map((k) => this.prefix + k)));
  }

  async lookup<T>(key: string): Promise<Lookup<T>> {
    return lookupOf<T>(await this.run(() => this.redis.get(this.prefix + key)));
  }

  async fill(key: string, value: unknown, ttlSeconds: number, mark: string | null): Promise<boolean> {
    const json = JSON.stringify(value);
    const stored = await this.run(() =>
      this.scripts.cadenceFill(this.prefix + key, json, ttlSeconds, mark ?? ""),
    );
    return stored === 1;
  }

  async invalidate(...keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const prefixed = keys.map((k) => this.prefix + k);
    await this.run(() =>
      this.scripts.cadenceInvalidate(prefixed.length, ...prefixed, newMark(), MARK_TTL_MS),
    );
  }

  async hit(key: string, windowSeconds: number): Promise<WindowCount> {
    const [count, pttl] = await this.run(() =>
      this.scripts.cadenceHit(this.prefix + key, windowSeconds * 1000),
    );
    return { count, resetInMs: Math.max(pttl, 0) };
  }

  async hitUntil(counters: readonly HitCounter[], windowSeconds: number): Promise<HitUntil> {
    if (counters.length === 0) return { over: -1, resetInMs: 0 };
    const keys = counters.map((c) => this.prefix + c.key);
    const [index, pttl] = await this.run(() =>
      this.scripts.cadenceHitUntil(
        keys.length,
        ...keys,
        windowSeconds * 1000,
        ...counters.map((c) => c.limit),
      ),
    );
    return { over: index - 1, resetInMs: index > 0 ? Math.max(pttl, 0) : 0 };
  }

  async release(key: string): Promise<void> {
    await this.run(() => this.scripts.cadenceRelease(this.prefix + key));
  }

  async peek(key: string): Promise<WindowCount> {
    const [raw, pttl] = await this.run(async () => {
      const replies =
        (await this.redis
          .pipeline()
          .get(this.prefix + key)
          .pttl(this.prefix + key)
          .exec()) ?? [];
      const failed = replies.find(([error]) => error);
      if (failed?.[0]) throw failed[0];
      return replies.map(([, value]) => value) as [string | null, number];
    });
    return raw === null ? { count: 0, resetInMs: 0 } : { count: Number(raw), resetInMs: Math.max(pttl, 0) };
  }

  async ping(): Promise<void> {
    await this.run(() => this.redis.ping());
  }

  /** Closes the connection (tests; the app keeps one for its lifetime). */
  close(): Promise<void> {
    this.redis.disconnect();
    return Promise.resolve();
  }
}
