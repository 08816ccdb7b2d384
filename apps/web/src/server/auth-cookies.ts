import "server-only";

import { deviceTokens } from "@cadence/domain/auth";
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";

import { env } from "~/env";
import { sameOriginUrl } from "~/lib/callback-url";
import { cookiePrefix } from "./session";

const prefix = cookiePrefix(env.NEXTAUTH_URL);
const secure = prefix !== "";
const origin = env.NEXTAUTH_URL ?? "http://localhost";

const CALLBACK_URL_COOKIE = `${prefix}next-auth.callback-url`;
const DEVICE_COOKIE = `${prefix}cadence.device`;

/**
 * next-auth checks a callback-url cookie before any callback runs and answers 500 to every
 * request while one does not parse; a value that is not a URL on this site is no use anyway.
 */
function usableCallbackUrl(value: string): boolean {
  // next-auth takes a path ("/…") or an absolute http(s) URL; anything else ("true") is a 500.
  return (value.startsWith("/") || /^https?:/i.test(value)) && sameOriginUrl(value, origin) !== null;
}

/**
 * In the auth route: an unusable callback-url cookie is dropped from this request (route
 * handlers may change cookies, and next-auth reads them afterwards) and from the browser.
 */
export async function dropUnusableCallbackCookie(): Promise<void> {
  const jar = await cookies();
  const value = jar.get(CALLBACK_URL_COOKIE)?.value;
  if (value && !usableCallbackUrl(value)) jar.delete(CALLBACK_URL_COOKIE);
}

/** The URL without a callbackUrl parameter that next-auth would refuse with a 500. */
export function withoutUnusableCallbackParam(url: string): string {
  const parsed = new URL(url);
  const value = parsed.searchParams.get("callbackUrl");
  if (value !== null && !usableCallbackUrl(value)) parsed.searchParams.delete("callbackUrl");
  return parsed.toString();
}

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
