"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useMemo } from "react";

import type { CatalogTrack } from "./player/to-player-track";
import { applyListenerSettings } from "./track-availability";
import { useTRPC } from "~/trpc/react";

/** The tracks as this listener may play them (pages prefetch `user.me` with the catalog). */
export function useAvailableTracks(tracks: readonly CatalogTrack[]): CatalogTrack[] {
  const trpc = useTRPC();
  const { data: me } = useSuspenseQuery(trpc.user.me.queryOptions());
  const { explicitContent } = me.preferences;
  return useMemo(() => applyListenerSettings(tracks, { explicitContent }), [tracks, explicitContent]);
}
