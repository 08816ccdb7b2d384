"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { HTMLAttributes, MouseEvent } from "react";

import { formatAddedAt } from "../format";
import type { MenuItem } from "../menu";
import { TrackRow } from "../track-row";
import type { PlaylistEntry } from "./playlist-queries";
import styles from "./playlist-tracks.module.css";

export interface PlaylistRowProps {
  entry: PlaylistEntry;
  index: number;
  canEdit: boolean;
  collaborative: boolean;
  current: boolean;
  playing: boolean;
  selected: boolean;
  tabIndex: number;
  /** Measures the row for the virtualiser. */
  measure: (row: HTMLTableRowElement | null) => void;
  onFocus: () => void;
  onSelect: (event: MouseEvent) => void;
  onPlay: () => void;
  onPreload: () => void;
  menuActions: MenuItem[];
}

/**
 * A playlist's row: a track row that can be dragged (when the listener may edit), selected,
 * and that says who added it (on a collaborative playlist) and when.
 */
export function PlaylistRow({
  entry,
  index,
  canEdit,
  collaborative,
  current,
  playing,
  selected,
  tabIndex,
  measure,
  onFocus,
  onSelect,
  onPlay,
  onPreload,
  menuActions,
}: PlaylistRowProps) {
  const sortable = useSortable({ id: entry.itemId, disabled: !canEdit });
  const ref = (row: HTMLTableRowElement | null) => {
    sortable.setNodeRef(row);
    measure(row);
  };
  const classes = [styles.row, selected && styles.selected, sortable.isDragging && styles.dragging];
  return (
    <TrackRow
      track={entry.track}
      number={index + 1}
      showAlbum
      current={current}
      playing={playing}
      rowProps={{
        ref,
        tabIndex,
        onFocus,
        className: classes.filter(Boolean).join(" "),
        "data-index": index,
        "data-item-id": entry.itemId,
        "aria-rowindex": index + 2,
        "aria-selected": selected,
        style: { transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition },
        onClick: (event: MouseEvent) => {
          // A click on the row's own buttons and links does their job, not selection.
          if ((event.target as Element).closest("button, a")) return;
          onSelect(event);
        },
        // The sensors start a drag from a press on the row (MouseSensor, TouchSensor).
        ...(canEdit
          ? (sortable.listeners as Pick<HTMLAttributes<HTMLTableRowElement>, "onMouseDown" | "onTouchStart">)
          : {}),
      }}
      onPlay={onPlay}
      onPreload={onPreload}
      menuActions={menuActions}
      extraCells={
        <>
          {collaborative && (
            <td className={styles.colAddedBy}>{entry.addedBy?.displayName ?? "A former listener"}</td>
          )}
          <td className={styles.colAdded}>
            {/* Old dates are written in the reader's time zone, which the server cannot know. */}
            <time dateTime={entry.addedAt} suppressHydrationWarning>
              {formatAddedAt(entry.addedAt)}
            </time>
          </td>
        </>
      }
    />
  );
}
