"use client";

import { useCallback } from "react";

import { usePlayer } from "../player/player-provider";
import { toPlayerTrack } from "../player/to-player-track";
import type { PlaylistEntry } from "./playlist-queries";

interface MoreRows {
  hasNextPage: boolean;
  /** Loads the next page; resolves with every row loaded so far. */
  fetchNextPage: () => Promise<{ data?: { pages: { items: PlaylistEntry[] }[] }; hasNextPage: boolean }>;
}

/**
 * Plays a playlist from a row. The queue gets the loaded rows at once, starting at that row,
 * so the first sound needs no request for the list; the rest of a long playlist is loaded page
 * by page behind it and appended, for as long as the queue is still this playlist's.
 */
export function usePlaylistPlayback(entries: PlaylistEntry[], more: MoreRows) {
  const player = usePlayer();
  const { hasNextPage, fetchNextPage } = more;

  return useCallback(
    async (index: number, options: { shuffle?: boolean } = {}) => {
      if (!player) return;
      const playable = entries.filter((e) => e.track.playable);
      if (playable.length === 0) return;
      const chosen = entries[index];
      const start = options.shuffle
        ? Math.floor(Math.random() * playable.length)
        : Math.max(0, chosen ? playable.indexOf(chosen) : 0);
      if (options.shuffle) player.setShuffle(true);
      void player.playTracks(
        playable.map((e) => toPlayerTrack(e.track)),
        start,
      );
      const ours = player.currentItem?.uid;
      let known = entries.length;
      let more = hasNextPage;
      while (more) {
        const next = await fetchNextPage();
        // The listener played something else meanwhile: leave their queue alone.
        if (!ours || !player.queue.items.some((item) => item.uid === ours)) return;
        const rows = next.data?.pages.flatMap((p) => p.items) ?? [];
        const added = rows.slice(known).filter((e) => e.track.playable);
        if (rows.length <= known) return;
        known = rows.length;
        player.addToQueue(added.map((e) => toPlayerTrack(e.track)));
        more = next.hasNextPage;
      }
    },
    [player, entries, hasNextPage, fetchNextPage],
  );
}
