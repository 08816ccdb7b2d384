"use client";

import { useQuery } from "@tanstack/react-query";

import { useTRPC, useTRPCClient } from "~/trpc/react";

import styles from "./library.module.css";
import { useOptimistic } from "./use-optimistic";

/** Follows an artist, putting them in Your Library, or stops. */
export function FollowArtistButton({ artistId }: { artistId: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const status = trpc.library.isFollowingArtist.queryOptions({ artistId });
  const { data } = useQuery(status);
  const follow = useOptimistic({
    queryKey: status.queryKey,
    patch: (_data: { following: boolean }, following: boolean) => ({ following }),
    send: (following: boolean) => client.library.followArtist.mutate({ artistId, following }),
    refresh: [status.queryKey, trpc.library.entries.pathKey()],
  });
  const following = data?.following ?? false;
  return (
    <>
      <button
        type="button"
        className={styles.toggle}
        aria-pressed={following}
        disabled={!data}
        onClick={() => follow.mutate(!following)}
      >
        {following ? "Following" : "Follow"}
      </button>
      {follow.isError && (
        <span role="alert" className={styles.error}>
          Couldn&apos;t update Your Library. Try again.
        </span>
      )}
    </>
  );
}
