"use client";

import { useInfiniteQuery } from "@tanstack/react-query";

import type { RouterOutputs } from "@cadence/api";
import { AlbumGrid } from "~/components/album-grid";
import { formatReleaseDate } from "~/components/format";
import { LoadMore } from "~/components/load-more";
import { nextPage } from "~/lib/pages";
import { useTRPC } from "~/trpc/react";

type ReleasePage = RouterOutputs["catalog"]["artistReleases"];

/** On the artist's own page their name under every release says nothing. */
const releaseLine = (album: ReleasePage["items"][number]) =>
  album.releaseDate ? formatReleaseDate(album.releaseDate) : "Undated";

/**
 * An artist's albums, or singles and EPs: the first page came with the artist, the rest load
 * on demand. A discography is tens of releases, so pages are appended without virtualising.
 */
export function ReleasesSection({
  artistId,
  kind,
  title,
  label,
  first,
}: {
  artistId: string;
  kind: "album" | "single";
  title: string;
  label: string;
  first: ReleasePage;
}) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.catalog.artistReleases.infiniteQueryOptions(
      { id: artistId, kind },
      { getNextPageParam: nextPage, initialData: { pages: [first], pageParams: [null] } },
    ),
  );
  const albums = (query.data?.pages ?? [first]).flatMap((page) => page.items);
  if (albums.length === 0) return null;
  return (
    <section aria-labelledby={`releases-${kind}`}>
      <h2 id={`releases-${kind}`} className="section-title">
        {title}
      </h2>
      <AlbumGrid albums={albums} label={label} subtitle={releaseLine} />
      <LoadMore paging={query} />
    </section>
  );
}
