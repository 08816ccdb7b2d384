/** Page sizes of the catalog lists the pages read, shared by their server prefetch and client. */
export const PAGE = { albums: 24, genres: 48 } as const;

/** TanStack Query's next page parameter from a catalog page (undefined: no more). */
export const nextPage = (page: { nextCursor: string | null }) => page.nextCursor ?? undefined;
