"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useTRPC } from "~/trpc/react";
import { Dialog } from "../dialog";
import { toast } from "../toast";
import { errorMessage, useInvalidatePlaylist } from "./playlist-queries";
import type { PlaylistView } from "./playlist-queries";
import styles from "./playlist-dialogs.module.css";

/** Deleting asks first (it cannot be undone, and editors lose it too), then goes home. */
export function DeletePlaylistDialog({ playlist, onClose }: { playlist: PlaylistView; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidatePlaylist();
  const [failure, setFailure] = useState("");
  const remove = useMutation(
    trpc.playlist.delete.mutationOptions({
      onSuccess: async () => {
        toast(`Deleted ${playlist.name}`);
        router.push("/");
        // Only the sidebar's list: this page's own queries would refetch a playlist that is gone.
        await invalidate();
      },
      onError: (error) => setFailure(errorMessage(error)),
    }),
  );
  return (
    <Dialog title={`Delete ${playlist.name}?`} onClose={onClose}>
      <p>
        This deletes the playlist and its {playlist.itemCount} {playlist.itemCount === 1 ? "song" : "songs"}
        {playlist.isCollaborative ? " for its collaborators too" : ""}. It cannot be undone.
      </p>
      {failure && (
        <p className="alert" role="alert">
          {failure}
        </p>
      )}
      <div className={styles.buttons}>
        <button
          type="button"
          className="button danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate({ id: playlist.id })}
        >
          {remove.isPending ? "Deleting…" : "Delete"}
        </button>
        <button type="button" className="button secondary" data-autofocus onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
