import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { itemsQueryOptions } from "~/components/playlist/items-query";
import { PlaylistPage } from "~/components/playlist/playlist-page";
import { isUuid } from "~/lib/uuid";
import { fetchForPage, getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Playlist" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const queryClient = getQueryClient();
  // The header and the first page of rows in one round trip, both handed to the browser.
  await fetchForPage(() =>
    Promise.all([
      queryClient.fetchQuery(trpc.playlist.get.queryOptions({ id })),
      queryClient.fetchInfiniteQuery(itemsQueryOptions(trpc, id)),
    ]),
  );
  return (
    <HydrateClient>
      <PlaylistPage id={id} />
    </HydrateClient>
  );
}
