import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { HydrateClient, getQueryClient, trpc } from "~/trpc/server";
import { ArtistView } from "./artist-view";

export const metadata: Metadata = { title: "Artist" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ArtistPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const artist = await getQueryClient()
    .fetchQuery(trpc.catalog.artist.queryOptions({ id }))
    .catch(() => null);
  if (!artist) notFound();
  return (
    <HydrateClient>
      <ArtistView id={id} />
    </HydrateClient>
  );
}
