"use client";

import type { CatalogTrack } from "./player/to-player-track";
import { TrackListHead, useListPlayback } from "./track-list";
import { TrackRow } from "./track-row";
import { useRovingRows } from "./use-roving-rows";
import { useWindowRows } from "./use-window-rows";

const ROW_HEIGHT = 57;
/** Ask for the next page while this many loaded rows are still ahead of the listener. */
const LOAD_AHEAD = 20;

export interface VirtualTrackListProps {
  tracks: CatalogTrack[];
  /** All the list's tracks, loaded or not; undefined when the list does not know (a search). */
  total?: number | undefined;
  label: string;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  /** Told when a track starts from this list (a search remembers itself). */
  onPlay?: (track: CatalogTrack) => void;
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
  onPlay,
}: VirtualTrackListProps) {
  const list = useListPlayback(tracks);
  const { container, virtualizer, items, before, after } = useWindowRows<HTMLTableSectionElement>({
    count: tracks.length,
    estimateSize: ROW_HEIGHT,
    more: { hasMore, busy: loadingMore, ahead: LOAD_AHEAD, load: loadMore },
  });
  const roving = useRovingRows(tracks.length, Math.max(0, list.currentIndex), (index) =>
    virtualizer.scrollToIndex(index),
  );
  // The tab stop must be a rendered row, or Tab would skip the list.
  const rendered = items.some((item) => item.index === roving.tabStop);
  const tabStop = rendered ? roving.tabStop : (items[0]?.index ?? 0);

  return (
    <table className="track-list" aria-label={label} aria-rowcount={total === undefined ? -1 : total + 1}>
      <TrackListHead showAlbum />
      <tbody ref={container} onKeyDown={roving.onKeyDown}>
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
              onPlay={() => {
                onPlay?.(track);
                list.play(track);
              }}
              onPreload={() => list.preload(track)}
            />
          );
        })}
        {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
      </tbody>
    </table>
  );
}
