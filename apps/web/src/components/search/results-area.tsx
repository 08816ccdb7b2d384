"use client";

import type { MouseEvent, ReactNode } from "react";

import { onResultKeys } from "./result-navigation";
import styles from "./search.module.css";

/**
 * What holds a search's results: the arrow keys move between them, a link opened from them counts
 * as acting on the search, and results of an older text, still up while the new ones load, dim.
 */
export function ResultsArea({
  stale,
  onAct,
  children,
}: {
  stale: boolean;
  onAct: () => void;
  children: ReactNode;
}) {
  const onClickCapture = (event: MouseEvent) => {
    if ((event.target as Element).closest("a[href]")) onAct();
  };
  return (
    <div
      data-search-results
      className={stale ? styles.stale : undefined}
      aria-busy={stale}
      onKeyDown={onResultKeys}
      onClickCapture={onClickCapture}
    >
      {children}
    </div>
  );
}
