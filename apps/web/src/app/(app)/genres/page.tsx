import type { Metadata } from "next";

import { nextPage, PAGE } from "~/lib/pages";
import { HydrateClient, fetchForPage, getQueryClient, trpc } from "~/trpc/server";
import { GenresView } from "./genres-view";

export const metadata: Metadata = { title: "Genres" };

export default async function GenresPage() {
  await fetchForPage(() =>
    getQueryClient().fetchInfiniteQuery(
      trpc.catalog.genres.infiniteQueryOptions({ limit: PAGE.genres }, { getNextPageParam: nextPage }),
    ),
  );
  return (
    <HydrateClient>
      <GenresView />
    </HydrateClient>
  );
}
