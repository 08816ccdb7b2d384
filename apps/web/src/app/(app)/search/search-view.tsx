"use client";

import { useSearchParams } from "next/navigation";
import type { ReactNode } from "react";

import { AlbumCard } from "~/components/album-card";
import { GenreCard } from "~/components/genre-card";
import type { Genre } from "~/components/genre-card";
import { PersonCard } from "~/components/person-card";
import { PlaylistCard } from "~/components/playlist/playlist-card";
import { FacetChips } from "~/components/search/facet-chips";
import { RecentSearches } from "~/components/search/recent-searches";
import { RESULT, resultGroup } from "~/components/search/result-navigation";
import { ResultsArea } from "~/components/search/results-area";
import { readSearchParams, searchHref } from "~/components/search/search-url";
import type { SearchParams } from "~/components/search/search-url";
import { SearchStatus } from "~/components/search/search-status";
import { SONGS_SHOWN, SongResults } from "~/components/search/song-results";
import styles from "~/components/search/search.module.css";
import { TopResult } from "~/components/search/top-result";
import { hasResults, useRememberSearch, useSearchResults } from "~/components/search/use-search";
import type { SearchResults } from "~/components/search/use-search";
import { Shelf } from "~/components/shelf";
import { useListPlayback } from "~/components/track-list";

/**
 * The search page: with an empty box, recent searches and genres to browse; with a query, the
 * top result, songs, and a shelf per kind, narrowed by facet chips. Results answer as the
 * listener types; opening or playing one remembers the search.
 */
export function SearchView() {
  const params = readSearchParams(useSearchParams());
  const search = useSearchResults(params);
  const remember = useRememberSearch();
  const results = search.data;
  const stale = search.isPlaceholderData;
  const act = () => results && remember(results.query);

  return (
    <div className={styles.page}>
      <h1 className="visually-hidden">Search</h1>
      <SearchStatus results={results} stale={stale} error={search.error} />
      {!search.isError && results && (
        <ResultsArea stale={stale} onAct={act}>
          {results.query === "" ? (
            <Browse categories={results.categories} />
          ) : (
            <Results results={results} params={params} onPlay={act} />
          )}
        </ResultsArea>
      )}
    </div>
  );
}

function Browse({ categories }: { categories: Genre[] }) {
  return (
    <>
      <RecentSearches />
      {categories.length > 0 && (
        <section aria-labelledby="browse-all">
          <h2 id="browse-all" className="section-title">
            Browse all
          </h2>
          <ul className="album-grid" aria-label="Browse all" {...resultGroup("grid")}>
            {categories.map((genre) => (
              <li key={genre.name} {...RESULT}>
                <GenreCard genre={genre} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function Results({
  results,
  params,
  onPlay,
}: {
  results: SearchResults;
  params: SearchParams;
  onPlay: () => void;
}) {
  const list = useListPlayback(results.tracks.items);
  const { top, tracks, artists, albums, playlists, profiles } = results;
  // "Show all" keeps the facets picked, under the query these results answer.
  const all = (page: { items: unknown[]; nextCursor: string | null }, slug: string, shown = Infinity) =>
    page.nextCursor || page.items.length > shown
      ? searchHref({ ...params, query: results.query }, slug)
      : undefined;
  const found = hasResults(results);
  const filtered = params.genre !== undefined || params.year !== undefined;

  return (
    <>
      {results.corrected && (
        <p className={styles.corrected}>
          Showing results for <strong>{results.corrected}</strong>
        </p>
      )}
      <FacetChips facets={results.facets} params={params} />
      {!found ? (
        <div className={styles.empty}>
          <h2>No results found for “{results.query}”</h2>
          <p className="muted">
            {filtered
              ? "Nothing matches with these filters: press a chosen chip again to remove it."
              : "Check the spelling, or try fewer or different words."}
          </p>
        </div>
      ) : (
        <>
          <div className={styles.topRow}>
            {top && <TopResult top={top} playTrack={list.play} onPlay={onPlay} />}
            {tracks.items.length > 0 && (
              <SongResults
                tracks={tracks.items}
                list={list}
                showAllHref={all(tracks, "songs", SONGS_SHOWN) ?? null}
                onPlay={onPlay}
              />
            )}
          </div>
          <ResultShelf title="Artists" href={all(artists, "artists")}>
            {artists.items.map((artist) => (
              <li key={artist.id} {...RESULT}>
                <PersonCard
                  href={`/artist/${artist.id}`}
                  name={artist.name}
                  imageUrl={artist.imageUrl}
                  subtitle="Artist"
                />
              </li>
            ))}
          </ResultShelf>
          <ResultShelf title="Albums" href={all(albums, "albums")}>
            {albums.items.map((album) => (
              <li key={album.id} {...RESULT}>
                <AlbumCard album={album} />
              </li>
            ))}
          </ResultShelf>
          <ResultShelf title="Playlists" href={all(playlists, "playlists")}>
            {playlists.items.map((playlist) => (
              <li key={playlist.id} {...RESULT}>
                <PlaylistCard
                  playlist={{ id: playlist.id, name: playlist.name, coverUrls: playlist.imageUrls }}
                  subtitle={`By ${playlist.owner.displayName}`}
                />
              </li>
            ))}
          </ResultShelf>
          <ResultShelf title="Profiles" href={all(profiles, "profiles")}>
            {profiles.items.map((profile) => (
              <li key={profile.id} {...RESULT}>
                <PersonCard
                  href={`/user/${profile.username}`}
                  name={profile.displayName}
                  imageUrl={profile.avatarUrl}
                  subtitle="Profile"
                />
              </li>
            ))}
          </ResultShelf>
        </>
      )}
    </>
  );
}

/** A kind's shelf, left out when nothing of that kind was found. */
function ResultShelf({
  title,
  href,
  children,
}: {
  title: string;
  href: string | undefined;
  children: ReactNode[];
}) {
  if (children.length === 0) return null;
  return (
    <div {...resultGroup("row")}>
      <Shelf title={title} href={href}>
        {children}
      </Shelf>
    </div>
  );
}
