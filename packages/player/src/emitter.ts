/**
 * A small typed event emitter. Unlike Node's EventEmitter, a listener that
 * throws never propagates into the engine: the exception is turned into a
 * payload for `errorEvent` so a buggy UI subscriber cannot break playback.
 */

export type Listener<P> = (payload: P) => void;

export interface TypedEmitterOptions<M, E extends keyof M> {
  /** Event that receives listener exceptions. */
  errorEvent: E;
  /** Builds the error payload for an exception thrown by a listener of `event`. */
  toErrorPayload: (error: unknown, event: keyof M) => M[E];
  /** Called when an `errorEvent` listener itself throws (cannot re-emit without looping). */
  onUnhandled?: (error: unknown) => void;
}

export class TypedEmitter<M, E extends keyof M = keyof M> {
  private readonly listeners = new Map<keyof M, Set<Listener<never>>>();

  constructor(private readonly options: TypedEmitterOptions<M, E>) {}

  /** Subscribes; returns an unsubscribe function (handy for React effects). */
  on<K extends keyof M>(event: K, listener: Listener<M[K]>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    return () => this.off(event, listener);
  }

  once<K extends keyof M>(event: K, listener: Listener<M[K]>): () => void {
    const off = this.on(event, (payload) => {
      off();
      listener(payload);
    });
    return off;
  }

  off<K extends keyof M>(event: K, listener: Listener<M[K]>): void {
    const set = this.listeners.get(event);
    if (!set) return;
    set.delete(listener);
    if (set.size === 0) this.listeners.delete(event);
  }

  listenerCount(event: keyof M): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  emit<K extends keyof M>(event: K, payload: M[K]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    // Copy so listeners may (un)subscribe while we iterate.
    for (const listener of [...set] as Listener<M[K]>[]) {
      try {
        listener(payload);
      } catch (error) {
        this.handleListenerError(error, event);
      }
    }
  }

  removeAllListeners(): void {
    this.listeners.clear();
  }

  private handleListenerError(error: unknown, event: keyof M): void {
    const { errorEvent, toErrorPayload, onUnhandled } = this.options;
    if (event === errorEvent) {
      (onUnhandled ?? defaultUnhandled)(error);
      return;
    }
    this.emit(errorEvent, toErrorPayload(error, event));
  }
}

function defaultUnhandled(error: unknown): void {
  console.error("[cadence/player] error listener threw", error);
}
