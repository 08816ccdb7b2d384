"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { FormEvent } from "react";

import { useTRPC } from "~/trpc/react";
import { Dialog } from "../dialog";
import { Field, formErrors, formText } from "../form";
import type { FieldErrors } from "../form";
import { toast } from "../toast";
import { isStaleVersion, useInvalidatePlaylist } from "./playlist-queries";
import type { PlaylistView } from "./playlist-queries";
import styles from "./playlist-dialogs.module.css";

/**
 * The owner's name, description and visibility. The server's field messages show beside their
 * fields; a save against an older version is refused, the details reload, and the listener's
 * typing stays for them to save again.
 */
export function EditDetailsDialog({ playlist, onClose }: { playlist: PlaylistView; onClose: () => void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidatePlaylist();
  const [fields, setFields] = useState<FieldErrors>({});
  const [message, setMessage] = useState("");
  const update = useMutation(trpc.playlist.update.mutationOptions());

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFields({});
    setMessage("");
    try {
      await update.mutateAsync({
        id: playlist.id,
        version: playlist.version,
        name: formText(form, "name"),
        description: formText(form, "description") || null,
        isPublic: form.get("isPublic") === "on",
      });
      await invalidate(playlist.id);
      toast("Playlist details saved");
      onClose();
    } catch (error) {
      if (isStaleVersion(error)) {
        await invalidate(playlist.id);
        setMessage("Someone changed this playlist since you opened this. Check the details and save again.");
        return;
      }
      const found = formErrors(error);
      setFields(found.fields);
      setMessage(found.message);
    }
  };

  return (
    <Dialog title="Edit details" onClose={onClose}>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        {message && (
          <p className="alert" role="alert">
            {message}
          </p>
        )}
        <Field label="Name" name="name" defaultValue={playlist.name} error={fields.name} data-autofocus />
        <Field label="Description" name="description" error={fields.description}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              name="description"
              className={`input ${styles.textarea}`}
              rows={3}
              defaultValue={playlist.description ?? ""}
              aria-invalid={invalid}
              aria-describedby={describedBy}
            />
          )}
        </Field>
        <label className="checkbox">
          <input type="checkbox" name="isPublic" defaultChecked={playlist.isPublic} />
          Public: anyone with the link can see and play it
        </label>
        <div className={styles.buttons}>
          <button type="submit" className="button" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save"}
          </button>
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
