"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from "react";
import type { ReactNode } from "react";

import { useTRPC, useTRPCClient } from "~/trpc/react";

import { LikesStore } from "./likes-store";
import styles from "./library.module.css";

const LikesContext = createContext<LikesStore | null>(null);

/** One likes store for the signed-in app, beside the player: hearts agree wherever they are. */
export function LikesProvider({ children }: { children: ReactNode }) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [store] = useState(
    () =>
      new LikesStore({
        send: (trackId, liked) => client.library.likeTrack.mutate({ trackId, liked }),
        onSaved: () => {
          void queryClient.invalidateQueries({ queryKey: trpc.library.likedTracks.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.library.entries.pathKey() });
        },
        onFailed: (liked) =>
          setFailure(
            liked
              ? "Couldn't save to Liked Songs. Try again."
              : "Couldn't remove from Liked Songs. Try again.",
          ),
      }),
  );
  useEffect(() => {
    if (!failure) return;
    const timer = setTimeout(() => setFailure(null), 5000);
    return () => clearTimeout(timer);
  }, [failure]);
  return (
    <LikesContext.Provider value={store}>
      {children}
      {/* An alert is read out as it appears: no empty live region is left on every page. */}
      {failure && (
        <div role="alert" className={styles.toast}>
          {failure}
        </div>
      )}
    </LikesContext.Provider>
  );
}

function useLikesStore(): LikesStore {
  const store = useContext(LikesContext);
  if (!store) throw new Error("useLiked needs a LikesProvider");
  return store;
}

/** Whether the track is liked: what this tab knows, else what the server said (`fallback`). */
export function useLiked(trackId: string, fallback: boolean): boolean {
  const store = useLikesStore();
  const known = useSyncExternalStore(
    store.subscribe,
    () => store.get(trackId),
    () => undefined,
  );
  return known ?? fallback;
}

export function useToggleLike(): (trackId: string, current: boolean) => void {
  const store = useLikesStore();
  return (trackId, current) => void store.toggle(trackId, current);
}

/** Tells the store what a list's tracks are, so the now-playing bar knows them too. */
export function useSeedLikes(tracks: readonly { id: string; liked: boolean }[]): void {
  const store = useLikesStore();
  useEffect(() => store.seed(tracks), [store, tracks]);
}
