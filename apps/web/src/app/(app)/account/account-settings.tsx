"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { signIn, signOut } from "next-auth/react";
import { useState } from "react";
import type { FormEvent, ReactNode } from "react";

import { Field, formErrors, formText, PasswordField } from "~/components/form";
import type { FieldErrors } from "~/components/form";
import { SignOutButton } from "~/components/sign-out-button";
import { useTRPC } from "~/trpc/react";

type Status = { fields: FieldErrors; message: string; saved: boolean };
const idle: Status = { fields: {}, message: "", saved: false };

/** Runs a form submission and keeps its field errors, summary error and "saved" state. */
function useFormStatus() {
  const [status, setStatus] = useState<Status>(idle);
  const run = async (action: () => Promise<unknown>) => {
    setStatus(idle);
    try {
      await action();
      setStatus({ ...idle, saved: true });
      return true;
    } catch (error) {
      setStatus({ ...formErrors(error), saved: false });
      return false;
    }
  };
  return { status, run };
}

function Panel({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  const id = title.toLowerCase().replace(/\W+/g, "-");
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="desc">{description}</p>
      {children}
    </section>
  );
}

function FormFooter({ pending, status, label }: { pending: boolean; status: Status; label: string }) {
  return (
    <>
      {status.message && (
        <div className="alert" role="alert">
          {status.message}
        </div>
      )}
      <div className="row-actions">
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Saving…" : label}
        </button>
        {status.saved && (
          <span className="saved" role="status">
            Saved
          </span>
        )}
      </div>
    </>
  );
}

export function AccountSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: me } = useSuspenseQuery(trpc.user.me.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.user.me.queryFilter());
  // Playback settings change what is playable (explicit content): cached track lists are stale.
  const refreshPlayable = () =>
    Promise.all([refresh(), queryClient.invalidateQueries(trpc.catalog.pathFilter())]);

  const profile = useFormStatus();
  const updateProfile = useMutation(trpc.user.updateProfile.mutationOptions({ onSuccess: refresh }));
  const preferences = useFormStatus();
  const updatePreferences = useMutation(
    trpc.user.updatePreferences.mutationOptions({ onSuccess: refreshPlayable }),
  );
  const password = useFormStatus();
  const changePassword = useMutation(trpc.user.changePassword.mutationOptions());
  const removal = useFormStatus();
  const deleteAccount = useMutation(trpc.user.deleteAccount.mutationOptions());

  const text = formText;

  return (
    <div className="settings">
      <h1>Account</h1>
      <p className="desc" style={{ color: "var(--muted)", marginBottom: 24 }}>
        {me.email} · <span className="plan-badge">{me.plan?.name ?? "Free"}</span>
      </p>

      <Panel title="Profile" description="How other listeners see you.">
        <form
          noValidate
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            void profile.run(() =>
              updateProfile.mutateAsync({
                displayName: text(form, "displayName"),
                country: text(form, "country"),
                language: text(form, "language"),
              }),
            );
          }}
        >
          <Field
            label="Display name"
            name="displayName"
            defaultValue={me.profile.displayName}
            error={profile.status.fields.displayName}
          />
          <div className="grid-2">
            <Field
              label="Country"
              name="country"
              defaultValue={me.profile.country}
              maxLength={2}
              hint={`Two letters, e.g. US or DE, for how things are shown. Which music you can play follows your account's licensing country (${me.licenseCountry}), set when it was opened.`}
              error={profile.status.fields.country}
            />
            <Field
              label="Language"
              name="language"
              defaultValue={me.profile.language}
              hint="e.g. en or pt-BR"
              error={profile.status.fields.language}
            />
          </div>
          <FormFooter pending={updateProfile.isPending} status={profile.status} label="Save profile" />
        </form>
      </Panel>

      <Panel title="Playback" description="Sound quality and how tracks flow into each other.">
        <form
          noValidate
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const quality = (name: string) => text(form, name) as "low" | "normal" | "high";
            void preferences.run(() =>
              updatePreferences.mutateAsync({
                streamingQuality: quality("streamingQuality"),
                normalisation: text(form, "normalisation") as "off" | "quiet" | "normal" | "loud",
                crossfadeSeconds: Number(text(form, "crossfadeSeconds")),
                gapless: form.get("gapless") === "on",
                explicitContent: form.get("explicitContent") === "on",
              }),
            );
          }}
        >
          <div className="grid-2">
            <Select
              label="Streaming quality"
              name="streamingQuality"
              value={me.preferences.streamingQuality}
              options={qualityOptions.map(([value, label]) =>
                // Above the plan's cap the server streams at the cap: say so where it is chosen.
                (QUALITY_KBPS[value] ?? 0) > (me.plan?.maxBitrateKbps ?? 128)
                  ? [value, `${label}, capped at ${me.plan?.maxBitrateKbps ?? 128} kb/s on your plan`]
                  : [value, label],
              )}
            />
            <Select
              label="Volume normalisation"
              name="normalisation"
              value={me.preferences.normalisation}
              options={[
                ["off", "Off"],
                ["quiet", "Quiet (−23 LUFS)"],
                ["normal", "Normal (−14 LUFS)"],
                ["loud", "Loud (−11 LUFS)"],
              ]}
            />
            <Field
              label="Crossfade (seconds)"
              name="crossfadeSeconds"
              type="number"
              min={0}
              max={12}
              defaultValue={me.preferences.crossfadeSeconds}
              error={preferences.status.fields.crossfadeSeconds}
            />
          </div>
          <label className="checkbox">
            <input type="checkbox" name="gapless" defaultChecked={me.preferences.gapless} /> Gapless playback
          </label>
          <label className="checkbox">
            <input type="checkbox" name="explicitContent" defaultChecked={me.preferences.explicitContent} />{" "}
            Allow explicit content
          </label>
          <FormFooter
            pending={updatePreferences.isPending}
            status={preferences.status}
            label="Save playback settings"
          />
        </form>
      </Panel>

      {me.hasPassword && (
        <Panel title="Password" description="Changing it signs you out everywhere else.">
          <form
            noValidate
            onSubmit={(e: FormEvent<HTMLFormElement>) => {
              e.preventDefault();
              const formEl = e.currentTarget;
              const form = new FormData(formEl);
              const newPassword = text(form, "newPassword");
              void password
                .run(() =>
                  changePassword.mutateAsync({ currentPassword: text(form, "currentPassword"), newPassword }),
                )
                .then(async (ok) => {
                  if (!ok) return;
                  formEl.reset();
                  // The change ended every session, this one too: sign back in with the new password.
                  await signIn("credentials", { email: me.email, password: newPassword, redirect: false });
                });
            }}
          >
            <PasswordField
              label="Current password"
              name="currentPassword"
              autoComplete="current-password"
              error={password.status.fields.currentPassword}
            />
            <PasswordField
              label="New password"
              name="newPassword"
              autoComplete="new-password"
              error={password.status.fields.newPassword}
              hint="At least 8 characters."
            />
            <FormFooter pending={changePassword.isPending} status={password.status} label="Change password" />
          </form>
        </Panel>
      )}

      <Panel title="Sessions" description="Signing out ends your session on every device.">
        <SignOutButton />
      </Panel>

      <Panel
        title="Delete account"
        description="Removes your profile, playlists, likes and history. This cannot be undone."
      >
        <form
          noValidate
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            if (!window.confirm("Delete your account for good?")) return;
            void removal
              .run(() =>
                deleteAccount.mutateAsync(me.hasPassword ? { password: text(form, "password") } : {}),
              )
              .then((ok) => ok && signOut({ callbackUrl: "/signup" }));
          }}
        >
          {me.hasPassword && (
            <PasswordField
              label="Confirm with your password"
              name="password"
              autoComplete="current-password"
              error={removal.status.fields.password}
            />
          )}
          {removal.status.message && (
            <div className="alert" role="alert">
              {removal.status.message}
            </div>
          )}
          <button className="button danger" type="submit" disabled={deleteAccount.isPending}>
            Delete account
          </button>
        </form>
      </Panel>
    </div>
  );
}

const QUALITY_KBPS: Record<string, number> = { low: 64, normal: 128, high: 256 };
const qualityOptions: [string, string][] = [
  ["low", "Low (64 kb/s)"],
  ["normal", "Normal (128 kb/s)"],
  ["high", "High (256 kb/s)"],
];

function Select({
  label,
  name,
  value,
  options,
}: {
  label: string;
  name: string;
  value: string;
  options: [string, string][];
}) {
  return (
    <Field label={label} name={name}>
      {({ id }) => (
        <select id={id} name={name} className="input" defaultValue={value}>
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
