import { PlayerEvent } from "@cadence/player";
import type { LevelInfo, Player, PlaybackStatus, QueueState, Track } from "@cadence/player";

/** What the UI renders from the player: one immutable snapshot, replaced on every event. */
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

/** Adapts the player's events to React's useSyncExternalStore. */
export function createPlayerStore(player: Player) {
  let snapshot: PlayerSnapshot = read();
  const listeners = new Set<() => void>();

  function read(): PlayerSnapshot {
    return {
      status: player.status,
      track: player.currentTrack ?? null,
      queue: player.queue,
      currentTime: player.currentTime,
      duration: player.duration || (player.currentTrack?.durationMs ?? 0) / 1000,
      bufferedEnd: player.bufferedEnd,
      volume: player.volume,
      muted: player.muted,
      level: player.currentLevel ?? null,
    };
  }

  const refresh = () => {
    snapshot = read();
    for (const listener of listeners) listener();
  };
  const events = [
    PlayerEvent.STATE_CHANGED,
    PlayerEvent.TRACK_CHANGED,
    PlayerEvent.QUEUE_CHANGED,
    PlayerEvent.TIME_UPDATE,
    PlayerEvent.VOLUME_CHANGED,
    PlayerEvent.LEVEL_SWITCHED,
  ] as const;
  const unsubscribe = events.map((event) => player.on(event, refresh));

  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot: () => snapshot,
    destroy: () => unsubscribe.forEach((off) => off()),
  };
}
