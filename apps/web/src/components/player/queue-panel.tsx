"use client";

import type { QueueItem } from "@cadence/player";
import { useEffect, useRef } from "react";
import type { KeyboardEvent } from "react";

import { usePlayer, usePlayerSelector } from "./player-provider";
import type { PlayerSnapshot } from "./player-store";
import styles from "./queue-panel.module.css";

const selectQueue = (snapshot: PlayerSnapshot) => snapshot.queue;

type Action = "play" | "up" | "down" | "remove" | "next";

/**
 * The queue: what played, what is playing and what comes next. Upcoming tracks can be played,
 * moved and removed, played ones queued again; every control works by keyboard. The panel takes
 * focus when it opens and Escape closes it (the opener gets focus back).
 */
export function QueuePanel({ id, onClose }: { id: string; onClose: () => void }) {
  const player = usePlayer();
  const queue = usePlayerSelector(selectQueue);
  const panel = useRef<HTMLElement>(null);
  // After a move the row is re-ordered in the DOM, which drops focus: put it back on its button.
  const refocus = useRef<{ uid: string; action: Action } | null>(null);

  useEffect(() => panel.current?.focus(), []);
  useEffect(() => {
    const wanted = refocus.current;
    if (!wanted) return;
    refocus.current = null;
    const buttons = panel.current?.querySelectorAll<HTMLButtonElement>(`[data-uid="${wanted.uid}"] button`);
    const enabled = [...(buttons ?? [])].filter((b) => !b.disabled);
    // The same move if it is still possible (not at the top or bottom), else the other one.
    const order = [wanted.action, wanted.action === "up" ? "down" : "up"];
    const target = order.map((action) => enabled.find((b) => b.dataset.action === action)).find(Boolean);
    (target ?? enabled[0])?.focus();
  });

  const current = queue.items[queue.currentIndex];
  const played = queue.items.slice(0, Math.max(0, queue.currentIndex));
  const upcoming = queue.items.slice(queue.currentIndex + 1);
  const first = queue.currentIndex + 1;
  const move = (item: QueueItem, from: number, to: number, action: Action) => {
    refocus.current = { uid: item.uid, action };
    player?.move(from, to);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    onClose();
  };

  return (
    <aside
      id={id}
      ref={panel}
      className="queue-panel"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header>
        <h2 id={`${id}-title`}>Queue</h2>
        <button type="button" className="button secondary" aria-label="Close queue" onClick={onClose}>
          Close
        </button>
      </header>
      {current && (
        <>
          <h3>Now playing</h3>
          <p className="queue-row current">
            <TrackLabel item={current} />
          </p>
        </>
      )}
      <div className={styles.heading}>
        <h3>Next up</h3>
        {upcoming.length > 0 && (
          <button type="button" className={styles.clear} onClick={() => player?.clearUpcoming()}>
            Clear queue
          </button>
        )}
      </div>
      {upcoming.length === 0 && <p className="muted">Nothing queued.</p>}
      <ol className="queue-list" aria-label="Next up">
        {upcoming.map((item, i) => {
          const at = first + i;
          const title = item.track.title;
          return (
            <li key={item.uid} data-uid={item.uid}>
              <button
                type="button"
                className="queue-row"
                data-action="play"
                aria-label={`Play ${title}`}
                onClick={() => void player?.playAt(at)}
              >
                <TrackLabel item={item} />
              </button>
              <span className={styles.actions}>
                <button
                  type="button"
                  className={styles.action}
                  data-action="up"
                  aria-label={`Move ${title} up`}
                  disabled={i === 0}
                  onClick={() => move(item, at, at - 1, "up")}
                >
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="button"
                  className={styles.action}
                  data-action="down"
                  aria-label={`Move ${title} down`}
                  disabled={i === upcoming.length - 1}
                  onClick={() => move(item, at, at + 1, "down")}
                >
                  <span aria-hidden="true">↓</span>
                </button>
                <button
                  type="button"
                  className={styles.action}
                  data-action="remove"
                  aria-label={`Remove ${title} from queue`}
                  onClick={() => player?.remove(item.uid)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {played.length > 0 && (
        <>
          <h3>Played</h3>
          <ol className="queue-list" aria-label="Played">
            {played.map((item, i) => (
              <li key={item.uid} data-uid={item.uid}>
                <button
                  type="button"
                  className="queue-row"
                  aria-label={`Play ${item.track.title}`}
                  onClick={() => void player?.playAt(i)}
                >
                  <TrackLabel item={item} />
                </button>
                <button
                  type="button"
                  className={styles.playNext}
                  aria-label={`Play ${item.track.title} next`}
                  onClick={() => player?.playNext([item.track])}
                >
                  Play next
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}

function TrackLabel({ item }: { item: QueueItem }) {
  return (
    <>
      {item.track.title} · <span>{item.track.artists.map((a) => a.name).join(", ")}</span>
    </>
  );
}
