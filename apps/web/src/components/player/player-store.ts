import { PlayerEvent } from "@cadence/player";
import type { LevelInfo, Player, PlaybackStatus, QueueState, Track } from "@cadence/player";

/**
 * What the UI renders from the player: one immutable snapshot. Each event replaces only the
 * slices it changes, so the others keep their identity and a component that selects them (see
 * usePlayerSelector) is not rendered again, however often the clock ticks.
 */
export interface PlayerSnapshot {
  status: PlaybackStatus;
  track: Track | null;
  queue: QueueState;
  currentTime: number;
  duration: number;
  bufferedEnd: number;
  volume: number;
  muted: boolean;
  level: LevelInfo | null;
}

export const EMPTY_SNAPSHOT: PlayerSnapshot = {
  status: "idle",
  track: null,
  queue: { items: [], currentIndex: -1, shuffled: false, repeat: "off" },
  currentTime: 0,
  duration: 0,
  bufferedEnd: 0,
  volume: 1,
  muted: false,
  level: null,
};

export interface PlayerStore {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => PlayerSnapshot;
  destroy: () => void;
}

/** Adapts the player's events to React's useSyncExternalStore. */
export function createPlayerStore(player: Player): PlayerStore {
  const time = () => ({
    currentTime: player.currentTime,
    duration: player.duration || (player.currentTrack?.durationMs ?? 0) / 1000,
    bufferedEnd: player.bufferedEnd,
  });
  let snapshot: PlayerSnapshot = {
    status: player.status,
    track: player.currentTrack,
    queue: player.queue,
    ...time(),
    volume: player.volume,
    muted: player.muted,
    level: player.currentLevel,
  };
  const listeners = new Set<() => void>();
  const update = (change: Partial<PlayerSnapshot>) => {
    snapshot = { ...snapshot, ...change };
    for (const listener of listeners) listener();
  };

  const unsubscribe = [
    player.on(PlayerEvent.STATE_CHANGED, ({ status }) => update({ status })),
    player.on(PlayerEvent.TRACK_CHANGED, ({ item }) => update({ track: item?.track ?? null, level: null })),
    player.on(PlayerEvent.QUEUE_CHANGED, (queue) => update({ queue })),
    player.on(PlayerEvent.TIME_UPDATE, () => update(time())),
    player.on(PlayerEvent.VOLUME_CHANGED, ({ volume, muted }) => update({ volume, muted })),
    player.on(PlayerEvent.LEVEL_SWITCHED, ({ level }) => update({ level })),
  ];

  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot: () => snapshot,
    destroy: () => unsubscribe.forEach((off) => off()),
  };
}

/** Equal when every own property is (for selectors that return a small object). */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}
