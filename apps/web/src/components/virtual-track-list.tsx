"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState } from "react";

import type { CatalogTrack } from "./player/to-player-track";
import { TrackListHead, useListPlayback } from "./track-list";
import { TrackRow } from "./track-row";
import { useRovingRows } from "./use-roving-rows";

const ROW_HEIGHT = 57;
/** Ask for the next page while this many loaded rows are still ahead of the listener. */
const LOAD_AHEAD = 20;

export interface VirtualTrackListProps {
  tracks: CatalogTrack[];
  /** All the list's tracks, loaded or not. */
  total: number;
  label: string;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
}

/**
 * A long track list (Liked Songs, a playlist): only the rows in view are in the page, the next
 * page is fetched before the listener scrolls to the end, and it plays like any track list.
 * The table scrolls with the window; rows above and below are stood in for by two spacer rows.
 */
export function VirtualTrackList({
  tracks,
  total,
  label,
  hasMore,
  loadingMore,
  loadMore,
}: VirtualTrackListProps) {
  const list = useListPlayback(tracks);
  const table = useRef<HTMLTableElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    // Where the rows start in the document: the header of the page scrolls away above them.
    const body = table.current?.tBodies[0];
    if (body) setScrollMargin(body.getBoundingClientRect().top + window.scrollY);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: tracks.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin,
  });
  const items = virtualizer.getVirtualItems();
  const roving = useRovingRows(tracks.length, Math.max(0, list.currentIndex), (index) =>
    virtualizer.scrollToIndex(index),
  );
  // The tab stop must be a rendered row, or Tab would skip the list.
  const rendered = items.some((item) => item.index === roving.tabStop);
  const tabStop = rendered ? roving.tabStop : (items[0]?.index ?? 0);

  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= tracks.length - LOAD_AHEAD) loadMore();
  }, [hasMore, loadingMore, lastIndex, tracks.length, loadMore]);

  const before = items[0] ? items[0].start - scrollMargin : 0;
  const after = items.at(-1) ? virtualizer.getTotalSize() - ((items.at(-1)?.end ?? 0) - scrollMargin) : 0;

  return (
    <table ref={table} className="track-list" aria-label={label} aria-rowcount={total + 1}>
      <TrackListHead showAlbum />
      <tbody onKeyDown={roving.onKeyDown}>
        {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
        {items.map((item) => {
          const track = tracks[item.index];
          if (!track) return null;
          const isCurrent = item.index === list.currentIndex;
          const props = roving.rowProps(item.index);
          return (
            <TrackRow
              key={track.id}
              track={track}
              number={item.index + 1}
              showAlbum
              current={isCurrent}
              playing={isCurrent && list.playing}
              rowProps={{
                ...props,
                ref: (row: HTMLTableRowElement | null) => {
                  props.ref(row);
                  if (row) virtualizer.measureElement(row);
                },
                tabIndex: item.index === tabStop ? 0 : -1,
                "data-index": item.index,
                // The heading row is the first.
                "aria-rowindex": item.index + 2,
              }}
              onPlay={() => list.play(track)}
              onPreload={() => list.preload(track)}
            />
          );
        })}
        {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
      </tbody>
    </table>
  );
}
