"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { absoluteUrl, copyText } from "./clipboard";
import { MoreIcon } from "./icons";
import { Menu } from "./menu";
import type { MenuItem } from "./menu";
import { usePlayer } from "./player/player-provider";
import { toPlayerTrack } from "./player/to-player-track";
import type { CatalogTrack } from "./player/to-player-track";
import { AddToPlaylistDialog } from "./playlist/add-to-playlist-dialog";
import { toast } from "./toast";

/**
 * "More options" on a track row: add it to a playlist or the queue, go to its album or artists,
 * copy its link. A page adds its own actions first (a playlist's move and remove).
 */
export function TrackMenu({
  track,
  tabIndex,
  actions = [],
}: {
  track: CatalogTrack;
  tabIndex?: number;
  actions?: MenuItem[];
}) {
  const player = usePlayer();
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const queueable = Boolean(player) && track.playable;
  const items: MenuItem[] = [
    ...actions,
    { label: "Add to playlist…", onSelect: () => setAdding(true), group: actions.length > 0 },
    {
      label: "Add to queue",
      disabled: !queueable,
      onSelect: () => {
        player?.addToQueue([toPlayerTrack(track)]);
        toast(`Added ${track.title} to the queue`);
      },
    },
    {
      label: "Play next",
      disabled: !queueable,
      onSelect: () => {
        player?.playNext([toPlayerTrack(track)]);
        toast(`${track.title} plays next`);
      },
    },
    { label: "Go to album", group: true, onSelect: () => router.push(`/album/${track.album.id}`) },
    ...track.artists.map((artist) => ({
      label: track.artists.length > 1 ? `Go to ${artist.name}` : "Go to artist",
      onSelect: () => router.push(`/artist/${artist.id}`),
    })),
    {
      label: "Copy link",
      group: true,
      onSelect: () => {
        const url = absoluteUrl(`/track/${track.id}`);
        void copyText(url).then((ok) =>
          toast(ok ? "Link copied" : `Copy this link: ${url}`, ok ? "info" : "error"),
        );
      },
    },
  ];
  return (
    <>
      <Menu label={`More options for ${track.title}`} items={items} tabIndex={tabIndex}>
        <MoreIcon size={20} />
      </Menu>
      {adding && (
        <AddToPlaylistDialog trackIds={[track.id]} what={track.title} onClose={() => setAdding(false)} />
      )}
    </>
  );
}
