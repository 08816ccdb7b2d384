"use client";

import styles from "./load-more.module.css";

/** What a list read page by page (an infinite query) tells its controls. */
export interface Paging {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** The next page of a list, on demand: the keyboard's and screen reader's way to more. */
export function LoadMore({ paging }: { paging: Paging }) {
  if (!paging.hasNextPage) return null;
  return (
    <div className={styles.more}>
      <button
        type="button"
        className="button secondary"
        onClick={() => void paging.fetchNextPage()}
        disabled={paging.isFetchingNextPage}
      >
        {paging.isFetchingNextPage ? "Loading…" : "Load more"}
      </button>
    </div>
  );
}
