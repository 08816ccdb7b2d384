import type { Metadata } from "next";

import { HydrateClient, fetchForPage, getQueryClient, trpc } from "~/trpc/server";
import { DEFAULT_ENTRIES, nextEntriesPage } from "./entries-query";
import { LibraryView } from "./library-view";

export const metadata: Metadata = { title: "Your Library" };

export default async function LibraryPage() {
  await fetchForPage(() =>
    getQueryClient().fetchInfiniteQuery(
      trpc.library.entries.infiniteQueryOptions(DEFAULT_ENTRIES, { getNextPageParam: nextEntriesPage }),
    ),
  );
  return (
    <HydrateClient>
      <LibraryView />
    </HydrateClient>
  );
}
