"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import type { FormEvent } from "react";

import { Field, formText, PasswordField } from "~/components/form";
import { safeCallbackPath } from "~/lib/callback-url";

const messages: Record<string, string> = {
  CredentialsSignin: "That email and password don't match an account.",
  TooManyAttempts: "Too many sign-in attempts. Wait a moment and try again.",
  SignInUnavailable: "Sign-in is temporarily unavailable. Try again shortly.",
  OAuthAccountNotLinked: "That email already has an account. Sign in with your password.",
  OAuthEmailUnverified: "Verify your email address with that provider first, then try again.",
  SessionRequired: "Sign in to continue.",
};

export function SignInForm({ providers }: { providers: { id: string; name: string }[] }) {
  const router = useRouter();
  const params = useSearchParams();
  // Checked against this page's origin when used: only this site, never a look-alike path.
  const callbackUrl = () => safeCallbackPath(params.get("callbackUrl"), window.location.origin);
  const initialError = params.get("error");
  const [error, setError] = useState(
    initialError ? (messages[initialError] ?? "Sign-in failed. Try again.") : "",
  );
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError("");
    const result = await signIn("credentials", {
      email: formText(form, "email"),
      password: formText(form, "password"),
      redirect: false,
    });
    setPending(false);
    if (!result?.ok) {
      const retry = result?.status === 429 ? messages.TooManyAttempts : undefined;
      setError(retry ?? messages[result?.error ?? ""] ?? messages.CredentialsSignin ?? "");
      return;
    }
    router.replace(callbackUrl());
    router.refresh();
  }

  return (
    <>
      <h1>Welcome back</h1>
      <p className="sub">Sign in to keep listening.</p>
      {error && (
        <div className="alert" role="alert">
          {error}
        </div>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Field label="Email" name="email" type="email" autoComplete="email" required autoFocus />
        <PasswordField label="Password" name="password" autoComplete="current-password" required />
        <button className="button block" type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {providers.length > 0 && (
        <>
          <div className="divider">or</div>
          {providers.map((p) => (
            <button
              key={p.id}
              type="button"
              className="button secondary block"
              style={{ marginBottom: 10 }}
              onClick={() => void signIn(p.id, { callbackUrl: callbackUrl() })}
            >
              Continue with {p.name}
            </button>
          ))}
        </>
      )}
      <p className="auth-footer">
        New to Cadence? <Link href="/signup">Create an account</Link>
      </p>
    </>
  );
}
