"use client";

import { usePlayer, usePlayerState } from "./player-provider";

/** The queue: what is playing now and what comes next, each playable with a click. */
export function QueuePanel({ onClose }: { onClose: () => void }) {
  const player = usePlayer();
  const { queue } = usePlayerState();
  const current = queue.items[queue.currentIndex];
  const upcoming = queue.items.slice(queue.currentIndex + 1);
  return (
    <aside className="queue-panel" aria-label="Queue">
      <header>
        <h2>Queue</h2>
        <button type="button" className="button secondary" onClick={onClose}>
          Close
        </button>
      </header>
      {current && (
        <>
          <h3>Now playing</h3>
          <p className="queue-row current">
            {current.track.title} · <span>{current.track.artists.map((a) => a.name).join(", ")}</span>
          </p>
        </>
      )}
      <h3>Next up</h3>
      {upcoming.length === 0 && <p className="muted">Nothing queued.</p>}
      <ol className="queue-list">
        {upcoming.map((item, i) => (
          <li key={item.uid}>
            <button
              type="button"
              className="queue-row"
              onClick={() => void player?.playAt(queue.currentIndex + 1 + i)}
            >
              {item.track.title} · <span>{item.track.artists.map((a) => a.name).join(", ")}</span>
            </button>
            <button
              type="button"
              className="queue-remove"
              aria-label={`Remove ${item.track.title} from queue`}
              onClick={() => player?.remove(item.uid)}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}
