"use client";

import { useState } from "react";

import { absoluteUrl, copyText } from "../clipboard";
import { MoreIcon, PauseIcon, PlayIcon, ShuffleIcon } from "../icons";
import { Menu } from "../menu";
import type { MenuItem } from "../menu";
import { useNowPlaying, usePlayer } from "../player/player-provider";
import { toast } from "../toast";
import { CollaboratorsDialog } from "./collaborators-dialog";
import { DeletePlaylistDialog } from "./delete-playlist-dialog";
import { EditDetailsDialog } from "./edit-details-dialog";
import type { PlaylistEntry, PlaylistView } from "./playlist-queries";
import menuStyles from "../menu.module.css";
import styles from "./playlist-page.module.css";

type Open = "details" | "collaborators" | "delete" | null;

const isPlaying = (status: string) => status === "playing" || status === "buffering" || status === "loading";

/** Play, Shuffle, and the playlist's menu (what it offers depends on the listener's role). */
export function PlaylistActions({
  playlist,
  entries,
  onPlay,
}: {
  playlist: PlaylistView;
  entries: PlaylistEntry[];
  onPlay: (options: { shuffle?: boolean }) => void;
}) {
  const player = usePlayer();
  const { track: current, status } = useNowPlaying();
  const [open, setOpen] = useState<Open>(null);
  const playable = entries.some((e) => e.track.playable);
  const fromHere = Boolean(current && entries.some((e) => e.track.id === current.id));
  const playing = fromHere && isPlaying(status);

  const copyLink = () => {
    const url = absoluteUrl(`/playlist/${playlist.id}`);
    void copyText(url).then((ok) =>
      toast(ok ? "Link copied" : `Copy this link: ${url}`, ok ? "info" : "error"),
    );
  };
  const items: MenuItem[] = [
    ...(playlist.isOwner ? [{ label: "Edit details…", onSelect: () => setOpen("details") }] : []),
    {
      label: playlist.isOwner ? "Invite collaborators…" : "Collaborators…",
      onSelect: () => setOpen("collaborators"),
    },
    { label: "Copy link", onSelect: copyLink },
    ...(playlist.isOwner
      ? [{ label: "Delete playlist…", danger: true, group: true, onSelect: () => setOpen("delete") }]
      : []),
  ];

  return (
    <div className={styles.actions}>
      <button
        type="button"
        className="play-all"
        aria-label={`${playing ? "Pause" : "Play"} ${playlist.name}`}
        disabled={!player || !playable}
        onClick={() => (fromHere && player ? void player.toggle() : onPlay({}))}
        onMouseEnter={() => {
          const first = entries.find((e) => e.track.playable);
          if (first) void player?.preload(first.track.id);
        }}
      >
        {playing ? <PauseIcon size={28} /> : <PlayIcon size={28} />}
      </button>
      <button
        type="button"
        className={`icon-button ${styles.shuffle}`}
        aria-label={`Shuffle ${playlist.name}`}
        disabled={!player || !playable}
        onClick={() => onPlay({ shuffle: true })}
      >
        <ShuffleIcon />
      </button>
      <Menu
        label={`More options for ${playlist.name}`}
        items={items}
        className={`${menuStyles.trigger} ${styles.more}`}
      >
        <MoreIcon size={28} />
      </Menu>
      {open === "details" && <EditDetailsDialog playlist={playlist} onClose={() => setOpen(null)} />}
      {open === "collaborators" && <CollaboratorsDialog playlist={playlist} onClose={() => setOpen(null)} />}
      {open === "delete" && <DeletePlaylistDialog playlist={playlist} onClose={() => setOpen(null)} />}
    </div>
  );
}
