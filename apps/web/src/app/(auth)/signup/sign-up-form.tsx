"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FormEvent } from "react";

import { Field, formErrors, formText, PasswordField } from "~/components/form";
import type { FieldErrors } from "~/components/form";
import { useTRPC } from "~/trpc/react";

export function SignUpForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [fields, setFields] = useState<FieldErrors>({});
  const [message, setMessage] = useState("");
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      displayName: formText(form, "displayName"),
      email: formText(form, "email"),
      password: formText(form, "password"),
    };
    setFields({});
    setMessage("");
    try {
      await signUp.mutateAsync(input);
    } catch (error) {
      const { fields, message } = formErrors(error);
      setFields(fields);
      setMessage(message);
      return;
    }
    const result = await signIn("credentials", {
      email: input.email,
      password: input.password,
      redirect: false,
    });
    if (!result?.ok) {
      router.push("/signin");
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <>
      <h1>Create your account</h1>
      <p className="sub">Free forever. Millions of seconds of music await.</p>
      {message && (
        <div className="alert" role="alert">
          {message}
        </div>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Field
          label="What should we call you?"
          name="displayName"
          autoComplete="nickname"
          required
          error={fields.displayName}
        />
        <Field label="Email" name="email" type="email" autoComplete="email" required error={fields.email} />
        <PasswordField
          label="Password"
          name="password"
          autoComplete="new-password"
          required
          error={fields.password}
          hint="At least 8 characters. A long passphrase is best."
        />
        <button className="button block" type="submit" disabled={signUp.isPending}>
          {signUp.isPending ? "Creating account…" : "Sign up"}
        </button>
      </form>
      <p className="auth-footer">
        Already have an account? <Link href="/signin">Sign in</Link>
      </p>
    </>
  );
}
