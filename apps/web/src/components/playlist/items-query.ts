import type { AppRouter } from "@cadence/api";
import type { TRPCOptionsProxy } from "@trpc/tanstack-react-query";

/** Rows per page of a playlist: several screenfuls, one request per hundred rows. */
export const ITEMS_PAGE = 100;

/**
 * A playlist's rows as one cursor-paginated infinite query. Not a client module: the page's
 * server component prefetches the first page with the same options the browser then reads.
 */
export function itemsQueryOptions(trpc: TRPCOptionsProxy<AppRouter>, id: string) {
  return trpc.playlist.items.infiniteQueryOptions(
    { id, limit: ITEMS_PAGE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
}
