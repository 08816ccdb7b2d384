"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef } from "react";

import { useTRPC, useTRPCClient } from "~/trpc/react";
import { toast } from "../toast";
import { itemsQueryOptions } from "./items-query";
import { afterItemFor, moveRow, removeRows, rowsOf, settleWrite, versionOf } from "./playlist-order";
import type { Pages } from "./playlist-order";
import { errorMessage, isStaleVersion, useInvalidatePlaylist } from "./playlist-queries";

export const STALE_MESSAGE =
  "This playlist changed since you loaded it, so your change was not saved. It now shows the latest version.";

/**
 * Moves and removals of a playlist's rows. Each shows at once (optimistic), then goes to the
 * server in order, one at a time, each with the version the client holds (the previous write's
 * answer). If the server refuses one (someone else edited first: a stale version), the ones
 * queued after it are dropped, the listener is told, and the page reloads the playlist instead
 * of overwriting anyone. When the queue is empty the playlist is read afresh.
 */
export function usePlaylistEdits(id: string) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const invalidate = useInvalidatePlaylist();
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);
  // Bumped by a failure: writes queued before it were computed from rows that are now wrong.
  const generation = useRef(0);
  const { queryKey } = itemsQueryOptions(trpc, id);

  const run = useCallback(
    (
      optimistic: <D extends Pages>(data: D) => D,
      write: (version: number) => Promise<{ version: number; position?: string }>,
      movedItemId?: string,
    ): Promise<boolean> => {
      const queuedIn = generation.current;
      void queryClient.cancelQueries({ queryKey });
      queryClient.setQueryData(queryKey, (data) => data && optimistic(data));
      pending.current += 1;
      const done = chain.current.then(async () => {
        try {
          const version = versionOf(queryClient.getQueryData(queryKey));
          if (queuedIn !== generation.current || version === undefined) return false;
          const answer = await write(version);
          const moved =
            movedItemId && answer.position ? { itemId: movedItemId, position: answer.position } : undefined;
          queryClient.setQueryData(queryKey, (data) => data && settleWrite(data, answer.version, moved));
          return true;
        } catch (error) {
          generation.current += 1;
          toast(isStaleVersion(error) ? STALE_MESSAGE : errorMessage(error), "error");
          return false;
        } finally {
          pending.current -= 1;
          if (pending.current === 0) await invalidate(id);
        }
      });
      chain.current = done;
      return done;
    },
    [queryClient, queryKey, invalidate, id],
  );

  /** Moves the row at `from` to `to` (indexes in the loaded rows). */
  const move = useCallback(
    (from: number, to: number) => {
      const rows = rowsOf(queryClient.getQueryData(queryKey));
      const row = rows[from];
      if (!row || from === to || to < 0 || to >= rows.length) return Promise.resolve(false);
      const afterItemId = afterItemFor(rows, from, to);
      return run(
        (data) => moveRow(data, from, to),
        (version) => client.playlist.moveItem.mutate({ id, version, itemId: row.itemId, afterItemId }),
        row.itemId,
      );
    },
    [client, id, queryClient, queryKey, run],
  );

  const remove = useCallback(
    (itemIds: string[]) =>
      run(
        (data) => removeRows(data, new Set(itemIds)),
        (version) => client.playlist.removeItems.mutate({ id, version, itemIds }),
      ),
    [client, id, run],
  );

  return { move, remove };
}
