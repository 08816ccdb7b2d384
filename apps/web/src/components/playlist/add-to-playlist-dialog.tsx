"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";

import { useTRPC } from "~/trpc/react";
import { Dialog } from "../dialog";
import { PlusIcon } from "../icons";
import { toast } from "../toast";
import { PlaylistCover } from "./playlist-cover";
import { duplicatesOf, errorMessage, useInvalidatePlaylist } from "./playlist-queries";
import type { SidebarPlaylist } from "./playlist-queries";
import styles from "./add-to-playlist.module.css";

type Target = Pick<SidebarPlaylist, "id" | "name">;
type Policy = "add" | "skip";

const songs = (n: number) => `${n} ${n === 1 ? "song" : "songs"}`;

/**
 * Adds tracks to one of the listener's playlists (or a new one). When some are there already,
 * the server says which and the listener chooses: add them again, skip them, or cancel.
 */
export function AddToPlaylistDialog({
  trackIds,
  what,
  onClose,
}: {
  trackIds: string[];
  /** What is being added, for the title: a track's title, or "12 songs". */
  what: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidatePlaylist();
  const mine = useQuery(trpc.playlist.mine.queryOptions());
  const [filter, setFilter] = useState("");
  const [duplicates, setDuplicates] = useState<{ playlist: Target; trackIds: string[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const addTracks = useMutation(trpc.playlist.addTracks.mutationOptions());
  const create = useMutation(trpc.playlist.create.mutationOptions());
  const busy = addTracks.isPending || create.isPending;

  const add = async (playlist: Target, duplicatesPolicy?: Policy) => {
    setFailure(null);
    try {
      const { added } = await addTracks.mutateAsync({
        id: playlist.id,
        trackIds,
        ...(duplicatesPolicy ? { duplicates: duplicatesPolicy } : {}),
      });
      await invalidate(playlist.id);
      const skipped = trackIds.length - added;
      toast(
        added === 0
          ? `Nothing added: ${playlist.name} has ${trackIds.length === 1 ? "it" : "them all"} already`
          : `Added ${trackIds.length === 1 ? what : songs(added)} to ${playlist.name}` +
              (skipped > 0 ? ` (${songs(skipped)} already there)` : ""),
      );
      onClose();
    } catch (error) {
      const found = duplicatesOf(error);
      if (found) setDuplicates({ playlist, trackIds: found });
      else setFailure(errorMessage(error));
    }
  };

  const createAndAdd = async () => {
    setFailure(null);
    try {
      const created = await create.mutateAsync({});
      await add(created);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  if (duplicates) {
    return (
      <Dialog title="Already added" onClose={onClose} wide>
        <Duplicates
          playlist={duplicates.playlist}
          count={trackIds.length}
          duplicateCount={duplicates.trackIds.length}
          busy={busy}
          failure={failure}
          onChoose={(policy) => void add(duplicates.playlist, policy)}
          onCancel={onClose}
        />
      </Dialog>
    );
  }

  const query = filter.trim().toLowerCase();
  const shown = (mine.data ?? []).filter((p) => p.name.toLowerCase().includes(query));
  return (
    <Dialog title={`Add ${what} to a playlist`} onClose={onClose}>
      {failure && (
        <p className="alert" role="alert">
          {failure}
        </p>
      )}
      <label className="visually-hidden" htmlFor="add-to-playlist-filter">
        Find a playlist
      </label>
      <input
        id="add-to-playlist-filter"
        className="input"
        type="search"
        placeholder="Find a playlist"
        value={filter}
        data-autofocus
        onChange={(event) => setFilter(event.target.value)}
      />
      <ul className={styles.choices} aria-label="Your playlists" aria-busy={busy}>
        <li>
          <button type="button" className={styles.choice} disabled={busy} onClick={() => void createAndAdd()}>
            <span className={styles.newCover} aria-hidden="true">
              <PlusIcon size={20} />
            </span>
            New playlist
          </button>
        </li>
        {shown.map((playlist) => (
          <li key={playlist.id}>
            <button
              type="button"
              className={styles.choice}
              disabled={busy}
              onClick={() => void add(playlist)}
            >
              <PlaylistCover coverUrls={playlist.coverUrls} size="small" />
              <span className={styles.choiceName}>{playlist.name}</span>
            </button>
          </li>
        ))}
      </ul>
      {mine.isPending && <p className="muted">Loading your playlists…</p>}
      {mine.data && shown.length === 0 && query && <p className="muted">No playlist is called that.</p>}
    </Dialog>
  );
}

function Duplicates({
  playlist,
  count,
  duplicateCount,
  busy,
  failure,
  onChoose,
  onCancel,
}: {
  playlist: Target;
  count: number;
  duplicateCount: number;
  busy: boolean;
  failure: string | null;
  onChoose: (policy: Policy) => void;
  onCancel: () => void;
}) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const some = duplicateCount < count;
  return (
    <>
      <p>
        {count === 1
          ? `This song is already in ${playlist.name}.`
          : `${duplicateCount} of these ${songs(count)} are already in ${playlist.name}.`}
      </p>
      {failure && (
        <p className="alert" role="alert">
          {failure}
        </p>
      )}
      <div className={styles.actions}>
        <button ref={first} type="button" className="button" disabled={busy} onClick={() => onChoose("add")}>
          Add anyway
        </button>
        {some && (
          <button type="button" className="button secondary" disabled={busy} onClick={() => onChoose("skip")}>
            Skip duplicates
          </button>
        )}
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
