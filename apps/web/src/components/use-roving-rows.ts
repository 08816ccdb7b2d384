"use client";

import { useRef, useState } from "react";
import type { KeyboardEvent } from "react";

/** Where each key takes focus in a list of rows (the last row is `last`). */
export const rowJumps: Record<string, (from: number, last: number) => number> = {
  ArrowDown: (from, last) => Math.min(from + 1, last),
  ArrowUp: (from) => Math.max(from - 1, 0),
  PageDown: (from, last) => Math.min(from + 10, last),
  PageUp: (from) => Math.max(from - 10, 0),
  Home: () => 0,
  End: (_, last) => last,
};

/**
 * Roving focus over the rows of a list: the list is one tab stop (the last row focused, else
 * `initial`), and ↑/↓, Page Up/Down, Home/End move between rows, from the row or anything in it.
 * A virtualised list passes `reveal`: a row it has not rendered is scrolled to, then focused
 * as soon as it mounts.
 */
export function useRovingRows(count: number, initial: number, reveal?: (index: number) => void) {
  const [focused, setFocused] = useState<number | null>(null);
  const rows = useRef<(HTMLElement | null)[]>([]);
  const pending = useRef<number | null>(null);
  const tabStop = Math.max(0, Math.min(focused ?? initial, count - 1));

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const move = rowJumps[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target as Node;
    const from = rows.current.findIndex((row) => row?.contains(target));
    if (from < 0) return;
    // Handled here, so the player's global ↑/↓ volume shortcut leaves it alone.
    event.preventDefault();
    const to = move(from, count - 1);
    const row = rows.current[to];
    if (row) return row.focus();
    pending.current = to;
    reveal?.(to);
  };

  const rowProps = (index: number) => ({
    ref: (row: HTMLElement | null) => {
      rows.current[index] = row;
      if (row && pending.current === index) {
        pending.current = null;
        row.focus();
      }
    },
    tabIndex: index === tabStop ? 0 : -1,
    onFocus: () => setFocused(index),
  });

  return { tabStop, onKeyDown, rowProps };
}
