"use client";

import styles from "./search.module.css";
import { hasResults, searchErrorMessage } from "./use-search";
import type { SearchResults } from "./use-search";

/**
 * What a search came to, in words: read out as results arrive (a polite live region), and a
 * search the server refused (a control character, too long) explained where results would be.
 */
export function SearchStatus({
  results,
  stale,
  error,
}: {
  results: SearchResults | undefined;
  stale: boolean;
  error: unknown;
}) {
  const said = error
    ? ""
    : !results || stale
      ? "Searching…"
      : results.query === ""
        ? ""
        : hasResults(results)
          ? `Results for “${results.query}”`
          : `No results for “${results.query}”`;
  return (
    <>
      <p role="status" className="visually-hidden">
        {said}
      </p>
      {error !== null && error !== undefined && (
        <p role="alert" className={`alert ${styles.error}`}>
          This search can’t be run: {searchErrorMessage(error)}
        </p>
      )}
    </>
  );
}
