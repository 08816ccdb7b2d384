"use client";

import { useEffect, useRef, useState } from "react";

import { LinkIcon } from "./icons";
import styles from "./copy-link-button.module.css";

type Outcome = { kind: "copied" } | { kind: "manual"; url: string } | null;

/**
 * Copies the address of an album, artist or track page. Where the clipboard is out of reach
 * (a plain-http self-hosted server is not a secure context), the link is shown selected
 * instead, for the listener to copy themselves.
 */
export function CopyLinkButton({ path, what }: { path: string; what: string }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const manual = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (outcome?.kind === "manual") manual.current?.select();
    if (outcome?.kind !== "copied") return;
    const timer = setTimeout(() => setOutcome(null), 2500);
    return () => clearTimeout(timer);
  }, [outcome]);

  const copy = async () => {
    const url = new URL(path, window.location.origin).toString();
    try {
      await navigator.clipboard.writeText(url);
      setOutcome({ kind: "copied" });
    } catch {
      setOutcome({ kind: "manual", url });
    }
  };

  return (
    <span className={styles.wrap}>
      <button
        type="button"
        className="button secondary"
        onClick={() => void copy()}
        aria-label={`Copy link to ${what}`}
      >
        <LinkIcon size={18} /> Copy link
      </button>
      <span role="status" className={styles.status}>
        {outcome?.kind === "copied" && "Link copied"}
      </span>
      {outcome?.kind === "manual" && (
        <label className={styles.manual}>
          <span>Copy this link:</span>
          <input
            ref={manual}
            className="input"
            readOnly
            value={outcome.url}
            onFocus={(e) => e.target.select()}
          />
        </label>
      )}
    </span>
  );
}
