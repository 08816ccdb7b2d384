"use client";

import { useSyncExternalStore } from "react";

import styles from "./toast.module.css";

interface Toast {
  id: number;
  message: string;
  tone: "info" | "error";
}

const SHOWN_MS = 6000;
let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

/** A short message for the listener, read out by screen readers; it goes away by itself. */
export function toast(message: string, tone: Toast["tone"] = "info"): void {
  const id = nextId++;
  // The latest two: a burst of edits must not bury the page.
  toasts = [...toasts.slice(-1), { id, message, tone }];
  emit();
  setTimeout(() => dismiss(id), SHOWN_MS);
}

function dismiss(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
const snapshot = () => toasts;
const serverSnapshot = (): Toast[] => [];

/**
 * Where toasts show. The live regions are in the page from the start (a region added together
 * with its text is not announced); errors are assertive, the rest polite.
 */
export function Toaster() {
  const shown = useSyncExternalStore(subscribe, snapshot, serverSnapshot);
  return (
    <div className={styles.toaster}>
      {(["info", "error"] as const).map((tone) => (
        <div key={tone} role={tone === "error" ? "alert" : "status"} className={styles.region}>
          {shown
            .filter((t) => t.tone === tone)
            .map((t) => (
              <p key={t.id} className={`${styles.toast} ${tone === "error" ? styles.error : ""}`}>
                <span>{t.message}</span>
                <button
                  type="button"
                  className={styles.close}
                  aria-label="Dismiss message"
                  onClick={() => dismiss(t.id)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </p>
            ))}
        </div>
      ))}
    </div>
  );
}
