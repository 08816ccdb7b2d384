"use client";

import { useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import type { KeyboardEvent, ReactNode } from "react";
import Link from "next/link";
import { createPortal } from "react-dom";

import styles from "./menu.module.css";

export interface MenuItem {
  label: string;
  /** What the item does; an item with `href` is a link instead (it can open in a new tab). */
  onSelect?: () => void;
  href?: string;
  disabled?: boolean;
  danger?: boolean;
  /** Starts a new group: a separator is drawn above it. */
  group?: boolean;
}

const moves: Record<string, (from: number, count: number) => number> = {
  ArrowDown: (from, count) => (from + 1) % count,
  ArrowUp: (from, count) => (from - 1 + count) % count,
  Home: () => 0,
  End: (_, count) => count - 1,
};

/** Where the menu goes for its button; null when the button is gone or out of the window. */
function placeAt(button: HTMLElement | null, list: HTMLElement | null): { top: number; left: number } | null {
  if (!button?.isConnected || !list) return null;
  const at = button.getBoundingClientRect();
  if (at.bottom < 0 || at.top > window.innerHeight) return null;
  const size = list.getBoundingClientRect();
  const below = at.bottom + 4 + size.height <= window.innerHeight - 8;
  return {
    top: below ? at.bottom + 4 : Math.max(8, at.top - 4 - size.height),
    left: Math.max(8, Math.min(at.right - size.width, window.innerWidth - size.width - 8)),
  };
}

/**
 * A menu button (the ARIA pattern): the button opens a list of actions, ↑/↓/Home/End move,
 * Enter or a click runs one, Escape or Tab closes it, and focus goes back to the button. The
 * list is drawn over the page at the button (a portal), so no row or scroller clips it.
 */
export function Menu({
  label,
  items,
  children,
  className,
  tabIndex,
}: {
  /** The button's accessible name, e.g. "More options for Song". */
  label: string;
  items: MenuItem[];
  /** The button's face (an icon); the label names it. */
  children: ReactNode;
  className?: string;
  tabIndex?: number;
}) {
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const close = (refocus = true) => {
    setOpen(false);
    setPlace(null);
    if (refocus) button.current?.focus({ preventScroll: true });
  };

  // Placed once it has a size: below the button, or above it when the page has no room below.
  useLayoutEffect(() => {
    if (!open) return;
    // The menu's position comes from the laid-out DOM, which only exists after render.
    setPlace(placeAt(button.current, list.current));
  }, [open]);

  const placed = place !== null;
  useEffect(() => {
    if (!open || !placed) return;
    list.current?.querySelector<HTMLElement>("[role=menuitem]:not([aria-disabled=true])")?.focus();
  }, [open, placed]);

  // A press elsewhere closes it; a scroll or a resize takes it along with its button, and closes
  // it once the button has left the window.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!list.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    const onMove = (event: Event) => {
      if (list.current?.contains(event.target as Node)) return;
      const next = placeAt(button.current, list.current);
      if (next) setPlace(next);
      else close(false);
    };
    document.addEventListener("pointerdown", onPointer, true);
    window.addEventListener("scroll", onMove, true);
    window.addEventListener("resize", onMove);
    return () => {
      document.removeEventListener("pointerdown", onPointer, true);
      window.removeEventListener("scroll", onMove, true);
      window.removeEventListener("resize", onMove);
    };
  }, [open]);

  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    // Keys in the menu are the menu's: not the row's, the list's or the player's shortcuts.
    event.stopPropagation();
    const entries = [...(list.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const from = entries.indexOf(document.activeElement as HTMLElement);
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      entries[move(from, entries.length)]?.focus();
    } else if (event.key === "Escape" || event.key === "Tab") {
      event.preventDefault();
      close();
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      // Type-ahead: the next item starting with the letter.
      const letter = event.key.toLowerCase();
      const next = [...entries.slice(from + 1), ...entries.slice(0, from + 1)].find((e) =>
        e.textContent?.trim().toLowerCase().startsWith(letter),
      );
      next?.focus();
    }
  };

  const run = (item: MenuItem) => {
    if (item.disabled) return;
    // Focus is back on the button before the action runs, so a dialog it opens returns there.
    close();
    item.onSelect?.();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className={className ?? styles.trigger}
        tabIndex={tabIndex}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        // ↑/↓ on the button are left to the list it sits in (rows move focus with them).
        onClick={() => (open ? close() : setOpen(true))}
      >
        {children}
      </button>
      {open &&
        createPortal(
          <ul
            ref={list}
            id={menuId}
            role="menu"
            aria-label={label}
            className={styles.menu}
            style={place ?? { visibility: "hidden", top: 0, left: 0 }}
            onKeyDown={onListKeyDown}
          >
            {items.map((item) => (
              <li key={item.label} role="none" className={item.group ? styles.group : undefined}>
                {item.href ? (
                  <Link
                    href={item.href}
                    role="menuitem"
                    tabIndex={-1}
                    className={styles.item}
                    // The page changes under it; focus goes with the navigation, not back here.
                    onClick={() => close(false)}
                  >
                    {item.label}
                  </Link>
                ) : (
                  <button
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    className={`${styles.item} ${item.danger ? styles.danger : ""}`}
                    aria-disabled={item.disabled || undefined}
                    onClick={() => run(item)}
                  >
                    {item.label}
                  </button>
                )}
              </li>
            ))}
          </ul>,
          document.body,
        )}
    </>
  );
}
