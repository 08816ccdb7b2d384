import type { Metadata } from "next";

import { nextPage, PAGE } from "~/lib/pages";
import { HydrateClient, fetchForPage, getQueryClient, trpc } from "~/trpc/server";
import { NewReleasesView } from "./new-releases-view";

export const metadata: Metadata = { title: "New releases" };

export default async function NewReleasesPage() {
  await fetchForPage(() =>
    getQueryClient().fetchInfiniteQuery(
      trpc.catalog.newReleases.infiniteQueryOptions({ limit: PAGE.albums }, { getNextPageParam: nextPage }),
    ),
  );
  return (
    <HydrateClient>
      <NewReleasesView />
    </HydrateClient>
  );
}
