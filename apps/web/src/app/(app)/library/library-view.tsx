"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useMemo, useState } from "react";

import type { RouterOutputs } from "@cadence/api";

import { EntryImage, entryHref } from "~/components/library/entry-image";
import { useWindowRows } from "~/components/use-window-rows";
import styles from "~/components/library/entries.module.css";
import { REFRESH_ON_MOUNT } from "~/components/library/freshness";
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
    ...REFRESH_ON_MOUNT,
  });
  const entries = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const { fetchNextPage } = query;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

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
          loadingMore={query.isFetchingNextPage}
          loadMore={loadMore}
        />
      )}
    </section>
  );
}

function EntryList({
  entries,
  busy,
  hasMore,
  loadingMore,
  loadMore,
}: {
  entries: Entry[];
  busy: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
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
