import { Redis } from "@upstash/redis";

import { CacheUnavailableError } from "./cache";
import type { Cache, WindowCount } from "./cache";

// INCR and set the window's expiry on the first hit, atomically; returns [count, pttl].
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}
`;

// DECR only a live, positive counter, so a release never creates a key or goes negative.
const RELEASE_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then redis.call('DECR', KEYS[1]) end
return 0
`;

/** Redis through the Upstash REST client (Upstash itself, or our redis-http bridge). */
export class UpstashCache implements Cache {
  readonly engine = "redis" as const;
  private readonly redis: Redis;

  private readonly prefix: string;

  /** `prefix` namespaces every key, so several installs or test runs can share one Redis. */
  constructor(options: { url: string; token: string; timeoutMs?: number; prefix?: string }) {
    const timeoutMs = options.timeoutMs ?? 1500;
    this.prefix = options.prefix ?? "";
    this.redis = new Redis({
      url: options.url,
      token: options.token,
      // Values are JSON we serialise ourselves, so strings round-trip unchanged.
      automaticDeserialization: false,
      // A down cache must cost a request little: one quick retry, then a bounded wait.
      retry: { retries: 1, backoff: () => 50 },
      signal: () => AbortSignal.timeout(timeoutMs),
      readYourWrites: false,
      enableTelemetry: false,
    });
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw new CacheUnavailableError(error);
    }
  }

  async get<T>(key: string): Promise<T | null> {
    const raw = await this.run(() => this.redis.get<string>(this.prefix + key));
    return raw === null ? null : (JSON.parse(raw) as T);
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    await this.run(() => this.redis.set(this.prefix + key, JSON.stringify(value), { ex: ttlSeconds }));
  }

  async del(...keys: string[]): Promise<void> {
    if (keys.length > 0) await this.run(() => this.redis.del(...keys.map((k) => this.prefix + k)));
  }

  async hit(key: string, windowSeconds: number): Promise<WindowCount> {
    const [count, pttl] = await this.run(() =>
      this.redis.eval<[string], [number, number]>(
        HIT_SCRIPT,
        [this.prefix + key],
        [String(windowSeconds * 1000)],
      ),
    );
    return { count, resetInMs: Math.max(pttl, 0) };
  }

  async release(key: string): Promise<void> {
    await this.run(() => this.redis.eval<[], number>(RELEASE_SCRIPT, [this.prefix + key], []));
  }

  async peek(key: string): Promise<WindowCount> {
    const pipeline = this.redis.pipeline();
    pipeline.get<string>(this.prefix + key);
    pipeline.pttl(this.prefix + key);
    const [raw, pttl] = await this.run(() => pipeline.exec<[string | null, number]>());
    return raw === null ? { count: 0, resetInMs: 0 } : { count: Number(raw), resetInMs: Math.max(pttl, 0) };
  }

  async ping(): Promise<void> {
    await this.run(() => this.redis.ping());
  }
}
