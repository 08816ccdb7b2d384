"use client";

import { useSuspenseInfiniteQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useMemo } from "react";

import { useTRPC } from "~/trpc/react";
import { itemsQueryOptions } from "./items-query";
import { PlaylistActions } from "./playlist-actions";
import { PlaylistHeader } from "./playlist-header";
import { PlaylistTracks } from "./playlist-tracks";
import { usePlaylistPlayback } from "./use-playlist-playback";

/** A playlist's page: its header, Play and Shuffle, and its rows. */
export function PlaylistPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const { data: playlist } = useSuspenseQuery(trpc.playlist.get.queryOptions({ id }));
  const items = useSuspenseInfiniteQuery(itemsQueryOptions(trpc, id));
  const entries = useMemo(() => items.data.pages.flatMap((page) => page.items), [items.data]);
  const play = usePlaylistPlayback(entries, items);
  return (
    <article>
      <PlaylistHeader playlist={playlist} />
      <PlaylistActions playlist={playlist} entries={entries} onPlay={(options) => void play(0, options)} />
      <PlaylistTracks
        playlist={playlist}
        entries={entries}
        hasNextPage={items.hasNextPage}
        isFetchingNextPage={items.isFetchingNextPage}
        fetchNextPage={items.fetchNextPage}
        onPlayRow={(index) => void play(index)}
      />
    </article>
  );
}
