"use client";

import { useQuery } from "@tanstack/react-query";

import { useTRPC, useTRPCClient } from "~/trpc/react";

import { HeartFilledIcon, HeartIcon } from "../icons";
import styles from "./library.module.css";
import { useOptimistic } from "./use-optimistic";

/** Saves an album to Your Library or takes it out (a heart beside the album's play button). */
export function SaveAlbumButton({ albumId, title }: { albumId: string; title: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const status = trpc.library.isAlbumSaved.queryOptions({ albumId });
  const { data } = useQuery(status);
  const save = useOptimistic({
    queryKey: status.queryKey,
    patch: (_data: { saved: boolean }, saved: boolean) => ({ saved }),
    send: (saved: boolean) => client.library.saveAlbum.mutate({ albumId, saved }),
    refresh: [status.queryKey, trpc.library.entries.pathKey()],
  });
  const saved = data?.saved ?? false;
  return (
    <>
      <button
        type="button"
        className={`${styles.like} ${styles.big} ${saved ? styles.liked : ""}`}
        aria-label={saved ? "Remove from Your Library" : "Save to Your Library"}
        aria-pressed={saved}
        title={saved ? `Remove ${title} from Your Library` : `Save ${title} to Your Library`}
        disabled={!data}
        onClick={() => save.mutate(!saved)}
      >
        {saved ? <HeartFilledIcon size={32} /> : <HeartIcon size={32} />}
      </button>
      {save.isError && (
        <span role="alert" className={styles.error}>
          Couldn&apos;t update Your Library. Try again.
        </span>
      )}
    </>
  );
}
