"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";

import { AlbumPages } from "~/components/album-pages";
import { nextPage, PAGE } from "~/lib/pages";
import { useTRPC } from "~/trpc/react";
import { PageHeader } from "~/components/page-header";

export function NewReleasesView() {
  const trpc = useTRPC();
  const query = useSuspenseInfiniteQuery(
    trpc.catalog.newReleases.infiniteQueryOptions({ limit: PAGE.albums }, { getNextPageParam: nextPage }),
  );
  const albums = query.data.pages.flatMap((page) => page.items);
  return (
    <article>
      <PageHeader eyebrow="Browse" title="New releases" />
      {albums.length === 0 ? (
        <p className="muted">Nothing with a release date yet.</p>
      ) : (
        <AlbumPages label="New releases" albums={albums} paging={query} />
      )}
    </article>
  );
}
