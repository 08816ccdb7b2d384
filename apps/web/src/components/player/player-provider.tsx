"use client";

import { Player } from "@cadence/player";
import { QueryObserver, useQueryClient } from "@tanstack/react-query";
import type { TelemetryEvent } from "@cadence/player";
import type { RouterInputs } from "@cadence/api";
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from "react";
import type { ReactNode } from "react";

import { useTRPC, useTRPCClient } from "~/trpc/react";

import { knownStream } from "./known-streams";
import { createPlayerStore, EMPTY_SNAPSHOT } from "./player-store";
import type { PlayerSnapshot } from "./player-store";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";

interface PlayerContextValue {
  player: Player | null;
  store: ReturnType<typeof createPlayerStore> | null;
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
      resolveSource: async (trackId) => knownStream(trackId) ?? client.playback.stream.query({ trackId }),
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

  // The listener's volume-normalisation setting, kept in step when they change it. Observed from
  // an effect, not useQuery: a query made while rendering would exist in the cache before a
  // page's HydrationBoundary, which then defers hydrating it and the page fetches on the server.
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    const player = value.player;
    if (!player) return;
    const observer = new QueryObserver(queryClient, trpc.user.me.queryOptions());
    return observer.subscribe(({ data }) => {
      if (data) player.setNormalization(data.preferences.normalisation);
    });
  }, [value.player, queryClient, trpc]);

  return <PlayerContext.Provider value={value}>{children}</PlayerContext.Provider>;
}

export function usePlayer(): Player | null {
  return useContext(PlayerContext).player;
}

const noopSubscribe = () => () => undefined;

export function usePlayerState(): PlayerSnapshot {
  const { store } = useContext(PlayerContext);
  return useSyncExternalStore(
    store?.subscribe ?? noopSubscribe,
    store?.getSnapshot ?? (() => EMPTY_SNAPSHOT),
    () => EMPTY_SNAPSHOT,
  );
}
