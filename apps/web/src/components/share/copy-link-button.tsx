"use client";

import { useEffect, useRef, useState } from "react";

import { CheckIcon, LinkIcon } from "../icons";
import styles from "./share.module.css";

type Outcome = "copied" | "failed" | null;

/** Copies with the Clipboard API, or the older way where it is missing (plain http on a LAN). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    // Deprecated, but the only way left in an insecure context.
    const copied = document.execCommand("copy");
    area.remove();
    return copied;
  }
}

/**
 * "Copy link" for anything with a page (a profile, a playlist, an album, an artist, a track):
 * the page's full address goes to the clipboard and the button says so. Where copying is not
 * allowed, the address is shown, selected, for the listener to copy themselves.
 */
export function CopyLinkButton({ path, label = "Copy link" }: { path: string; label?: string }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [url, setUrl] = useState("");
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (outcome !== "copied") return;
    const timer = setTimeout(() => setOutcome(null), 3000);
    return () => clearTimeout(timer);
  }, [outcome]);
  useEffect(() => {
    if (outcome === "failed") field.current?.select();
  }, [outcome]);

  return (
    <span className={styles.share}>
      <button
        type="button"
        className={styles.button}
        onClick={async () => {
          const address = new URL(path, window.location.origin).toString();
          setUrl(address);
          setOutcome((await copyText(address)) ? "copied" : "failed");
        }}
      >
        {outcome === "copied" ? <CheckIcon size={16} /> : <LinkIcon size={16} />}
        {label}
      </button>
      <span role="status" className={styles.confirmation}>
        {outcome === "copied" && "Link copied"}
      </span>
      {outcome === "failed" && (
        <input ref={field} className={styles.address} readOnly value={url} aria-label="Link to copy" />
      )}
    </span>
  );
}
