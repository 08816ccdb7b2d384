"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { QueryKey } from "@tanstack/react-query";

/**
 * A change shown before the server confirms it: the cached answer under `queryKey` is patched
 * at once, put back if the server refuses, and every query under `refresh` is refetched after.
 */
export function useOptimistic<TData, TInput>({
  queryKey,
  patch,
  send,
  refresh,
}: {
  queryKey: QueryKey;
  patch: (data: TData, input: TInput) => TData;
  send: (input: TInput) => Promise<unknown>;
  refresh: QueryKey[];
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onMutate: async (input: TInput) => {
      await queryClient.cancelQueries({ queryKey });
      const before = queryClient.getQueryData<TData>(queryKey);
      if (before !== undefined) queryClient.setQueryData<TData>(queryKey, patch(before, input));
      return { before };
    },
    onError: (_error, _input, context) => {
      if (context?.before !== undefined) queryClient.setQueryData(queryKey, context.before);
    },
    onSettled: () => Promise.all(refresh.map((key) => queryClient.invalidateQueries({ queryKey: key }))),
  });
}
