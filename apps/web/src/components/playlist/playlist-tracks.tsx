"use client";

import {
  closestCenter,
  DndContext,
  DragOverlay,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import type { Announcements, DragEndEvent, Modifier } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { defaultRangeExtractor, useWindowVirtualizer } from "@tanstack/react-virtual";
import type { Range } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { MouseEvent } from "react";

import { usePlayer, useNowPlaying, useRememberStreams } from "../player/player-provider";
import { toast } from "../toast";
import { TrackListHead } from "../track-list";
import { PlaylistRow } from "./playlist-row";
import type { PlaylistEntry, PlaylistView } from "./playlist-queries";
import { onRowKeyDown } from "./row-keys";
import { NO_SELECTION, select } from "./row-selection";
import type { SelectionAction } from "./row-selection";
import { SelectionBar } from "./selection-bar";
import { usePlaylistEdits } from "./use-playlist-edits";
import styles from "./playlist-tracks.module.css";

const ROW_ESTIMATE = 58;
const isPlaying = (status: string) => status === "playing" || status === "buffering" || status === "loading";
// Rows only ever move up and down.
const vertical: Modifier = ({ transform }) => ({ ...transform, x: 0 });
const songs = (n: number) => `${n} ${n === 1 ? "song" : "songs"}`;

/**
 * The empty space before each rendered row and after the last: a table cannot place rows
 * absolutely, so spacer rows stand in for the rows not rendered (the pinned rows leave holes).
 */
function spacing(rows: { start: number; size: number }[], offset: number, total: number) {
  const gaps: number[] = [];
  let end = 0;
  for (const row of rows) {
    gaps.push(row.start - offset - end);
    end = row.start - offset + row.size;
  }
  return { gaps, rest: total - end };
}

/**
 * A playlist's rows: virtualised over the window's scroll (a 10,000-row playlist renders a
 * screenful), loaded a page at a time as the listener scrolls, reordered by dragging or by
 * Alt+↑/↓ and the row menu, selected with the pointer or Shift+↑/↓, removed one or many.
 */
export function PlaylistTracks({
  playlist,
  entries,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  onPlayRow,
}: {
  playlist: PlaylistView;
  entries: PlaylistEntry[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  onPlayRow: (index: number) => void;
}) {
  const player = usePlayer();
  const { track: current, status } = useNowPlaying();
  const { move, remove } = usePlaylistEdits(playlist.id);
  const { canEdit, isCollaborative } = playlist;
  const tracks = useMemo(() => entries.map((e) => e.track), [entries]);
  useRememberStreams(tracks);

  const [selection, setSelection] = useState(NO_SELECTION);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [scrollMargin, setScrollMargin] = useState(0);
  const tbody = useRef<HTMLTableSectionElement>(null);
  // What the keyboard asked to focus, as a selector: by item id, since a move renders twice
  // (the focus state first, the moved rows after) and an index would name the wrong row between.
  const pendingFocus = useRef<{ selector: string; index: number } | null>(null);

  const order = useMemo(() => entries.map((e) => e.itemId), [entries]);
  const indexOf = (itemId: unknown) => order.indexOf(String(itemId));
  const titleAt = (index: number) => entries[index]?.track.title ?? "The track";
  const count = hasNextPage ? Math.max(playlist.itemCount, entries.length) : entries.length;
  const dragIndex = activeId === null ? -1 : indexOf(activeId);

  // Rows kept rendered whatever the scroll: the focused one (focus must not drop to the page)
  // and the dragged one (drag and drop needs its node).
  const rangeExtractor = useCallback(
    (range: Range) => {
      const shown = defaultRangeExtractor(range);
      const extra = [focusIndex ?? -1, dragIndex].filter(
        (i) => i >= 0 && i < range.count && !shown.includes(i),
      );
      return extra.length === 0 ? shown : [...new Set([...shown, ...extra])].sort((a, b) => a - b);
    },
    [focusIndex, dragIndex],
  );
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 12,
    scrollMargin,
    rangeExtractor,
    getItemKey: (index) => entries[index]?.itemId ?? `row-${index}`,
    // The server renders the first screenful (the browser then measures the real window).
    initialRect: { width: 1280, height: 900 },
  });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? 0;

  // Where the list starts on the page moves when the header above it changes size.
  useEffect(() => {
    const measure = () => {
      const top = (tbody.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
      setScrollMargin((was) => (Math.abs(was - top) < 1 ? was : top));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  // The next page loads before the listener reaches the end of what is loaded.
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastShown >= entries.length - 30) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastShown, entries.length, fetchNextPage]);

  // Rows that went away (removed here or by someone else) leave the selection.
  const present = useMemo(() => new Set(order), [order]);
  if ([...selection.ids].some((id) => !present.has(id))) {
    setSelection(select(selection, order, { kind: "keep", present }));
  }

  // Focus follows a row the keyboard asked for once it is rendered (after a scroll or a move).
  useEffect(() => {
    const wanted = pendingFocus.current;
    if (wanted === null) return;
    const found = tbody.current?.querySelector<HTMLElement>(wanted.selector);
    if (!found) return;
    if (document.activeElement !== found) found.focus();
    // Done once the row stands where it was sent (re-ordering the DOM can drop focus on the way).
    if (found.closest("tr")?.dataset.index === String(wanted.index)) pendingFocus.current = null;
  });

  /** Focuses the row that is (or, after a move, will be) at `index`: `itemId`'s, or its menu button. */
  const focusRow = (index: number, itemId = entries[index]?.itemId, part: "row" | "menu" = "row") => {
    if (itemId === undefined) return;
    const row = `tr[data-item-id="${itemId}"]`;
    pendingFocus.current = { selector: part === "menu" ? `${row} [aria-haspopup="menu"]` : row, index };
    setFocusIndex(index);
    if (!rows.some((r) => r.index === index)) virtualizer.scrollToIndex(index, { align: "auto" });
  };
  const choose = (action: SelectionAction) => setSelection((s) => select(s, order, action));

  const moveTo = async (from: number, to: number, focus: "row" | "menu" = "row") => {
    const moved = entries[from];
    if (!moved || to < 0 || to >= entries.length || from === to) return;
    const title = titleAt(from);
    focusRow(to, moved.itemId, focus);
    setAnnouncement(`Moved ${title} to position ${to + 1} of ${count}.`);
    await move(from, to);
    // Saved or refused, the rows have settled: stop following the moved one.
    pendingFocus.current = null;
  };

  const removeRows = async (itemIds: string[], focusAfter?: number) => {
    if (itemIds.length === 0) return;
    const only = entries.find((e) => e.itemId === itemIds[0]);
    if (focusAfter !== undefined) {
      const gone = new Set(itemIds);
      const left = entries.filter((e) => !gone.has(e.itemId));
      const at = Math.min(focusAfter, left.length - 1);
      focusRow(at, left[at]?.itemId);
    }
    choose({ kind: "clear" });
    const saved = await remove(itemIds);
    if (saved) {
      toast(
        itemIds.length === 1
          ? `Removed ${only?.track.title ?? "the song"} from ${playlist.name}`
          : `Removed ${songs(itemIds.length)} from ${playlist.name}`,
      );
    }
  };
  const removeSelectedOr = (index: number) => {
    const focused = entries[index];
    const ids = selection.ids.size > 0 ? [...selection.ids] : focused ? [focused.itemId] : [];
    void removeRows(ids, index);
  };

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveId(null);
    if (!over || active.id === over.id) return;
    void moveTo(indexOf(active.id), indexOf(over.id));
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleAt(indexOf(active.id))}.`,
    onDragOver: ({ active, over }) =>
      over ? `${titleAt(indexOf(active.id))} is over position ${indexOf(over.id) + 1}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over ? `Dropped ${titleAt(indexOf(active.id))} at position ${indexOf(over.id) + 1}.` : undefined,
    onDragCancel: ({ active }) => `Moving ${titleAt(indexOf(active.id))} was cancelled.`,
  };

  const columns = 6 + (isCollaborative ? 1 : 0);
  const tabStop =
    focusIndex ??
    Math.max(
      0,
      entries.findIndex((e) => e.track.id === current?.id),
    );
  const { gaps, rest } = spacing(rows, scrollMargin, virtualizer.getTotalSize());
  const body = rows.flatMap((row, n) => {
    const gap = gaps[n] ?? 0;
    const spacer =
      gap > 0
        ? [
            <tr
              key={`gap-${row.index}`}
              aria-hidden="true"
              style={{ height: gap }}
              className={styles.spacer}
            />,
          ]
        : [];
    const entry = entries[row.index];
    if (!entry) {
      return [
        ...spacer,
        <tr key={row.key} aria-hidden="true" className={styles.placeholder} style={{ height: row.size }}>
          <td colSpan={columns}>
            <span />
          </td>
        </tr>,
      ];
    }
    const i = row.index;
    const isCurrent = entry.track.id === current?.id;
    return [
      ...spacer,
      <PlaylistRow
        key={row.key}
        entry={entry}
        index={i}
        canEdit={canEdit}
        collaborative={isCollaborative}
        current={isCurrent}
        playing={isCurrent && isPlaying(status)}
        selected={selection.ids.has(entry.itemId)}
        tabIndex={i === tabStop ? 0 : -1}
        measure={virtualizer.measureElement}
        onFocus={() => setFocusIndex(i)}
        onSelect={(event: MouseEvent) =>
          choose({
            kind: "click",
            id: entry.itemId,
            toggle: event.ctrlKey || event.metaKey,
            range: event.shiftKey,
          })
        }
        onPlay={() => (isCurrent && player ? void player.toggle() : onPlayRow(i))}
        onPreload={() => void player?.preload(entry.track.id)}
        menuActions={
          canEdit
            ? [
                { label: "Move up", disabled: i === 0, onSelect: () => void moveTo(i, i - 1, "menu") },
                {
                  label: "Move down",
                  disabled: i >= entries.length - 1,
                  onSelect: () => void moveTo(i, i + 1),
                },
                { label: "Remove from this playlist", onSelect: () => void removeRows([entry.itemId], i) },
              ]
            : []
        }
      />,
    ];
  });

  return (
    <>
      <SelectionBar
        count={selection.ids.size}
        canEdit={canEdit}
        trackIds={entries.filter((e) => selection.ids.has(e.itemId)).map((e) => e.track.id)}
        onRemove={() => void removeRows([...selection.ids])}
        onClear={() => choose({ kind: "clear" })}
      />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        modifiers={[vertical]}
        accessibility={{ announcements }}
        // Scroll only near the window's top or bottom edge (the bottom one under the player bar).
        autoScroll={{ threshold: { x: 0, y: 0.12 } }}
        onDragStart={({ active }) => setActiveId(String(active.id))}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActiveId(null)}
      >
        <SortableContext items={order} strategy={verticalListSortingStrategy}>
          <table
            className={`track-list ${styles.table} ${canEdit ? styles.editable : ""}`}
            aria-label={`Tracks of ${playlist.name}`}
            aria-rowcount={count + 1}
            aria-multiselectable="true"
          >
            <TrackListHead
              showAlbum
              extra={
                <>
                  {isCollaborative && (
                    <th scope="col" className={styles.colAddedBy}>
                      Added by
                    </th>
                  )}
                  <th scope="col" className={styles.colAdded}>
                    Date added
                  </th>
                </>
              }
            />
            <tbody
              ref={tbody}
              onKeyDown={(event) =>
                onRowKeyDown(event, {
                  count: entries.length,
                  canEdit,
                  hasSelection: selection.ids.size > 0,
                  focus: focusRow,
                  extendTo: (index, from) => {
                    const [to, at] = [entries[index], entries[from]];
                    if (to && at) choose({ kind: "extend", id: to.itemId, from: at.itemId });
                  },
                  anchorAt: (index) => {
                    const entry = entries[index];
                    if (entry) choose({ kind: "anchor", id: entry.itemId });
                  },
                  moveBy: (index, by) => void moveTo(index, index + by),
                  selectAll: () => choose({ kind: "all" }),
                  clearSelection: () => choose({ kind: "clear" }),
                  removeSelected: removeSelectedOr,
                })
              }
            >
              {body}
              {rest > 0 && <tr aria-hidden="true" style={{ height: rest }} className={styles.spacer} />}
            </tbody>
          </table>
        </SortableContext>
        <DragOverlay>
          {dragIndex >= 0 && (
            <div className={styles.dragCard}>
              <strong>{titleAt(dragIndex)}</strong>
              <span>{entries[dragIndex]?.track.artists.map((a) => a.name).join(", ")}</span>
            </div>
          )}
        </DragOverlay>
      </DndContext>
      {entries.length === 0 && !hasNextPage && (
        <p className={styles.empty}>
          {canEdit
            ? "This playlist is empty. Add songs from any track's “More options” menu, or a whole album from its page."
            : "This playlist is empty."}
        </p>
      )}
    </>
  );
}
