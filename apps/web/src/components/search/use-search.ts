"use client";

import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";

import type { RouterOutputs } from "@cadence/api";

import { useTRPC } from "~/trpc/react";
import { kindInput, nextSearchPage, SECTION_LIMIT, searchInput } from "./search-url";
import type { SearchKind, SearchParams } from "./search-url";

export type SearchResults = RouterOutputs["search"]["search"];

/** How long typing must pause before a search goes out. */
export const SEARCH_DEBOUNCE_MS = 150;

/** `value`, once it has stopped changing for `delayMs`. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return delayMs === 0 ? value : settled;
}

/** The query text as it goes out: typing is debounced, clearing the box is not. */
export function useSettledQuery(params: SearchParams): SearchParams {
  const typed = params.query.trim();
  const query = useDebounced(typed, typed ? SEARCH_DEBOUNCE_MS : 0);
  return { ...params, query };
}

/**
 * The search page's results. The query key carries the text, so an answer can only ever show
 * under the text it was asked for; when the text changes the older request is aborted (its
 * query lost its last observer), and its results stay up, marked stale, until the new ones come.
 */
export function useSearchResults(params: SearchParams) {
  const trpc = useTRPC();
  const settled = useSettledQuery(params);
  return useQuery({
    ...trpc.search.search.queryOptions(searchInput(settled, SECTION_LIMIT), {
      trpc: { abortOnUnmount: true },
    }),
    placeholderData: keepPreviousData,
  });
}

/** One kind's results, page by page, for its "Show all" page; typing there works the same way. */
export function useKindResults(kind: SearchKind, params: SearchParams) {
  const trpc = useTRPC();
  const settled = useSettledQuery(params);
  return useInfiniteQuery({
    ...trpc.search.search.infiniteQueryOptions(kindInput(kind, settled), {
      getNextPageParam: nextSearchPage(kind),
      trpc: { abortOnUnmount: true },
    }),
    placeholderData: keepPreviousData,
  });
}

/**
 * Remembers a search the listener acted on (Enter, or opening or playing a result) and refreshes
 * the recent searches; the same text again just moves to the top.
 */
export function useRememberSearch(): (query: string) => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { mutate } = useMutation(
    trpc.search.remember.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.search.recent.queryKey() }),
      // Not worth a word: a text the server refuses is already explained on the page.
      onError: () => undefined,
    }),
  );
  return useCallback(
    (text: string) => {
      const query = text.trim();
      if (query) mutate({ query });
    },
    [mutate],
  );
}

/** The message to show under the box for a search the server refused, by field when it has one. */
export function searchErrorMessage(error: unknown): string {
  const data = (error as { data?: { fieldErrors?: Record<string, string[] | undefined> } }).data;
  const field = Object.values(data?.fieldErrors ?? {}).find((messages) => messages?.length)?.[0];
  return field ?? (error instanceof Error ? error.message : "The search failed");
}

/** Whether a search found anything at all. */
export function hasResults(results: SearchResults): boolean {
  return [results.tracks, results.artists, results.albums, results.playlists, results.profiles].some(
    (page) => page.items.length > 0,
  );
}
