"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FormEvent } from "react";

import { useTRPC } from "~/trpc/react";
import { absoluteUrl, copyText } from "../clipboard";
import { Dialog } from "../dialog";
import { Field, formErrors, formText } from "../form";
import { toast } from "../toast";
import { errorMessage, useInvalidatePlaylist } from "./playlist-queries";
import type { PlaylistView } from "./playlist-queries";
import styles from "./playlist-dialogs.module.css";

/**
 * Who edits a playlist. The owner makes, copies and revokes the invite link, adds listeners by
 * username and removes them; an editor sees the others and can leave; anyone else just sees.
 */
export function CollaboratorsDialog({ playlist, onClose }: { playlist: PlaylistView; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidatePlaylist();
  const list = useQuery(trpc.playlist.collaborators.queryOptions({ id: playlist.id }));
  const me = useQuery(trpc.user.me.queryOptions());
  const [failure, setFailure] = useState("");
  const done = {
    onSuccess: () => invalidate(playlist.id),
    onError: (error: unknown) => setFailure(errorMessage(error)),
  };
  const invite = useMutation(trpc.playlist.invite.mutationOptions(done));
  const revoke = useMutation(trpc.playlist.revokeInvite.mutationOptions(done));
  const removeOne = useMutation(trpc.playlist.removeCollaborator.mutationOptions(done));
  const leave = useMutation(
    trpc.playlist.removeCollaborator.mutationOptions({
      onSuccess: async () => {
        toast(`You left ${playlist.name}`);
        onClose();
        router.push("/");
        await invalidate();
      },
      onError: done.onError,
    }),
  );

  const people = list.data?.collaborators ?? [];
  const token = list.data?.inviteToken ?? null;
  const link = token ? absoluteUrl(`/playlist/join/${token}`) : "";
  const amEditor = !playlist.isOwner && people.some((p) => p.userId === me.data?.id);

  return (
    <Dialog title={playlist.isOwner ? "Invite collaborators" : "Collaborators"} onClose={onClose} wide>
      {playlist.isOwner && (
        <p className="muted">
          Collaborators can add, remove and reorder songs. Only you can rename or delete it.
        </p>
      )}
      {failure && (
        <p className="alert" role="alert">
          {failure}
        </p>
      )}
      {playlist.isOwner && (
        <section className={styles.section} aria-labelledby="invite-link-title">
          <h3 id="invite-link-title">Invite link</h3>
          {token ? (
            <div className={styles.linkRow}>
              <input
                className="input"
                readOnly
                value={link}
                aria-label="Invite link"
                onFocus={(e) => e.target.select()}
              />
              <button
                type="button"
                className={`button ${styles.small}`}
                onClick={() =>
                  void copyText(link).then((ok) =>
                    toast(ok ? "Invite link copied" : "Copy the link from the field", ok ? "info" : "error"),
                  )
                }
              >
                Copy invite link
              </button>
              <button
                type="button"
                className={`button danger ${styles.small}`}
                disabled={revoke.isPending}
                onClick={() => revoke.mutate({ id: playlist.id })}
              >
                Revoke link
              </button>
            </div>
          ) : (
            <>
              <p className="muted">Anyone signed in who opens the link becomes a collaborator.</p>
              <button
                type="button"
                className={`button ${styles.small}`}
                disabled={invite.isPending || list.isPending}
                onClick={() => invite.mutate({ id: playlist.id })}
              >
                Create invite link
              </button>
            </>
          )}
        </section>
      )}
      {playlist.isOwner && <AddByUsername playlistId={playlist.id} />}
      <section className={styles.section} aria-labelledby="collaborators-title">
        <h3 id="collaborators-title">Collaborators</h3>
        {list.isPending && <p className="muted">Loading…</p>}
        {list.data && people.length === 0 && <p className="muted">No one else edits this playlist yet.</p>}
        <ul className={styles.people} aria-labelledby="collaborators-title">
          {people.map((person) => (
            <li key={person.userId}>
              <span className={styles.person}>
                <Link href={`/user/${person.username}`}>{person.displayName}</Link>
                <span>@{person.username}</span>
              </span>
              {playlist.isOwner && (
                <button
                  type="button"
                  className={`button secondary ${styles.small}`}
                  aria-label={`Remove ${person.displayName}`}
                  disabled={removeOne.isPending}
                  onClick={() => removeOne.mutate({ id: playlist.id, userId: person.userId })}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
      {amEditor && me.data && (
        <div className={styles.buttons}>
          <button
            type="button"
            className="button danger"
            disabled={leave.isPending}
            onClick={() => leave.mutate({ id: playlist.id, userId: me.data.id })}
          >
            Leave playlist
          </button>
        </div>
      )}
    </Dialog>
  );
}

function AddByUsername({ playlistId }: { playlistId: string }) {
  const trpc = useTRPC();
  const invalidate = useInvalidatePlaylist();
  const [error, setError] = useState<string | undefined>();
  const add = useMutation(trpc.playlist.addCollaborator.mutationOptions());
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const username = formText(new FormData(form), "username").replace(/^@/, "");
    setError(undefined);
    try {
      await add.mutateAsync({ id: playlistId, username });
      await invalidate(playlistId);
      toast(`Added @${username.toLowerCase()} as a collaborator`);
      form.reset();
    } catch (failure) {
      const found = formErrors(failure);
      setError(found.fields.username ?? found.fields.id ?? found.message);
    }
  };
  return (
    <section className={styles.section}>
      <form onSubmit={(event) => void onSubmit(event)} noValidate className={styles.inline}>
        <Field
          label="Add by username"
          name="username"
          error={error}
          autoComplete="off"
          placeholder="username"
        />
        <button type="submit" className="button secondary" disabled={add.isPending}>
          Add
        </button>
      </form>
    </section>
  );
}
