import type { RouterInputs } from "@cadence/api";

export type EntriesInput = Omit<RouterInputs["library"]["entries"], "cursor">;

/** The library's first view, which the server prefetches: everything, recently added first. */
export const DEFAULT_ENTRIES: EntriesInput = { sort: "recent", limit: 50 };

export const nextEntriesPage = (page: { nextCursor: string | null }) => page.nextCursor;
