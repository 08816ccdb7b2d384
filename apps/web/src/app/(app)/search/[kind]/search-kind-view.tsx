"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

import { AlbumPages } from "~/components/album-pages";
import { EntryList } from "~/components/library/entry-list";
import type { ListEntry } from "~/components/library/entry-list";
import { PageHeader } from "~/components/page-header";
import { FacetChips } from "~/components/search/facet-chips";
import { RESULT, resultGroup } from "~/components/search/result-navigation";
import { ResultsArea } from "~/components/search/results-area";
import { kindBySlug, readSearchParams, searchHref } from "~/components/search/search-url";
import { SearchStatus } from "~/components/search/search-status";
import styles from "~/components/search/search.module.css";
import { useKindResults, useRememberSearch } from "~/components/search/use-search";
import type { SearchResults } from "~/components/search/use-search";
import { VirtualTrackList } from "~/components/virtual-track-list";

type Pages = SearchResults[];

/** Artists, playlists and profiles as rows of an entry list. */
function entriesOf(kind: "artist" | "playlist" | "profile", pages: Pages): ListEntry[] {
  return pages.flatMap((page): ListEntry[] => {
    if (kind === "artist")
      return page.artists.items.map((a) => ({
        key: a.id,
        href: `/artist/${a.id}`,
        kind,
        name: a.name,
        subtitle: "Artist",
        imageUrls: a.imageUrl ? [a.imageUrl] : [],
      }));
    if (kind === "playlist")
      return page.playlists.items.map((p) => ({
        key: p.id,
        href: `/playlist/${p.id}`,
        kind,
        name: p.name,
        subtitle: `Playlist · By ${p.owner.displayName}`,
        imageUrls: p.imageUrls,
      }));
    return page.profiles.items.map((p) => ({
      key: p.id,
      href: `/user/${p.username}`,
      kind,
      name: p.displayName,
      subtitle: `Profile · @${p.username}`,
      imageUrls: p.avatarUrl ? [p.avatarUrl] : [],
    }));
  });
}

/**
 * Everything of one kind a search found, read page by page as the listener scrolls (only the rows
 * in view are in the page). The header's box still types into it; Escape goes back to the box.
 */
export function SearchKindView({ slug }: { slug: string }) {
  const info = kindBySlug(slug) ?? { kind: "track", slug: "songs", title: "Songs" };
  const params = readSearchParams(useSearchParams());
  const search = useKindResults(info.kind, params);
  const remember = useRememberSearch();
  const pages = useMemo(() => search.data?.pages ?? [], [search.data]);
  const first = pages[0];
  const query = first?.query ?? "";
  const stale = search.isPlaceholderData;
  const act = () => remember(query);
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = search;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const tracks = useMemo(() => pages.flatMap((page) => page.tracks.items), [pages]);
  const albums = useMemo(() => pages.flatMap((page) => page.albums.items), [pages]);
  const entries = useMemo(
    () => (info.kind === "track" || info.kind === "album" ? [] : entriesOf(info.kind, pages)),
    [info.kind, pages],
  );
  const count =
    info.kind === "track" ? tracks.length : info.kind === "album" ? albums.length : entries.length;
  const label = `${info.title} for “${query}”`;

  return (
    <ResultsArea stale={stale} onAct={act}>
      <PageHeader eyebrow="Search" title={info.title}>
        {query && (
          <>
            for “{query}” · <Link href={searchHref({ ...params, query })}>All results</Link>
          </>
        )}
      </PageHeader>
      <SearchStatus results={first} stale={stale} error={search.error} />
      {first && query && <FacetChips facets={first.facets} params={params} slug={slug} />}
      {!search.error && first && !query && (
        <p className="muted">Type in the search box to find {info.title.toLowerCase()}.</p>
      )}
      {!search.error && first && query && count === 0 && (
        <div className={styles.empty}>
          <h2>
            No {info.title.toLowerCase()} found for “{query}”
          </h2>
        </div>
      )}
      {count > 0 && info.kind === "track" && (
        <div {...resultGroup("column")}>
          <VirtualTrackList
            tracks={tracks}
            label={label}
            hasMore={hasNextPage}
            loadingMore={isFetchingNextPage}
            loadMore={loadMore}
            onPlay={act}
          />
        </div>
      )}
      {count > 0 && info.kind === "album" && (
        <div {...resultGroup("grid")}>
          <AlbumPages label={label} albums={albums} paging={search} />
        </div>
      )}
      {count > 0 && entries.length > 0 && (
        <div {...resultGroup("column")}>
          <EntryList
            entries={entries}
            label={label}
            busy={stale}
            hasMore={hasNextPage}
            loadingMore={isFetchingNextPage}
            loadMore={loadMore}
            itemProps={RESULT}
          />
        </div>
      )}
    </ResultsArea>
  );
}
