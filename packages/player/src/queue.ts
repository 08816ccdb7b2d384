/**
 * Pure, DOM-free play queue. The player's queue controller wraps it and turns
 * every mutation into a QUEUE_CHANGED event; all ordering rules live here.
 */
import { shuffled, type RandomSource } from "./shuffle";
import type { QueueItem, QueueState, RepeatMode, Track } from "./types";

/** `previous()` restarts the current track when more than this has played. */
export const PREVIOUS_RESTART_THRESHOLD_MS = 3000;

export type PreviousResult =
  { kind: "restart"; item: QueueItem } | { kind: "track"; item: QueueItem } | { kind: "none" };

export interface QueueOptions {
  random?: RandomSource;
  /** uid factory; the default is a per-queue counter. */
  createUid?: () => string;
}

export class Queue {
  /** Playback order. */
  private items: QueueItem[] = [];
  /** Unshuffled order, kept while shuffle is on so it can be restored. */
  private original: QueueItem[] | null = null;
  private index = -1;
  private repeatMode: RepeatMode = "off";
  private readonly random: RandomSource;
  private readonly createUid: () => string;

  constructor(options: QueueOptions = {}) {
    this.random = options.random ?? Math.random;
    let n = 0;
    this.createUid = options.createUid ?? (() => `q${++n}`);
  }

  getState(): QueueState {
    return {
      items: this.items.slice(),
      currentIndex: this.index,
      shuffled: this.original !== null,
      repeat: this.repeatMode,
    };
  }

  get current(): QueueItem | null {
    return this.items[this.index] ?? null;
  }

  get length(): number {
    return this.items.length;
  }

  get repeat(): RepeatMode {
    return this.repeatMode;
  }

  get isShuffled(): boolean {
    return this.original !== null;
  }

  /** Replaces the queue ("play this album from track N"). Shuffle mode is kept. */
  setTracks(tracks: readonly Track[], startIndex = 0): QueueItem | null {
    const items = tracks.map((track) => this.wrap(track));
    const start = clamp(startIndex, 0, items.length - 1);
    if (this.original !== null) {
      this.original = items;
      const first = items[start];
      this.items = first ? [first, ...shuffled(without(items, start), this.random)] : [];
      this.index = first ? 0 : -1;
    } else {
      this.items = items;
      this.index = items.length > 0 ? start : -1;
    }
    return this.current;
  }

  /** Inserts right after the current track (in both orders). */
  playNext(tracks: readonly Track[]): QueueItem[] {
    const added = tracks.map((track) => this.wrap(track));
    const current = this.current;
    this.items.splice(this.index + 1, 0, ...added);
    if (this.original) {
      const at = current ? this.original.indexOf(current) + 1 : 0;
      this.original.splice(at, 0, ...added);
    }
    if (this.index === -1 && this.items.length > 0) this.index = 0;
    return added;
  }

  /** Appends to the end of the queue. */
  add(tracks: readonly Track[]): QueueItem[] {
    const added = tracks.map((track) => this.wrap(track));
    this.items.push(...added);
    this.original?.push(...added);
    if (this.index === -1 && this.items.length > 0) this.index = 0;
    return added;
  }

  /**
   * Removes an item. Returns whether the *current* item changed, in which case
   * the item now at the same position (or the wrap/last one) becomes current.
   */
  remove(uid: string): { removed: boolean; currentChanged: boolean } {
    const at = this.items.findIndex((item) => item.uid === uid);
    if (at === -1) return { removed: false, currentChanged: false };
    this.items.splice(at, 1);
    if (this.original) {
      const o = this.original.findIndex((item) => item.uid === uid);
      if (o !== -1) this.original.splice(o, 1);
    }
    if (at < this.index) {
      this.index--;
      return { removed: true, currentChanged: false };
    }
    if (at > this.index) return { removed: true, currentChanged: false };
    if (this.items.length === 0) {
      this.index = -1;
    } else if (this.index >= this.items.length) {
      this.index = this.repeatMode === "all" ? 0 : this.items.length - 1;
    }
    return { removed: true, currentChanged: true };
  }

  /** Moves an item within the playback order; the current item stays current. */
  move(from: number, to: number): boolean {
    if (from < 0 || from >= this.items.length) return false;
    const target = clamp(to, 0, this.items.length - 1);
    if (from === target) return false;
    const current = this.current;
    const [item] = this.items.splice(from, 1);
    if (!item) return false;
    this.items.splice(target, 0, item);
    this.index = current ? this.items.indexOf(current) : -1;
    return true;
  }

  clear(): void {
    this.items = [];
    if (this.original) this.original = [];
    this.index = -1;
  }

  /** Drops everything after the current track (Spotify's "clear queue"). */
  clearUpcoming(): void {
    const dropped = new Set(this.items.slice(this.index + 1));
    this.items = this.items.slice(0, this.index + 1);
    if (this.original) {
      this.original = this.original.filter((item) => !dropped.has(item));
    }
  }

  /** Makes the item at `index` (playback order) current. */
  jumpTo(index: number): QueueItem | null {
    if (index < 0 || index >= this.items.length) return null;
    this.index = index;
    return this.current;
  }

  /**
   * What `next({ auto: true })` would return, without moving. Used to preload.
   * Repeat-one yields the current item (no second instance needed).
   */
  peekNext(auto = true): QueueItem | null {
    return this.items[this.nextIndex(auto)] ?? null;
  }

  /**
   * Advances. `auto` is true when the current track ended by itself: only
   * then does repeat-one replay it; an explicit skip always moves on.
   * Returns null at the end of the queue (the position is left unchanged).
   */
  next(options: { auto?: boolean } = {}): QueueItem | null {
    const i = this.nextIndex(options.auto ?? false);
    if (i === -1) return null;
    this.index = i;
    return this.current;
  }

  /**
   * Standard player semantics: restart when more than 3 s have played,
   * otherwise go to the previous track (wrapping only with repeat-all);
   * at the very start of the queue, restart.
   */
  previous(positionMs: number, thresholdMs = PREVIOUS_RESTART_THRESHOLD_MS): PreviousResult {
    const current = this.current;
    if (!current) return { kind: "none" };
    if (positionMs > thresholdMs) return { kind: "restart", item: current };
    if (this.index > 0) {
      this.index--;
    } else if (this.repeatMode === "all" && this.items.length > 1) {
      this.index = this.items.length - 1;
    } else {
      return { kind: "restart", item: current };
    }
    const item = this.current;
    return item ? { kind: "track", item } : { kind: "none" };
  }

  /**
   * Shuffle keeps the current track playing and first; everything else is
   * shuffled after it. Unshuffle restores the original order and keeps the
   * current track current.
   */
  setShuffle(on: boolean): void {
    if (on === (this.original !== null)) return;
    const current = this.current;
    if (on) {
      this.original = this.items.slice();
      if (current) {
        this.items = [current, ...shuffled(without(this.items, this.index), this.random)];
        this.index = 0;
      } else {
        this.items = shuffled(this.items, this.random);
      }
      return;
    }
    const original = this.original ?? [];
    this.original = null;
    this.items = original;
    this.index = current ? original.indexOf(current) : original.length ? 0 : -1;
  }

  setRepeat(mode: RepeatMode): void {
    this.repeatMode = mode;
  }

  private nextIndex(auto: boolean): number {
    if (this.index === -1) return -1;
    if (auto && this.repeatMode === "one") return this.index;
    if (this.index + 1 < this.items.length) return this.index + 1;
    return this.repeatMode === "all" ? 0 : -1;
  }

  private wrap(track: Track): QueueItem {
    return { uid: this.createUid(), track };
  }
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(Math.max(n, min), max);
}

function without<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}
