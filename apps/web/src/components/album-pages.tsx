"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from "react";

import { AlbumCard } from "./album-card";
import { AlbumGrid } from "./album-grid";
import type { AlbumSummary } from "./album-card";
import styles from "./album-pages.module.css";
import { LoadMore } from "./load-more";
import type { Paging } from "./load-more";

const CARD_MIN = 176;
const GAP = 20;
const NARROW = 760;

const noSubscription = () => () => undefined;
const onClient = () => true;
const onServer = () => false;

/** Columns the way the CSS grid of `.album-grid` would lay them out at this width. */
function columnsFor(width: number): number {
  if (window.innerWidth <= NARROW) return 2;
  return Math.max(1, Math.floor((width + GAP) / (CARD_MIN + GAP)));
}

export interface AlbumPagesProps {
  label: string;
  albums: AlbumSummary[];
  paging: Paging;
}

/**
 * A long grid of albums read page by page: only the rows near the viewport are in the DOM,
 * the next page loads as the end comes into view, and a "Load more" button does the same for
 * keyboards and screen readers.
 */
export function AlbumPages({ label, albums, paging }: AlbumPagesProps) {
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = paging;
  const list = useRef<HTMLDivElement>(null);
  const [columns, setColumns] = useState(4);
  const [offset, setOffset] = useState(0);
  // The server renders a plain grid: the CSP refuses inline style attributes in markup, while
  // styles React sets from script (the virtual rows' positions) are fine.
  const mounted = useSyncExternalStore(noSubscription, onClient, onServer);

  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const measure = () => {
      setColumns(columnsFor(element.clientWidth));
      setOffset(element.getBoundingClientRect().top + window.scrollY);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [mounted]);

  const rows = Math.ceil(albums.length / columns);
  const virtualizer = useWindowVirtualizer({
    count: rows,
    estimateSize: () => 260,
    overscan: 3,
    scrollMargin: offset,
  });
  const shown = virtualizer.getVirtualItems();
  const lastShown = shown.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastShown >= rows - 2) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastShown, rows, fetchNextPage]);

  const more = <LoadMore paging={paging} />;
  if (!mounted) {
    return (
      <>
        <AlbumGrid albums={albums} label={label} />
        {more}
      </>
    );
  }
  return (
    <>
      <div
        ref={list}
        role="list"
        aria-label={label}
        className={styles.list}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {shown.map((row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            className={styles.row}
            style={{
              gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
              transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`,
            }}
          >
            {albums.slice(row.index * columns, (row.index + 1) * columns).map((album) => (
              <div role="listitem" key={album.id}>
                <AlbumCard album={album} />
              </div>
            ))}
          </div>
        ))}
      </div>
      {more}
    </>
  );
}
