"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";

import type { RouterOutputs } from "@cadence/api";

import { entryHref } from "~/components/library/entry-image";
import { EntryList } from "~/components/library/entry-list";
import type { ListEntry } from "~/components/library/entry-list";
import styles from "~/components/library/entries.module.css";
import { REFRESH_ON_MOUNT } from "~/components/library/freshness";
import { useTRPC } from "~/trpc/react";
import { DEFAULT_ENTRIES, nextEntriesPage } from "./entries-query";
import type { EntriesInput } from "./entries-query";

type Entry = RouterOutputs["library"]["entries"]["items"][number];

const toListEntry = (entry: Entry): ListEntry => ({
  key: `${entry.kind}:${entry.id}`,
  href: entryHref(entry),
  kind: entry.kind,
  name: entry.name,
  subtitle: entry.subtitle,
  imageUrls: entry.imageUrls,
});

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
  const entries = useMemo(
    () => query.data?.pages.flatMap((page) => page.items.map(toListEntry)) ?? [],
    [query.data],
  );
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
          label="Your Library"
          busy={query.isFetching}
          hasMore={query.hasNextPage}
          loadingMore={query.isFetchingNextPage}
          loadMore={loadMore}
        />
      )}
    </section>
  );
}
