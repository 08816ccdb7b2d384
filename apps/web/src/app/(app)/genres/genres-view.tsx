"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";

import { GenreCard } from "~/components/genre-card";
import { LoadMore } from "~/components/load-more";
import { nextPage, PAGE } from "~/lib/pages";
import { useTRPC } from "~/trpc/react";
import { PageHeader } from "~/components/page-header";

/** Every genre; a catalog has dozens, not thousands, so pages are appended without virtualising. */
export function GenresView() {
  const trpc = useTRPC();
  const query = useSuspenseInfiniteQuery(
    trpc.catalog.genres.infiniteQueryOptions({ limit: PAGE.genres }, { getNextPageParam: nextPage }),
  );
  const genres = query.data.pages.flatMap((page) => page.items);
  return (
    <article>
      <PageHeader eyebrow="Browse" title="Genres" />
      <ul className="album-grid" aria-label="Genres">
        {genres.map((genre) => (
          <li key={genre.name}>
            <GenreCard genre={genre} />
          </li>
        ))}
      </ul>
      <LoadMore paging={query} />
    </article>
  );
}
