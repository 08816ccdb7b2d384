"use client";

import Link from "next/link";
import { useId } from "react";
import type { HTMLAttributes, KeyboardEvent, ReactNode, Ref } from "react";

import { ArtistLinks } from "./artist-links";
import { formatTime } from "./format";
import { PauseIcon, PlayIcon } from "./icons";
import { LikeButton } from "./library/like-button";
import likeStyles from "./library/library.module.css";
import type { MenuItem } from "./menu";
import type { CatalogTrack } from "./player/to-player-track";
import { TrackMenu } from "./track-menu";

export interface TrackRowProps {
  track: CatalogTrack;
  number: number;
  showAlbum: boolean;
  current: boolean;
  playing: boolean;
  /** The row holding the list's tab stop: its own controls are in the tab order too. */
  rowProps: { ref: Ref<HTMLTableRowElement>; tabIndex: number; onFocus: () => void } & Omit<
    HTMLAttributes<HTMLTableRowElement>,
    "onKeyDown" | "onMouseEnter" | "onDoubleClick"
  > & { [data: `data-${string}`]: string | number };
  onPlay: () => void;
  onPreload: () => void;
  /** Columns a list adds before the duration (a playlist's "added by" and date added). */
  extraCells?: ReactNode;
  /** Actions a list puts first in the row's menu (a playlist's move and remove). */
  menuActions?: MenuItem[];
}

/** One track: Enter or a double click plays it; an unavailable one says why, in words. */
export function TrackRow({
  track,
  number,
  showAlbum,
  current,
  playing,
  rowProps,
  onPlay,
  onPreload,
  extraCells,
  menuActions,
}: TrackRowProps) {
  const reasonId = useId();
  const inner = rowProps.tabIndex;
  const reason = track.playable ? null : (track.unavailableReason ?? "This track is not available");
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    // The context-menu key and Shift+F10 open the row's menu from anywhere in the row.
    if (event.key === "ContextMenu" || (event.key === "F10" && event.shiftKey)) {
      if (openRowMenu(event.currentTarget)) event.preventDefault();
      return;
    }
    // Only the row itself: Enter on a link or button inside it does that control's job.
    if (event.key !== "Enter" || event.target !== event.currentTarget) return;
    event.preventDefault();
    if (track.playable) onPlay();
  };
  return (
    <tr
      {...rowProps}
      className={`${rowProps.className ?? ""}${current ? " current" : ""}${track.playable ? "" : " unavailable"}`}
      aria-current={current ? "true" : undefined}
      aria-disabled={track.playable ? undefined : true}
      onKeyDown={onKeyDown}
      onMouseEnter={() => track.playable && onPreload()}
      onDoubleClick={() => track.playable && onPlay()}
      // A right click opens the row's own menu instead of the browser's, as in any music app.
      onContextMenu={(event) => {
        if (openRowMenu(event.currentTarget)) event.preventDefault();
      }}
    >
      <td className="col-index">
        <span className="index">{number}</span>
        <button
          type="button"
          className="row-play"
          tabIndex={inner}
          aria-label={`${playing ? "Pause" : "Play"} ${track.title}`}
          aria-describedby={reason ? reasonId : undefined}
          disabled={!track.playable}
          onClick={onPlay}
        >
          {playing ? <PauseIcon size={18} /> : <PlayIcon size={18} />}
        </button>
      </td>
      <td>
        <div className="track-title">
          <Link href={`/track/${track.id}`} tabIndex={inner} className="track-link">
            {track.title}
          </Link>
          {track.explicit && (
            <span className="explicit" title="Explicit">
              <span aria-hidden="true">E</span>
              <span className="visually-hidden">(explicit)</span>
            </span>
          )}
        </div>
        <div className="track-artists">
          <ArtistLinks artists={track.artists} tabIndex={inner} />
          {showAlbum && (
            // On a phone the album column is gone; the album rides along with the artists.
            <span className="track-album-inline">
              {" · "}
              <Link href={`/album/${track.album.id}`} tabIndex={inner}>
                {track.album.title}
              </Link>
            </span>
          )}
        </div>
        {reason && (
          <div className="track-reason" id={reasonId}>
            {reason}
          </div>
        )}
      </td>
      {showAlbum && (
        <td className="col-album">
          <Link href={`/album/${track.album.id}`} tabIndex={inner}>
            {track.album.title}
          </Link>
        </td>
      )}
      <td className="col-like">
        <LikeButton track={track} tabIndex={inner} className={likeStyles.rowLike} />
      </td>
      {extraCells}
      <td className="col-duration">{formatTime(track.durationMs / 1000)}</td>
      <td className="col-menu">
        <TrackMenu track={track} tabIndex={inner} actions={menuActions} />
      </td>
    </tr>
  );
}

/** Opens the "More options" menu of the row (true when there is one to open). */
function openRowMenu(row: HTMLTableRowElement): boolean {
  const button = row.querySelector<HTMLButtonElement>(".col-menu button[aria-haspopup=menu]");
  if (!button) return false;
  if (button.getAttribute("aria-expanded") !== "true") button.click();
  return true;
}
