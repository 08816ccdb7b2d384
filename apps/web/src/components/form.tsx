"use client";

import { useId, useState } from "react";
import type { InputHTMLAttributes, ReactNode } from "react";

type FieldProps = {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: ReactNode;
  children?: (props: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "children">;

/** A labelled input whose error and hint are announced with it. */
export function Field({ label, name, error, hint, children, ...input }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children ? (
        children({ id, describedBy, invalid: Boolean(error) })
      ) : (
        <input
          id={id}
          name={name}
          className="input"
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          {...input}
        />
      )}
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function PasswordField(props: Omit<FieldProps, "type" | "children">) {
  const [visible, setVisible] = useState(false);
  const { label, name, error, hint, ...input } = props;
  return (
    <Field label={label} name={name} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <div className="password-wrap">
          <input
            id={id}
            name={name}
            type={visible ? "text" : "password"}
            className="input"
            aria-invalid={invalid}
            aria-describedby={describedBy}
            {...input}
          />
          <button
            type="button"
            className="reveal"
            onClick={() => setVisible((v) => !v)}
            aria-pressed={visible}
          >
            {visible ? "Hide" : "Show"}
            <span className="visually-hidden"> password</span>
          </button>
        </div>
      )}
    </Field>
  );
}

/** A form field as text; file inputs and missing fields read as empty. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export type FieldErrors = Partial<Record<string, string>>;

/** Field messages and the summary message from a tRPC error, for forms. */
export function formErrors(error: unknown): { fields: FieldErrors; message: string } {
  const data = (error as { data?: { fieldErrors?: Record<string, string[] | undefined> } } | null)?.data;
  const fields: FieldErrors = {};
  for (const [field, messages] of Object.entries(data?.fieldErrors ?? {})) {
    if (messages?.[0]) fields[field] = messages[0];
  }
  const message =
    Object.keys(fields).length > 0 ? "" : error instanceof Error ? error.message : "Something went wrong";
  return { fields, message };
}
