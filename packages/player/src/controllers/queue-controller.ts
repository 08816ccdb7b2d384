/** Wraps the pure Queue so every mutation is published as QUEUE_CHANGED. */
import type { PlayerEventMap } from "../events";
import { PlayerEvent } from "../events";
import type { TypedEmitter } from "../emitter";
import { Queue, type QueueOptions } from "../queue";
import type { QueueItem, QueueState, RepeatMode, Track } from "../types";

export class QueueController {
  readonly queue: Queue;

  constructor(
    private readonly emitter: TypedEmitter<PlayerEventMap>,
    options: QueueOptions = {},
  ) {
    this.queue = new Queue(options);
  }

  get state(): QueueState {
    return this.queue.getState();
  }

  get current(): QueueItem | null {
    return this.queue.current;
  }

  setTracks(tracks: readonly Track[], startIndex: number): QueueItem | null {
    return this.changed(this.queue.setTracks(tracks, startIndex));
  }

  playNext(tracks: readonly Track[]): void {
    this.changed(this.queue.playNext(tracks));
  }

  add(tracks: readonly Track[]): void {
    this.changed(this.queue.add(tracks));
  }

  remove(uid: string): { removed: boolean; currentChanged: boolean } {
    return this.changed(this.queue.remove(uid));
  }

  move(from: number, to: number): boolean {
    return this.changed(this.queue.move(from, to));
  }

  clear(): void {
    this.changed(this.queue.clear());
  }

  clearUpcoming(): void {
    this.changed(this.queue.clearUpcoming());
  }

  jumpTo(index: number): QueueItem | null {
    return this.changed(this.queue.jumpTo(index));
  }

  next(auto: boolean): QueueItem | null {
    const before = this.queue.getState().currentIndex;
    const item = this.queue.next({ auto });
    if (this.queue.getState().currentIndex !== before) this.emit();
    return item;
  }

  setShuffle(on: boolean): void {
    this.changed(this.queue.setShuffle(on));
  }

  setRepeat(mode: RepeatMode): void {
    this.changed(this.queue.setRepeat(mode));
  }

  private changed<T>(result: T): T {
    this.emit();
    return result;
  }

  /** Publishes a change made on `queue` directly. */
  emit(): void {
    this.emitter.emit(PlayerEvent.QUEUE_CHANGED, this.queue.getState());
  }
}
