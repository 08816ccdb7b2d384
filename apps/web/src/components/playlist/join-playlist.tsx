"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";

import { useTRPC } from "~/trpc/react";
import { toast } from "../toast";
import { errorMessage, useInvalidatePlaylist } from "./playlist-queries";

/** Accepting an invite makes the listener an editor, then opens the playlist. */
export function JoinPlaylist({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidatePlaylist();
  const join = useMutation(
    trpc.playlist.join.mutationOptions({
      onSuccess: async ({ id, name }) => {
        await invalidate(id);
        toast(`You joined ${name}`);
        router.replace(`/playlist/${id}`);
      },
    }),
  );
  return (
    <>
      <h1>Join a playlist</h1>
      <p className="sub">
        You were invited to collaborate on a playlist: you will be able to add, remove and reorder its songs.
      </p>
      {join.error && (
        <p className="alert" role="alert">
          {errorMessage(join.error)}
        </p>
      )}
      <button
        type="button"
        className="button block"
        disabled={join.isPending || join.isSuccess}
        onClick={() => join.mutate({ token })}
      >
        {join.isPending || join.isSuccess ? "Joining…" : "Join playlist"}
      </button>
      <p className="auth-footer">
        <Link href="/">Not now</Link>
      </p>
    </>
  );
}
