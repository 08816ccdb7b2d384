import { Redis } from "@upstash/redis";

import { lookupOf, MARK_TTL_MS, newMark, valueOf } from "./cache";
import type { Cache, HitCounter, HitUntil, Lookup, WindowCount } from "./cache";
import { RemoteCalls } from "./remote";
import { SCRIPTS } from "./scripts";

/** Redis through the Upstash REST client (Upstash itself, or our redis-http bridge). */
export class UpstashCache implements Cache {
  readonly engine = "redis" as const;
  private readonly redis: Redis;

  private readonly prefix: string;
  private readonly calls: RemoteCalls;

  /** `prefix` namespaces every key, so several installs or test runs can share one Redis. */
  constructor(options: { url: string; token: string; timeoutMs?: number; prefix?: string }) {
    const timeoutMs = options.timeoutMs ?? 1500;
    this.prefix = options.prefix ?? "";
    this.calls = new RemoteCalls(timeoutMs);
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

  async get<T>(key: string): Promise<T | null> {
    return valueOf(await this.lookup<T>(key));
  }

  async lookup<T>(key: string): Promise<Lookup<T>> {
    return lookupOf<T>(await this.calls.run(() => this.redis.get<string>(this.prefix + key)));
  }

  async fill(key: string, value: unknown, ttlSeconds: number, mark: string | null): Promise<boolean> {
    const stored = await this.calls.run(() =>
      this.redis.eval<string[], number>(
        SCRIPTS.fill,
        [this.prefix + key],
        [JSON.stringify(value), String(ttlSeconds), mark ?? ""],
      ),
    );
    return stored === 1;
  }

  async invalidate(...keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.calls.run(() =>
      this.redis.eval<string[], number>(
        SCRIPTS.invalidate,
        keys.map((k) => this.prefix + k),
        [newMark(), String(MARK_TTL_MS)],
      ),
    );
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    await this.calls.run(() => this.redis.set(this.prefix + key, JSON.stringify(value), { ex: ttlSeconds }));
  }

  async del(...keys: string[]): Promise<void> {
    if (keys.length > 0) await this.calls.run(() => this.redis.del(...keys.map((k) => this.prefix + k)));
  }

  async hit(key: string, windowSeconds: number): Promise<WindowCount> {
    const [count, pttl] = await this.calls.run(() =>
      this.redis.eval<[string], [number, number]>(
        SCRIPTS.hit,
        [this.prefix + key],
        [String(windowSeconds * 1000)],
      ),
    );
    return { count, resetInMs: Math.max(pttl, 0) };
  }

  async hitUntil(counters: readonly HitCounter[], windowSeconds: number): Promise<HitUntil> {
    if (counters.length === 0) return { over: -1, resetInMs: 0 };
    const [index, pttl] = await this.calls.run(() =>
      this.redis.eval<string[], [number, number]>(
        SCRIPTS.hitUntil,
        counters.map((c) => this.prefix + c.key),
        [String(windowSeconds * 1000), ...counters.map((c) => String(c.limit))],
      ),
    );
    return { over: index - 1, resetInMs: index > 0 ? Math.max(pttl, 0) : 0 };
  }

  async release(key: string): Promise<void> {
    await this.calls.run(() => this.redis.eval<[], number>(SCRIPTS.release, [this.prefix + key], []));
  }

  async peek(key: string): Promise<WindowCount> {
    const pipeline = this.redis.pipeline();
    pipeline.get<string>(this.prefix + key);
    pipeline.pttl(this.prefix + key);
    const [raw, pttl] = await this.calls.run(() => pipeline.exec<[string | null, number]>());
    return raw === null ? { count: 0, resetInMs: 0 } : { count: Number(raw), resetInMs: Math.max(pttl, 0) };
  }

  async ping(): Promise<void> {
    await this.calls.run(() => this.redis.ping());
  }
}
