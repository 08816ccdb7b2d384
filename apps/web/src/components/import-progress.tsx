"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { useTRPC } from "~/trpc/react";

import styles from "./import-progress.module.css";

/** How often the home page asks while an import runs: about a track's time, or less. */
const POLL_MS = 2000;

/**
 * "Importing music: 12 of 40" while the server imports (the demo catalog at a first start),
 * refreshed as it goes; each finished track refreshes the catalog's lists, so new albums show up
 * without a reload. Renders nothing when no import runs.
 */
export function ImportProgress() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: progress } = useQuery({
    ...trpc.catalog.importProgress.queryOptions(),
    refetchInterval: (query) => (query.state.data ? POLL_MS : false),
  });
  const done = progress?.done ?? null;
  const seen = useRef(done);
  useEffect(() => {
    if (seen.current === done) return;
    seen.current = done;
    // A track finished, or the import did (null): what the lists show has changed.
    void queryClient.invalidateQueries({ queryKey: trpc.catalog.home.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.catalog.albums.infiniteQueryKey() });
  }, [done, queryClient, trpc]);

  if (!progress) return null;
  return (
    <section className={styles.importing} aria-label="Music import">
      <p role="status">
        Importing music: {progress.done} of {progress.total}
      </p>
      <progress
        className={styles.bar}
        max={progress.total}
        value={progress.done}
        aria-label="Music imported"
      />
      <p className="muted">Albums appear here as their tracks are ready; everything else works meanwhile.</p>
    </section>
  );
}
