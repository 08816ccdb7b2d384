import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";

import type { AppError } from "@cadence/domain";
import { deviceTokens } from "@cadence/domain/auth";
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";

import { env } from "~/env";

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

const secure = env.NEXTAUTH_URL?.startsWith("https://") ?? false;
const DEVICE_COOKIE = `${secure ? "__Secure-" : ""}cadence.device`;
// Without the app secret (a bare dev server) there are no known devices.
const devices = env.NEXTAUTH_SECRET ? deviceTokens(env.NEXTAUTH_SECRET) : null;

/** The account the request's device cookie was issued to, if the cookie is genuine. */
export function deviceUserIdOf(req: NextRequest): string | null {
  return devices?.verify(req.cookies.get(DEVICE_COOKIE)?.value) ?? null;
}

/** The response with a device cookie for the account that just signed in. */
export function withDeviceCookie(res: Response, userId: string): Response {
  if (!devices) return res;
  const out = new NextResponse(res.body, { status: res.status, headers: res.headers });
  out.cookies.set(DEVICE_COOKIE, devices.issue(userId), {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/api/auth",
    maxAge: devices.maxAgeSeconds,
  });
  return out;
}
