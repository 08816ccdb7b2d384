type Send = (trackId: string, liked: boolean) => Promise<{ liked: boolean }>;

export interface LikesStoreOptions {
  send: Send;
  /** After the server took a change: lists that show likes (Liked Songs, the library) refetch. */
  onSaved: () => void;
  onFailed: (liked: boolean) => void;
}

/**
 * The one client-side truth of which tracks are liked, shared by every heart on the page (track
 * rows, the now-playing bar). Lists seed it with what the server said; a toggle shows at once
 * and is rolled back if the server refuses it. What this tab changed wins over older server data.
 */
export class LikesStore {
  private readonly liked = new Map<string, boolean>();
  /** The latest toggle of each track: an older answer arriving late must not undo a newer one. */
  private readonly latest = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private sequence = 0;

  constructor(private readonly options: LikesStoreOptions) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get(trackId: string): boolean | undefined {
    return this.liked.get(trackId);
  }

  /** What the server said about tracks this tab has not heard of yet. */
  seed(tracks: readonly { id: string; liked: boolean }[]): void {
    let changed = false;
    for (const track of tracks) {
      if (this.liked.has(track.id)) continue;
      this.liked.set(track.id, track.liked);
      changed = true;
    }
    if (changed) this.emit();
  }

  async toggle(trackId: string, current: boolean): Promise<void> {
    const wanted = !current;
    const mine = ++this.sequence;
    this.latest.set(trackId, mine);
    this.set(trackId, wanted);
    try {
      const { liked } = await this.options.send(trackId, wanted);
      if (this.latest.get(trackId) === mine) this.set(trackId, liked);
      this.options.onSaved();
    } catch {
      if (this.latest.get(trackId) !== mine) return;
      this.set(trackId, current);
      this.options.onFailed(wanted);
    }
  }

  private set(trackId: string, liked: boolean): void {
    if (this.liked.get(trackId) === liked) return;
    this.liked.set(trackId, liked);
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
