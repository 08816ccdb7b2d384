import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";

import type { AppError } from "@cadence/domain";

/** One password sign-in as the auth route sees it, shared with next-auth's authorize(). */
export interface CredentialsAttempt {
  ip: string;
  /** The account this browser's device cookie vouches for. */
  deviceUserId: string | null;
  /** Set by authorize: the account that signed in. */
  signedIn?: string;
  /** Set by authorize: why the attempt was refused before its password was checked. */
  refused?: AppError;
}

// next-auth calls authorize() inside the route's request, so the route and authorize share
// the attempt through the async context instead of through next-auth's options.
export const credentialsAttempt = new AsyncLocalStorage<CredentialsAttempt>();
