"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";

import type { RouterOutputs } from "@cadence/api";

import { EntryImage, entryHref } from "~/components/library/entry-image";
import styles from "~/components/library/entries.module.css";
import { useTRPC } from "~/trpc/react";
import { DEFAULT_ENTRIES, nextEntriesPage } from "./entries-query";
import type { EntriesInput } from "./entries-query";

type Entry = RouterOutputs["library"]["entries"]["items"][number];
type Kind = NonNullable<EntriesInput["kind"]>;

const FILTERS: { kind: Kind; label: string }[] = [
  { kind: "playlist", label: "Playlists" },
  { kind: "album", label: "Albums" },
  { kind: "artist", label: "Artists" },
];

const SORTS: { sort: EntriesInput["sort"]; label: string }[] = [
  { sort: "recent", label: "Recently added" },
  { sort: "alphabetical", label: "Alphabetical" },
  { sort: "creator", label: "Creator" },
];

const ROW_HEIGHT = 72;

/** Your Library: playlists, saved albums and followed artists, filtered and sorted. */
export function LibraryView() {
  const trpc = useTRPC();
  const [input, setInput] = useState<EntriesInput>(DEFAULT_ENTRIES);
  const query = useInfiniteQuery({
    ...trpc.library.entries.infiniteQueryOptions(input, { getNextPageParam: nextEntriesPage }),
    // A new filter or sort keeps the old list up until the new one arrives.
    placeholderData: keepPreviousData,
  });
  const entries = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);

  return (
    <section aria-labelledby="library-title">
      <h1 id="library-title">Your Library</h1>
      <div className={styles.controls}>
        <div className={styles.chips} role="group" aria-label="Show">
          {FILTERS.map(({ kind, label }) => (
            <button
              key={kind}
              type="button"
              className={styles.chip}
              aria-pressed={input.kind === kind}
              onClick={() =>
                setInput(({ kind: shown, ...rest }) => (shown === kind ? rest : { ...rest, kind }))
              }
            >
              {label}
            </button>
          ))}
        </div>
        <label className={styles.sort}>
          Sort by
          <select
            value={input.sort}
            onChange={(event) =>
              setInput((current) => ({ ...current, sort: event.target.value as EntriesInput["sort"] }))
            }
          >
            {SORTS.map(({ sort, label }) => (
              <option key={sort} value={sort}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {query.isError ? (
        <p role="alert">Your library could not be loaded. {query.error.message}</p>
      ) : (
        <EntryList
          entries={entries}
          busy={query.isFetching}
          hasMore={query.hasNextPage}
          loadMore={() => {
            if (!query.isFetchingNextPage) void query.fetchNextPage();
          }}
        />
      )}
    </section>
  );
}

function EntryList({
  entries,
  busy,
  hasMore,
  loadMore,
}: {
  entries: Entry[];
  busy: boolean;
  hasMore: boolean;
  loadMore: () => void;
}) {
  const list = useRef<HTMLUListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    if (list.current) setScrollMargin(list.current.getBoundingClientRect().top + window.scrollY);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: entries.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollMargin,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && lastIndex >= entries.length - 10) loadMore();
  }, [hasMore, lastIndex, entries.length, loadMore]);

  const before = items[0] ? items[0].start - scrollMargin : 0;
  const after = items.at(-1) ? virtualizer.getTotalSize() - ((items.at(-1)?.end ?? 0) - scrollMargin) : 0;
  return (
    <ul
      ref={list}
      className={styles.list}
      aria-label="Your Library"
      aria-busy={busy}
      style={{ paddingTop: before, paddingBottom: after }}
    >
      {items.map((item) => {
        const entry = entries[item.index];
        if (!entry) return null;
        return (
          <li key={`${entry.kind}:${entry.id}`} data-index={item.index} ref={virtualizer.measureElement}>
            <Link href={entryHref(entry)} className={styles.entry}>
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
