import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { isUuid } from "~/lib/uuid";
import { HydrateClient, fetchForPage, getQueryClient, trpc } from "~/trpc/server";
import { TrackView } from "./track-view";

export const metadata: Metadata = { title: "Song" };

export default async function TrackPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  await fetchForPage(() => getQueryClient().fetchQuery(trpc.catalog.track.queryOptions({ id })));
  return (
    <HydrateClient>
      <TrackView id={id} />
    </HydrateClient>
  );
}
