"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";

import { formErrors } from "~/components/form";
import { useTRPC } from "~/trpc/react";
import styles from "./admin.module.css";

// Failures beyond this many are counted, not listed: the CLI prints them all.
const FAILURES_SHOWN = 100;

const triggerLabel: Record<string, string> = {
  start: "at start",
  watch: "after a change",
  admin: "from this console",
  cli: "from the command line",
};

/** The music folder's status (polled while a scan runs) and the rescan button. */
export function MusicFolderPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: status } = useSuspenseQuery({
    ...trpc.admin.musicFolder.queryOptions(),
    refetchInterval: (query) => (query.state.data?.scanning ? 1500 : 10_000),
  });
  const [error, setError] = useState("");
  const rescan = useMutation(
    trpc.admin.rescanMusicFolder.mutationOptions({
      onMutate: () => setError(""),
      onError: (failure) => setError(formErrors(failure).message),
      onSettled: () => queryClient.invalidateQueries(trpc.admin.musicFolder.queryFilter()),
    }),
  );
  const last = status.scans[0];
  const scanning = status.scanning || rescan.isPending;

  return (
    <section className="panel" aria-labelledby="music-folder">
      <h2 id="music-folder">Music folder</h2>
      {status.folder ? (
        <p className="desc">
          <code>{status.folder}</code> is scanned at start and watched for changes.
        </p>
      ) : (
        <p className="desc">
          No music folder is set: the demo catalog is what plays. Start the app with <code>MUSIC_DIR</code>{" "}
          set to a folder of music to scan and watch it.
        </p>
      )}

      <dl className={styles.facts}>
        <dt>Status</dt>
        <dd role="status">{scanning ? "Scanning…" : status.folder ? "Watching" : "Not configured"}</dd>
        <dt>Tracks</dt>
        <dd>
          {status.tracks.live} playable, {status.tracks.retired} withdrawn (file gone)
        </dd>
        <dt>Last scan</dt>
        <dd>
          {last
            ? `${new Date(last.startedAt).toLocaleString()} ${triggerLabel[last.trigger] ?? ""}` +
              (last.finishedAt ? "" : " (running)")
            : "never"}
        </dd>
      </dl>

      {last?.finishedAt && !last.error && (
        <p>
          {last.files} files: {last.added} added, {last.updated} updated, {last.moved} moved, {last.unchanged}{" "}
          unchanged, {last.retired} withdrawn, {last.failures.length} skipped.
        </p>
      )}
      {last?.error && (
        <div className="alert" role="alert">
          The last scan could not run: {last.error}
        </div>
      )}

      {last && last.failures.length > 0 && (
        <>
          <h3 className={styles.subhead}>Skipped files</h3>
          <table className={styles.failures}>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {last.failures.slice(0, FAILURES_SHOWN).map((failure) => (
                <tr key={failure.path}>
                  <td>
                    <code>{failure.path}</code>
                  </td>
                  <td>{failure.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {last.failures.length > FAILURES_SHOWN && (
            <p className="muted">
              and {last.failures.length - FAILURES_SHOWN} more (<code>pnpm music:rescan</code> lists them all)
            </p>
          )}
        </>
      )}

      {error && (
        <div className="alert" role="alert">
          {error}
        </div>
      )}
      <div className="row-actions">
        <button
          className="button"
          type="button"
          disabled={!status.folder || scanning}
          onClick={() => rescan.mutate()}
        >
          {scanning ? "Scanning…" : "Rescan music folder"}
        </button>
      </div>
    </section>
  );
}
