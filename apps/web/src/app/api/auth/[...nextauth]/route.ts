import { AppError, clientIp, httpStatusOf } from "@cadence/domain";
import { assertSignInAllowed } from "@cadence/domain/auth";
import NextAuth from "next-auth";

import { authOptions } from "~/server/auth";
import { services } from "~/server/services";

const nextAuth = NextAuth(authOptions) as (req: Request, ctx: unknown) => Promise<Response>;

/**
 * Password sign-ins are gated here so a throttled caller gets a real 429 with Retry-After
 * (next-auth alone would answer 200/401); the failures themselves are counted in authorize.
 */
async function gateCredentialsSignIn(req: Request): Promise<Response | null> {
  const url = new URL(req.url);
  if (req.method !== "POST" || !url.pathname.endsWith("/callback/credentials")) return null;
  const form = new URLSearchParams(await req.clone().text());
  const email = form.get("email");
  if (!email || !form.get("password")) {
    return Response.json(
      { url: `${url.origin}/signin?error=CredentialsSignin`, error: "Enter your email and password" },
      { status: 400 },
    );
  }
  try {
    await assertSignInAllowed(services(), { email, ip: clientIp(req.headers) });
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const code = error.code === "THROTTLED" ? "TooManyAttempts" : "SignInUnavailable";
    return Response.json(
      { url: `${url.origin}/signin?error=${code}`, error: error.message },
      {
        status: httpStatusOf(error),
        headers: error.retryAfterSeconds ? { "Retry-After": String(error.retryAfterSeconds) } : {},
      },
    );
  }
}

export async function GET(req: Request, ctx: unknown): Promise<Response> {
  return nextAuth(req, ctx);
}

export async function POST(req: Request, ctx: unknown): Promise<Response> {
  return (await gateCredentialsSignIn(req)) ?? nextAuth(req, ctx);
}
