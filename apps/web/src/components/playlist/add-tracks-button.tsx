"use client";

import { useState } from "react";

import { PlusIcon } from "../icons";
import { AddToPlaylistDialog } from "./add-to-playlist-dialog";

/** "Add to playlist" for a set of tracks: a whole album, an artist's top tracks. */
export function AddTracksButton({ trackIds, what }: { trackIds: string[]; what: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button secondary"
        disabled={trackIds.length === 0}
        onClick={() => setOpen(true)}
      >
        <PlusIcon size={20} /> Add to playlist
      </button>
      {open && <AddToPlaylistDialog trackIds={trackIds} what={what} onClose={() => setOpen(false)} />}
    </>
  );
}
