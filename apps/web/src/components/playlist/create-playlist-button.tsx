"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

import { useTRPC } from "~/trpc/react";
import { PlusIcon } from "../icons";
import { toast } from "../toast";
import { errorMessage, useInvalidatePlaylist } from "./playlist-queries";
import styles from "./sidebar.module.css";

/** Creates "My Playlist #n" (the server names it) and opens it. */
export function CreatePlaylistButton({ className }: { className?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidatePlaylist();
  const create = useMutation(
    trpc.playlist.create.mutationOptions({
      onSuccess: async ({ id, name }) => {
        await invalidate();
        toast(`Created ${name}`);
        router.push(`/playlist/${id}`);
      },
      onError: (error) => toast(errorMessage(error), "error"),
    }),
  );
  return (
    <button
      type="button"
      className={className ?? styles.createButton}
      disabled={create.isPending}
      // Named in full: the sidebar shows "Create", a phone the icon alone.
      aria-label="Create playlist"
      onClick={() => create.mutate({})}
    >
      <PlusIcon size={20} />
      <span className={styles.createLabel}>{create.isPending ? "Creating…" : "Create"}</span>
    </button>
  );
}
