"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

import { useTRPCClient } from "~/trpc/react";
import { PlusIcon } from "../icons";
import styles from "./sidebar.module.css";

/**
 * The playlist procedures arrive with the playlists work; until their types are in the router
 * this calls `playlist.create` through the untyped path. Replace with
 * `useMutation(trpc.playlist.create.mutationOptions())` once they are.
 */
type PlaylistCreate = { playlist: { create: { mutate(input: object): Promise<{ id: string }> } } };

/** Creates an empty playlist and opens it. */
export function CreatePlaylistButton({ compact = false }: { compact?: boolean }) {
  const client = useTRPCClient() as unknown as PlaylistCreate;
  const router = useRouter();
  const create = useMutation({
    mutationFn: () => client.playlist.create.mutate({}),
    onSuccess: ({ id }) => router.push(`/playlist/${id}`),
  });
  return (
    <>
      <button
        type="button"
        className={compact ? styles.tab : styles.createButton}
        onClick={() => create.mutate()}
        disabled={create.isPending}
        aria-label="Create playlist"
        title="Create playlist"
      >
        <PlusIcon size={compact ? 22 : 18} />
        {compact && <span className={styles.label}>Create</span>}
      </button>
      {create.isError && (
        <p role="alert" className={styles.error}>
          Could not create a playlist: {create.error.message}
        </p>
      )}
    </>
  );
}
