import { TRPCError } from "@trpc/server";

import type { DomainServices } from "@cadence/domain";
import { forgetPasswordChangeRequired, passwordChangeRequired } from "@cadence/domain/password-change";

import type { Session } from "./context";

/** What an account with a generated password may still do: see itself and change the password. */
const ALLOWED_PATHS = new Set(["user.me", "user.changePassword"]);

/** The cause of the FORBIDDEN answer, so pages can send the listener to the account page. */
export class PasswordChangeRequiredError extends Error {
  constructor() {
    super("Change your password to continue: this account's password was generated at setup.");
    this.name = "PasswordChangeRequiredError";
  }
}

export function isPasswordChangeRequired(error: unknown): boolean {
  return error instanceof TRPCError && error.cause instanceof PasswordChangeRequiredError;
}

/**
 * Protected procedures refuse an account that must change its password, except the ones in
 * ALLOWED_PATHS. (Sign-out is next-auth's, outside tRPC.)
 */
export async function requirePasswordChanged<Result extends { ok: boolean }>(opts: {
  ctx: DomainServices & { session: Session };
  path: string;
  next: () => Promise<Result>;
}): Promise<Result> {
  const services = opts.ctx;
  const userId = opts.ctx.session.user.id;
  if (!ALLOWED_PATHS.has(opts.path)) {
    const required =
      opts.ctx.session.passwordChangeRequired ?? (await passwordChangeRequired(services, userId));
    if (required) {
      const cause = new PasswordChangeRequiredError();
      throw new TRPCError({ code: "FORBIDDEN", message: cause.message, cause });
    }
    return opts.next();
  }
  const result = await opts.next();
  if (opts.path === "user.changePassword" && result.ok) await forgetPasswordChangeRequired(services, userId);
  return result;
}
