"use client";

import type { KeyboardEvent } from "react";

import { moveResult } from "./result-moves";
import type { GroupLayout } from "./result-moves";

/** The header's search box: results hand focus back to it. */
export const SEARCH_BOX_ID = "search-box";

/** A container of results, and how the arrow keys move along it. */
export const resultGroup = (layout: GroupLayout) => ({ "data-result-group": layout });

/** One result (or the item around it): its first link or button is what takes focus. */
export const RESULT = { "data-result": "" } as const;

const FOCUSABLE = "a[href], button:not([disabled]), [tabindex]";

/**
 * A group's results: the items marked as such, else (a list another component draws) its track
 * rows, else its links.
 */
function resultsOf(group: HTMLElement): HTMLElement[] {
  for (const selector of ["[data-result]", "tr[tabindex]", "a[href]"]) {
    const found = [...group.querySelectorAll<HTMLElement>(selector)];
    if (found.length > 0) return found;
  }
  return [];
}

function groupsIn(root: ParentNode) {
  return [...root.querySelectorAll<HTMLElement>("[data-result-group]")].map((group) => ({
    layout: (group.dataset.resultGroup ?? "column") as GroupLayout,
    results: resultsOf(group).flatMap((result) => {
      const target = result.matches(FOCUSABLE) ? result : result.querySelector<HTMLElement>(FOCUSABLE);
      return target ? [{ result, target }] : [];
    }),
  }));
}

export function focusSearchBox(): void {
  document.getElementById(SEARCH_BOX_ID)?.focus();
}

/** From the search box: the first result on the page, if there is one. */
export function focusFirstResult(): boolean {
  const root = document.querySelector("[data-search-results]");
  const first = root && groupsIn(root).find((group) => group.results.length > 0)?.results[0];
  first?.target.focus();
  return Boolean(first);
}

/**
 * The results' keys (on the element holding them): the arrows move between results, Escape
 * goes back to the search box. Keys a row or a menu already handled are left alone.
 */
export function onResultKeys(event: KeyboardEvent<HTMLElement>): void {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  if (event.key === "Escape") {
    event.preventDefault();
    focusSearchBox();
    return;
  }
  const groups = groupsIn(event.currentTarget);
  const target = event.target as Node;
  const group = groups.findIndex((g) => g.results.some(({ result }) => result.contains(target)));
  const index = groups[group]?.results.findIndex(({ result }) => result.contains(target)) ?? -1;
  if (index < 0) return;
  const move = moveResult(
    groups.map((g) => ({ layout: g.layout, size: g.results.length })),
    { group, index },
    event.key,
  );
  if (!move) return;
  // Handled here, so the player's ←/→ seek leaves it alone.
  event.preventDefault();
  if (move === "box") return focusSearchBox();
  const next = groups[move.group]?.results[move.index]?.target;
  next?.focus();
  next?.scrollIntoView({ block: "nearest", inline: "nearest" });
}
