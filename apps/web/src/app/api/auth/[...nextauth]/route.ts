import { clientIp, httpStatusOf } from "@cadence/domain";
import NextAuth from "next-auth";
import { NextRequest } from "next/server";

import { authOptions } from "~/server/auth";
import {
  deviceUserIdOf,
  dropUnusableCallbackCookie,
  withDeviceCookie,
  withoutUnusableCallbackParam,
} from "~/server/auth-cookies";
import { payloadTooLarge, readBoundedBody } from "~/server/bounded-body";
import { credentialsAttempt } from "~/server/credentials-attempt";
import type { CredentialsAttempt } from "~/server/credentials-attempt";

const nextAuth = NextAuth(authOptions) as (req: NextRequest, ctx: unknown) => Promise<Response>;

// Auth forms carry an email, a password (at most 256 characters), a CSRF token and a callback
// URL: a few kilobytes even percent-encoded.
const MAX_BODY_BYTES = 16 * 1024;

function signInError(url: URL, status: number, code: string, message: string, headers = {}): Response {
  return Response.json({ url: `${url.origin}/signin?error=${code}`, error: message }, { status, headers });
}

/** The body as next-auth will read it (form or JSON), or null when it does not parse. */
function parseBody(req: NextRequest, body: string): Record<string, unknown> | null {
  if (!req.headers.get("content-type")?.includes("application/json")) {
    return Object.fromEntries(new URLSearchParams(body));
  }
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Password sign-in: the limits are counted inside authorize(), before the password is checked;
 * a refusal there becomes a real 429 (with Retry-After) or 503 here, where next-auth alone
 * would answer 401. A successful sign-in marks the browser as a known device.
 */
async function credentialsSignIn(req: NextRequest, fields: Record<string, unknown>, ctx: unknown) {
  const url = new URL(req.url);
  if (
    typeof fields.email !== "string" ||
    !fields.email ||
    typeof fields.password !== "string" ||
    !fields.password
  ) {
    return signInError(url, 400, "CredentialsSignin", "Enter your email and password");
  }
  const attempt: CredentialsAttempt = { ip: clientIp(req.headers), deviceUserId: deviceUserIdOf(req) };
  const res = await credentialsAttempt.run(attempt, () => nextAuth(req, ctx));
  if (attempt.refused) {
    const error = attempt.refused;
    return signInError(
      url,
      httpStatusOf(error),
      error.code === "THROTTLED" ? "TooManyAttempts" : "SignInUnavailable",
      error.message,
      error.retryAfterSeconds ? { "Retry-After": String(error.retryAfterSeconds) } : {},
    );
  }
  return attempt.signedIn && res.status < 400 ? withDeviceCookie(res, attempt.signedIn) : res;
}

/**
 * next-auth copies the error page's ?error= into its redirect unencoded: anything but a plain
 * code (non-Latin-1 characters, a line break) makes that header throw, a 500. Codes are words.
 */
function withoutUnusableErrorParam(url: string): string {
  const parsed = new URL(url);
  const error = parsed.searchParams.get("error");
  if (error === null || /^\w{1,64}$/.test(error)) return url;
  parsed.searchParams.delete("error");
  return parsed.toString();
}

export async function GET(req: NextRequest, ctx: unknown): Promise<Response> {
  // next-auth answers a credentials callback by GET with a 500 ("not supported"): it is POST only.
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    return new Response("Use POST", { status: 405, headers: { Allow: "POST" } });
  }
  await dropUnusableCallbackCookie();
  return nextAuth(
    new NextRequest(withoutUnusableErrorParam(withoutUnusableCallbackParam(req.url)), req),
    ctx,
  );
}

export async function POST(req: NextRequest, ctx: unknown): Promise<Response> {
  // Capped before anything reads it: next-auth would read a body of any size.
  const body = await readBoundedBody(req, MAX_BODY_BYTES);
  if (body === null) return payloadTooLarge(MAX_BODY_BYTES);
  const fields = parseBody(req, body);
  if (!fields) return Response.json({ error: "The request body is not valid JSON" }, { status: 400 });
  await dropUnusableCallbackCookie();
  const request = new NextRequest(withoutUnusableCallbackParam(req.url), {
    method: "POST",
    headers: req.headers,
    body,
  });
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    return credentialsSignIn(request, fields, ctx);
  }
  return nextAuth(request, ctx);
}
