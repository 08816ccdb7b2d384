import type { Metadata } from "next";

import { readPageParams, searchInput, SECTION_LIMIT } from "~/components/search/search-url";
import type { PageSearchParams } from "~/components/search/search-url";
import { HydrateClient, getQueryClient, trpc } from "~/trpc/server";
import { SearchView } from "./search-view";

export const metadata: Metadata = { title: "Search" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const params = readPageParams(await searchParams);
  const queryClient = getQueryClient();
  // Prefetched, not fetched: a query the server refuses is explained by the page, not a 404.
  await Promise.all([
    queryClient.prefetchQuery(trpc.search.search.queryOptions(searchInput(params, SECTION_LIMIT))),
    queryClient.prefetchQuery(trpc.search.recent.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <SearchView />
    </HydrateClient>
  );
}
