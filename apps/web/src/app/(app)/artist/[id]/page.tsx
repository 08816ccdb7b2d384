import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { HydrateClient, fetchForPage, getQueryClient, trpc } from "~/trpc/server";
import { ArtistView } from "./artist-view";
import { isUuid } from "~/lib/uuid";

export const metadata: Metadata = { title: "Artist" };

export default async function ArtistPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  // Streamed to the page beside the artist: the Follow button shows its state at once.
  void getQueryClient().prefetchQuery(trpc.library.isFollowingArtist.queryOptions({ artistId: id }));
  await fetchForPage(() => getQueryClient().fetchQuery(trpc.catalog.artist.queryOptions({ id })));
  return (
    <HydrateClient>
      <ArtistView id={id} />
    </HydrateClient>
  );
}
