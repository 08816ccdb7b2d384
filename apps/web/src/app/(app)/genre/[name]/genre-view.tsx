"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";

import { AlbumPages } from "~/components/album-pages";
import { nextPage, PAGE } from "~/lib/pages";
import { useTRPC } from "~/trpc/react";
import { PageHeader } from "~/components/page-header";

export function GenreView({ name }: { name: string }) {
  const trpc = useTRPC();
  const query = useSuspenseInfiniteQuery(
    trpc.catalog.genre.infiniteQueryOptions({ name, limit: PAGE.albums }, { getNextPageParam: nextPage }),
  );
  return (
    <article>
      <PageHeader eyebrow="Genre" title={name} />
      <AlbumPages
        label={`${name} albums`}
        albums={query.data.pages.flatMap((page) => page.items)}
        paging={query}
      />
    </article>
  );
}
