import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { HydrateClient, fetchForPage, getQueryClient, trpc } from "~/trpc/server";
import { AlbumView } from "./album-view";
import { isUuid } from "~/lib/uuid";

export const metadata: Metadata = { title: "Album" };

export default async function AlbumPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  await fetchForPage(() => getQueryClient().fetchQuery(trpc.catalog.album.queryOptions({ id })));
  return (
    <HydrateClient>
      <AlbumView id={id} />
    </HydrateClient>
  );
}
