"use client";

import { useQuery, useSuspenseInfiniteQuery, useSuspenseQuery } from "@tanstack/react-query";

import { AlbumCard } from "~/components/album-card";
import { AlbumPages } from "~/components/album-pages";
import { GenreCard } from "~/components/genre-card";
import { PlaylistCard, yourPlaylistSubtitle } from "~/components/playlist/playlist-card";
import { Shelf } from "~/components/shelf";
import { nextPage, PAGE } from "~/lib/pages";
import { useTRPC } from "~/trpc/react";

/** The playlists on the home shelf; all of them are in the sidebar and the library. */
const HOME_PLAYLISTS = 12;

/** Home: shelves of what is new, what the listener played, and ways into the catalog. */
export function HomeView() {
  const trpc = useTRPC();
  const { data: home } = useSuspenseQuery(trpc.catalog.home.queryOptions());
  const all = useSuspenseInfiniteQuery(
    trpc.catalog.albums.infiniteQueryOptions({ limit: PAGE.albums }, { getNextPageParam: nextPage }),
  );
  const albums = all.data.pages.flatMap((page) => page.albums);
  // Not suspending: the shelf is an extra, and the sidebar reads the same query in the browser.
  const playlists = useQuery(trpc.playlist.mine.queryOptions()).data ?? [];
  const importing = useQuery(trpc.catalog.importProgress.queryOptions()).data;

  if (albums.length === 0) {
    // While music is being imported, the import's progress (above) says what is coming.
    return importing ? null : (
      <p className="muted">The catalog is empty. Ingest a music folder to fill it (see the README).</p>
    );
  }
  return (
    <>
      {home.recentlyPlayed.items.length > 0 && (
        <Shelf title="Recently played">
          {home.recentlyPlayed.items.map(({ album }) => (
            <li key={album.id}>
              <AlbumCard album={album} subtitle={album.artist.name} />
            </li>
          ))}
        </Shelf>
      )}
      {playlists.length > 0 && (
        <Shelf title="Your playlists">
          {playlists.slice(0, HOME_PLAYLISTS).map((playlist) => (
            <li key={playlist.id}>
              <PlaylistCard playlist={playlist} subtitle={yourPlaylistSubtitle(playlist)} />
            </li>
          ))}
        </Shelf>
      )}
      <Shelf title="New releases" href={home.newReleases.nextCursor ? "/new-releases" : undefined}>
        {home.newReleases.items.map((album) => (
          <li key={album.id}>
            <AlbumCard album={album} />
          </li>
        ))}
      </Shelf>
      {home.genres.items.length > 0 && (
        <Shelf title="Genres" href={home.genres.nextCursor ? "/genres" : undefined}>
          {home.genres.items.map((genre) => (
            <li key={genre.name}>
              <GenreCard genre={genre} />
            </li>
          ))}
        </Shelf>
      )}
      <section aria-labelledby="all-albums">
        <h2 id="all-albums" className="section-title">
          All albums
        </h2>
        <AlbumPages label="All albums" albums={albums} paging={all} />
      </section>
    </>
  );
}
