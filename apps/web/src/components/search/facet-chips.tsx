"use client";

import chipStyles from "../library/entries.module.css";
import { searchHref } from "./search-url";
import type { SearchParams } from "./search-url";
import styles from "./search.module.css";
import type { SearchResults } from "./use-search";

/** Chips per facet: the most common values are enough to narrow a search. */
const CHIPS = 8;

interface Chip {
  value: string;
  count: number | null;
}

/** The picked value stays a chip (to unpick) even when the answer no longer counts it. */
function chipsOf(counts: { value: string; count: number }[], picked: string | undefined): Chip[] {
  const chips: Chip[] = counts.slice(0, CHIPS);
  if (picked && !chips.some((chip) => chip.value === picked)) chips.unshift({ value: picked, count: null });
  return chips;
}

/**
 * Genre and release-year chips that narrow the results; a pressed chip is a filter, pressed again
 * it is gone. Filters live in the address (a new history entry each), so Back undoes one.
 */
export function FacetChips({
  facets,
  params,
  slug,
}: {
  facets: SearchResults["facets"];
  params: SearchParams;
  /** The "Show all" page the chips are on, if any. */
  slug?: string;
}) {
  const go = (next: SearchParams) => window.history.pushState(null, "", searchHref(next, slug));
  const year = params.year === undefined ? undefined : String(params.year);
  const genres = chipsOf(facets.genres, params.genre);
  const years = chipsOf(facets.years, year);
  if (genres.length === 0 && years.length === 0) return null;
  const group = (label: string, chips: Chip[], picked: string | undefined, pick: (v?: string) => void) =>
    chips.length > 0 && (
      <div className={chipStyles.chips} role="group" aria-label={label}>
        {chips.map((chip) => (
          <button
            key={chip.value}
            type="button"
            className={chipStyles.chip}
            aria-pressed={chip.value === picked}
            onClick={() => pick(chip.value === picked ? undefined : chip.value)}
          >
            {chip.value}
            {chip.count !== null && <span className={styles.chipCount}> {chip.count}</span>}
          </button>
        ))}
      </div>
    );
  return (
    <div className={styles.facets}>
      {group("Genre", genres, params.genre, (genre) => go({ ...params, genre }))}
      {group("Release year", years, year, (value) =>
        go({ ...params, year: value === undefined ? undefined : Number(value) }),
      )}
    </div>
  );
}
