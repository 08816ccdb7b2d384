"use client";

import type { RouterOutputs } from "@cadence/api";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";

import { useTRPC } from "~/trpc/react";

export type PlaylistView = RouterOutputs["playlist"]["get"];
export type PlaylistItemsPage = RouterOutputs["playlist"]["items"];
export type PlaylistEntry = PlaylistItemsPage["items"][number];
export type SidebarPlaylist = RouterOutputs["playlist"]["mine"][number];

/**
 * After any write to a playlist: its header, its rows and the sidebar's list read afresh
 * (the server keys its cache by version, so the next read is the new state).
 */
export function useInvalidatePlaylist() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    async (id?: string) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.playlist.mine.queryKey() }),
        ...(id
          ? [
              queryClient.invalidateQueries({ queryKey: trpc.playlist.get.queryKey({ id }) }),
              queryClient.invalidateQueries({ queryKey: trpc.playlist.items.infiniteQueryKey({ id }) }),
              queryClient.invalidateQueries({ queryKey: trpc.playlist.collaborators.queryKey({ id }) }),
            ]
          : []),
      ]);
    },
    [queryClient, trpc],
  );
}

interface ErrorData {
  code?: string;
  details?: { duplicateTrackIds?: string[]; currentVersion?: number };
  fieldErrors?: Record<string, string[] | undefined>;
}

const dataOf = (error: unknown): ErrorData | undefined => (error as { data?: ErrorData } | null)?.data;

/** The server refused a write made against an older version of the playlist. */
export const isStaleVersion = (error: unknown) =>
  dataOf(error)?.code === "CONFLICT" && dataOf(error)?.details?.currentVersion !== undefined;

/** Tracks the server found in the playlist already, when it refused to add them twice. */
export const duplicatesOf = (error: unknown): string[] | null =>
  dataOf(error)?.code === "CONFLICT" ? (dataOf(error)?.details?.duplicateTrackIds ?? null) : null;

export const errorMessage = (error: unknown) =>
  error instanceof Error ? error.message : "Something went wrong";
