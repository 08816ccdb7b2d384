"use client";

import { useTRPC, useTRPCClient } from "~/trpc/react";

import type { RouterOutputs } from "@cadence/api";

import styles from "./library.module.css";
import { useOptimistic } from "./use-optimistic";

type Profile = RouterOutputs["profile"]["get"];

/** Follows another listener; their follower count moves with the button. */
export function FollowUserButton({ profile }: { profile: Profile }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { queryKey } = trpc.profile.get.queryOptions({ username: profile.username });
  const follow = useOptimistic({
    queryKey,
    patch: (data: Profile, following: boolean) => ({
      ...data,
      isFollowing: following,
      followerCount: data.followerCount + (following === data.isFollowing ? 0 : following ? 1 : -1),
    }),
    send: (following: boolean) => client.profile.follow.mutate({ userId: profile.id, following }),
    // Every profile: mine counts whom I follow.
    refresh: [trpc.profile.get.pathKey()],
  });
  return (
    <>
      <button
        type="button"
        className={styles.toggle}
        aria-pressed={profile.isFollowing}
        onClick={() => follow.mutate(!profile.isFollowing)}
      >
        {profile.isFollowing ? "Following" : "Follow"}
      </button>
      {follow.isError && (
        <span role="alert" className={styles.error}>
          {follow.error.message}
        </span>
      )}
    </>
  );
}
