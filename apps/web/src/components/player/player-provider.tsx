"use client";

import { Player } from "@cadence/player";
import { QueryObserver, useQueryClient } from "@tanstack/react-query";
import type { TelemetryEvent } from "@cadence/player";
import type { RouterInputs } from "@cadence/api";
import { createContext, useContext, useEffect, useState } from "react";
import type { ReactNode } from "react";
import { useSyncExternalStoreWithSelector } from "use-sync-external-store/shim/with-selector";

import { LikesProvider } from "~/components/library/likes-provider";
import { useTRPC, useTRPCClient } from "~/trpc/react";

import { createPlayerStore, EMPTY_SNAPSHOT, shallowEqual } from "./player-store";
import type { PlayerSnapshot, PlayerStore } from "./player-store";
import type { CatalogTrack } from "./to-player-track";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";

interface PlayerContextValue {
  player: Player | null;
  store: PlayerStore | null;
}

const PlayerContext = createContext<PlayerContextValue>({ player: null, store: null });

type ReportInput = RouterInputs["playback"]["report"];

function toReport(events: readonly TelemetryEvent[]): ReportInput {
  return {
    events: events.map(({ type, trackId, playbackId, positionMs, timestamp, ...rest }) => {
      const detail: Record<string, string | number | boolean> = {};
      for (const [key, value] of Object.entries(rest)) {
        if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
          detail[key] = value;
      }
      return { kind: type, trackId, playbackId, positionMs, occurredAt: new Date(timestamp), detail };
    }),
  };
}

/** One player for the whole signed-in app; it outlives page navigations. */
export function PlayerProvider({ children }: { children: ReactNode }) {
  const client = useTRPCClient();
  const [value, setValue] = useState<PlayerContextValue>({ player: null, store: null });

  useEffect(() => {
    const player = new Player({
      resolveSource: (trackId) => client.playback.stream.query({ trackId }),
      telemetry: {
        send: async (events, { unloading }) => {
          const input = toReport(events);
          if (unloading) {
            // The page is going away: a beacon survives it, a fetch may not.
            const body = new Blob([JSON.stringify({ json: input })], { type: "application/json" });
            navigator.sendBeacon("/api/trpc/playback.report", body);
            return;
          }
          await client.playback.report.mutate(input);
        },
      },
    });
    const store = createPlayerStore(player);
    // The player needs the DOM (audio elements, MediaSource), so it can only be made after mount.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setValue({ player, store });
    // Exposed for end-to-end tests and benchmarks, which time the player from outside.
    (window as unknown as { cadencePlayer?: Player }).cadencePlayer = player;
    return () => {
      store.destroy();
      player.destroy();
    };
  }, [client]);

  useKeyboardShortcuts(value.player);

  // The listener's playback settings (normalisation, crossfade, gapless), kept in step when they
  // change them. Observed from an effect, not useQuery: a query made while rendering would exist
  // in the cache before a page's HydrationBoundary, which then defers hydrating it and the page
  // fetches on the server.
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    const player = value.player;
    if (!player) return;
    const observer = new QueryObserver(queryClient, trpc.user.me.queryOptions());
    return observer.subscribe(({ data }) => {
      if (!data) return;
      const { normalisation, crossfadeSeconds, gapless } = data.preferences;
      player.setNormalization(normalisation);
      player.setCrossfade(crossfadeSeconds);
      player.setGapless(gapless);
    });
  }, [value.player, queryClient, trpc]);

  return (
    <PlayerContext.Provider value={value}>
      {/* Hearts live beside the player: the now-playing bar shows one. */}
      <LikesProvider>{children}</LikesProvider>
    </PlayerContext.Provider>
  );
}

export function usePlayer(): Player | null {
  return useContext(PlayerContext).player;
}

const noopSubscribe = () => () => undefined;
const emptySnapshot = () => EMPTY_SNAPSHOT;

/**
 * A slice of the player's state. The component renders again only when the slice changes (by
 * `isEqual`, Object.is by default), not on every event: select only what is shown.
 */
export function usePlayerSelector<T>(
  selector: (snapshot: PlayerSnapshot) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const { store } = useContext(PlayerContext);
  return useSyncExternalStoreWithSelector(
    store?.subscribe ?? noopSubscribe,
    store?.getSnapshot ?? emptySnapshot,
    emptySnapshot,
    selector,
    isEqual,
  );
}

const nowPlaying = ({ track, status }: PlayerSnapshot) => ({ track, status });
const sameNowPlaying = (a: ReturnType<typeof nowPlaying>, b: ReturnType<typeof nowPlaying>) =>
  a.track?.id === b.track?.id && a.status === b.status;

/** The current track and playback status: what a track row shows. Unchanged by the clock. */
export function useNowPlaying(): { track: PlayerSnapshot["track"]; status: PlayerSnapshot["status"] } {
  return usePlayerSelector(nowPlaying, sameNowPlaying);
}

/** Every slice but the clock: for controls that do not show the time. */
export function usePlayerControlsState(): Omit<PlayerSnapshot, "currentTime" | "bufferedEnd" | "duration"> {
  return usePlayerSelector(withoutClock, shallowEqual);
}

const withoutClock = ({ currentTime: _t, bufferedEnd: _b, duration: _d, ...rest }: PlayerSnapshot) => rest;

/**
 * Hands the player the signed stream URLs a catalog response brought along, so a click on one of
 * these tracks starts without asking the server first.
 */
export function useRememberStreams(tracks: readonly CatalogTrack[]): void {
  const player = usePlayer();
  useEffect(() => {
    if (!player) return;
    for (const track of tracks) if (track.stream) player.rememberSource(track.id, track.stream);
  }, [player, tracks]);
}
