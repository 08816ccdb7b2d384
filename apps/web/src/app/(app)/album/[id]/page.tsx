import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { HydrateClient, getQueryClient, trpc } from "~/trpc/server";
import { AlbumView } from "./album-view";

export const metadata: Metadata = { title: "Album" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AlbumPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const album = await getQueryClient()
    .fetchQuery(trpc.catalog.album.queryOptions({ id }))
    .catch(() => null);
  if (!album) notFound();
  return (
    <HydrateClient>
      <AlbumView id={id} />
    </HydrateClient>
  );
}
