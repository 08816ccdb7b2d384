import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { HydrateClient, fetchForPage, getQueryClient, trpc } from "~/trpc/server";
import { AlbumView } from "./album-view";
import { isUuid } from "~/lib/uuid";

export const metadata: Metadata = { title: "Album" };

export default async function AlbumPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  // The listener's settings come along: track lists grey out what they rule out (explicit content).
  await fetchForPage(() =>
    Promise.all([
      getQueryClient().fetchQuery(trpc.catalog.album.queryOptions({ id })),
      getQueryClient().fetchQuery(trpc.user.me.queryOptions()),
    ]),
  );
  return (
    <HydrateClient>
      <AlbumView id={id} />
    </HydrateClient>
  );
}
