"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { KeyboardEvent } from "react";

import { SearchIcon } from "../icons";
import { focusOwnsKeys } from "../player/use-keyboard-shortcuts";
import { focusFirstResult, SEARCH_BOX_ID } from "./result-navigation";
import styles from "./search-box.module.css";
import { isSearchPath } from "./search-url";
import { useRememberSearch } from "./use-search";

/** The query in the address bar: the box writes it in place, without a round trip to the server. */
function writeQuery(query: string) {
  const url = new URL(window.location.href);
  if (query) url.searchParams.set("q", query);
  else url.searchParams.delete("q");
  window.history.replaceState(null, "", url);
}

/**
 * The header's search box, on every page. What is typed goes to the address (/search?q=…), which
 * the search pages read; from any other page the first keystroke opens the search page. Enter
 * remembers the search, ↓ moves into the results, "/" anywhere comes back to the box.
 */
export function SearchBox() {
  const router = useRouter();
  const pathname = usePathname();
  const onSearch = isSearchPath(pathname);
  const urlQuery = useSearchParams().get("q") ?? "";
  const shown = onSearch ? urlQuery : "";
  const [value, setValue] = useState(shown);
  // What the box last wrote to the address, until the address shows it.
  const written = useRef<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const remember = useRememberSearch();

  useEffect(() => {
    const pending = written.current;
    if (pending === null) {
      // The address changed under the box (back, forward, a recent search, leaving the page).
      setValue(shown);
      return;
    }
    if (!onSearch) return; // still on its way to the search page
    written.current = null;
    if (shown !== pending) {
      // Typed on while the search page was loading: the address catches up.
      written.current = pending;
      writeQuery(pending);
    }
  }, [shown, onSearch]);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "/" || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey)
        return;
      if (focusOwnsKeys(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const change = (next: string) => {
    setValue(next);
    if (written.current !== null && !onSearch) {
      written.current = next; // the search page is loading; the address follows when it is there
      return;
    }
    written.current = next;
    if (onSearch) writeQuery(next);
    else router.push(`/search?${new URLSearchParams({ q: next }).toString()}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" && focusFirstResult()) event.preventDefault();
    if (event.key === "Escape" && value) {
      event.preventDefault();
      change("");
    }
  };

  return (
    <form
      role="search"
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        remember(value);
      }}
    >
      <SearchIcon size={20} />
      <input
        ref={input}
        id={SEARCH_BOX_ID}
        type="search"
        name="q"
        className={`input ${styles.input}`}
        aria-label="Search"
        aria-keyshortcuts="/"
        placeholder="What do you want to play?"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        maxLength={200}
        value={value}
        onChange={(event) => change(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <kbd className={styles.shortcut} aria-hidden="true">
        /
      </kbd>
    </form>
  );
}
