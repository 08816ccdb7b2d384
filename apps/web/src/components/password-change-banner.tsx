"use client";

import { useMutationState } from "@tanstack/react-query";
import { useState } from "react";

import { useTRPC } from "~/trpc/react";

/**
 * Asks the holder of a generated password to choose their own. It goes away as soon as the
 * change succeeds (the layout that rendered it does not re-render on client navigation).
 */
export function PasswordChangeBanner() {
  const trpc = useTRPC();
  const succeeded = useMutationState({
    filters: { mutationKey: trpc.user.changePassword.mutationKey(), status: "success" },
  }).length;
  // Latched: the finished mutation is garbage-collected later, the change is not undone.
  const [changed, setChanged] = useState(false);
  if (succeeded > 0 && !changed) setChanged(true);
  if (changed || succeeded > 0) return null;
  return (
    <div className="alert" role="alert">
      <strong>Change your password to continue.</strong> This account&apos;s password was generated when
      Cadence was set up and shown in the server&apos;s log. Choose your own under{" "}
      <a href="/account#password">Password</a>; until then the rest of Cadence is locked.
    </div>
  );
}
