"use client";

import { useState } from "react";

import { AddToPlaylistDialog } from "./add-to-playlist-dialog";
import styles from "./playlist-tracks.module.css";

/** What can be done with the selected rows; it says how many are selected, politely. */
export function SelectionBar({
  count,
  canEdit,
  trackIds,
  onRemove,
  onClear,
}: {
  count: number;
  canEdit: boolean;
  trackIds: string[];
  onRemove: () => void;
  onClear: () => void;
}) {
  const [adding, setAdding] = useState(false);
  const what = `${count} ${count === 1 ? "song" : "songs"}`;
  return (
    <div className={styles.selectionBar} data-shown={count > 1 || undefined}>
      <p role="status" className={styles.selectionCount}>
        {count > 1 ? `${what} selected` : ""}
      </p>
      {count > 1 && (
        <>
          <button type="button" className="button secondary" onClick={() => setAdding(true)}>
            Add to playlist…
          </button>
          {canEdit && (
            <button type="button" className="button danger" onClick={onRemove}>
              Remove {what}
            </button>
          )}
          <button type="button" className="button secondary" onClick={onClear}>
            Clear selection
          </button>
        </>
      )}
      {adding && <AddToPlaylistDialog trackIds={trackIds} what={what} onClose={() => setAdding(false)} />}
    </div>
  );
}
