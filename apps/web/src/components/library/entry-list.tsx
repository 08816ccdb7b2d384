"use client";

import Link from "next/link";
import type { HTMLAttributes } from "react";

import { useWindowRows } from "../use-window-rows";
import { EntryImage } from "./entry-image";
import styles from "./entries.module.css";

/** One row of an entry list: a picture, a name and a line under it, leading somewhere. */
export interface ListEntry {
  key: string;
  href: string;
  /** Decides the picture's shape: artists and listeners are round. */
  kind: string;
  name: string;
  subtitle: string;
  imageUrls: string[];
}

const ROW_HEIGHT = 72;

/**
 * A long list of entries (the library, a search's artists or playlists) scrolling with the
 * window: only the rows in view are in the page, and the next page loads before the end.
 */
export function EntryList({
  entries,
  label,
  busy,
  hasMore,
  loadingMore,
  loadMore,
  itemProps,
}: {
  entries: ListEntry[];
  label: string;
  busy: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  /** Attributes each row's item carries (a search marks its results for keyboard moves). */
  itemProps?: HTMLAttributes<HTMLLIElement> & { [data: `data-${string}`]: string | boolean };
}) {
  const { container, virtualizer, items, before, after } = useWindowRows<HTMLUListElement>({
    count: entries.length,
    estimateSize: ROW_HEIGHT,
    overscan: 6,
    more: { hasMore, busy: loadingMore, ahead: 10, load: loadMore },
  });
  return (
    <ul
      ref={container}
      className={styles.list}
      aria-label={label}
      aria-busy={busy}
      style={{ paddingTop: before, paddingBottom: after }}
    >
      {items.map((item) => {
        const entry = entries[item.index];
        if (!entry) return null;
        return (
          <li key={entry.key} data-index={item.index} ref={virtualizer.measureElement} {...itemProps}>
            <Link href={entry.href} className={styles.entry}>
              <EntryImage kind={entry.kind} imageUrls={entry.imageUrls} />
              <span className={styles.text}>
                <span className={styles.name}>{entry.name}</span>
                <span className={styles.subtitle}>{entry.subtitle}</span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
