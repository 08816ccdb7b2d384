import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { HydrateClient, fetchForPage, getQueryClient, trpc } from "~/trpc/server";
import { AlbumView } from "./album-view";
import { isUuid } from "~/lib/uuid";

export const metadata: Metadata = { title: "Album" };

export default async function AlbumPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  // Streamed to the page beside the album: the Save button shows its state at once.
  void getQueryClient().prefetchQuery(trpc.library.isAlbumSaved.queryOptions({ albumId: id }));
  await fetchForPage(() => getQueryClient().fetchQuery(trpc.catalog.album.queryOptions({ id })));
  return (
    <HydrateClient>
      <AlbumView id={id} />
    </HydrateClient>
  );
}
