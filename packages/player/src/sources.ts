/**
 * Signed stream URLs by track: the app's `resolveSource` is called once per track however many
 * loads, preloads and renewals ask at the same time, answers are kept while fresh, and sources the
 * app already holds (catalog responses carry them) are remembered so a click needs no round trip.
 * DOM-free.
 */
import type { PlayableSource, ResolveSource } from "./types";

/**
 * The one expiry rule: a source is used for a new request only while more than its margin is
 * left, a quarter of the lifetime it had when it arrived, at most a minute (a minute when its
 * lifetime is unknown, as for sources the app remembers). Requests later in a track renew their
 * grant themselves (see grant.ts), so there is no need to leave room for a whole track, and the
 * rule holds for grants of hours or of seconds alike.
 */
export const SOURCE_MARGIN_MAX_MS = 60_000;
const SOURCE_MARGIN_SHARE = 0.25;
const DEFAULT_CAPACITY = 64;

export interface SourceResolverOptions {
  /** Wall clock in epoch ms (default Date.now), the clock `expiresAt` is on. */
  now?: () => number;
  /** Most sources kept; the least recently used go first. */
  capacity?: number;
}

export class SourceResolver {
  private readonly cache = new Map<string, PlayableSource>();
  private readonly inflight = new Map<string, Promise<PlayableSource>>();
  private readonly margins = new WeakMap<PlayableSource, number>();
  private readonly now: () => number;
  private readonly capacity: number;

  constructor(
    private readonly resolve: ResolveSource,
    options: SourceResolverOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.capacity = options.capacity ?? DEFAULT_CAPACITY;
  }

  isFresh(source: PlayableSource): boolean {
    if (source.expiresAt === undefined) return true;
    return source.expiresAt - this.now() > (this.margins.get(source) ?? SOURCE_MARGIN_MAX_MS);
  }

  /** A fresh source for the track: the cached one, the request already in flight, or a new one. */
  get(trackId: string): Promise<PlayableSource> {
    const cached = this.peek(trackId);
    if (cached) {
      this.store(trackId, cached); // most recently used
      return Promise.resolve(cached);
    }
    const pending = this.inflight.get(trackId);
    if (pending) return pending;
    const request = this.resolve(trackId)
      .then((source) => {
        if (source.expiresAt !== undefined) {
          const lifetime = Math.max(0, source.expiresAt - this.now());
          this.margins.set(source, Math.min(SOURCE_MARGIN_MAX_MS, lifetime * SOURCE_MARGIN_SHARE));
        }
        this.store(trackId, source);
        return source;
      })
      .finally(() => {
        if (this.inflight.get(trackId) === request) this.inflight.delete(trackId);
      });
    this.inflight.set(trackId, request);
    return request;
  }

  /** The cached source if it is still fresh. */
  peek(trackId: string): PlayableSource | undefined {
    const source = this.cache.get(trackId);
    if (source && this.isFresh(source)) return source;
    if (source) this.cache.delete(trackId);
    return undefined;
  }

  /** Keeps a source the app already has (e.g. from a catalog response), if it is fresh. */
  remember(trackId: string, source: PlayableSource): void {
    if (this.isFresh(source)) this.store(trackId, source);
  }

  /**
   * The origin refused the track's source (expired or revoked): the next get() asks again. A
   * request already in flight was made after the refused source was issued, so it is kept.
   */
  invalidate(trackId: string): void {
    this.cache.delete(trackId);
  }

  clear(): void {
    this.cache.clear();
    this.inflight.clear();
  }

  private store(trackId: string, source: PlayableSource): void {
    this.cache.delete(trackId);
    this.cache.set(trackId, source);
    // Map iteration follows insertion order: the first keys are the oldest.
    for (const key of this.cache.keys()) {
      if (this.cache.size <= this.capacity) break;
      this.cache.delete(key);
    }
  }
}
