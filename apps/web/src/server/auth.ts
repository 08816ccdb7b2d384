import "server-only";

import type { Session } from "@cadence/api";
import { AppError, clientIp } from "@cadence/domain";
import type { Role } from "@cadence/domain";
import { endAllSessions, sessionClaims, verifyCredentials } from "@cadence/domain/auth";
import {
  accountForOAuth,
  primaryVerifiedEmail,
  sessionAccount,
  verifiedEmailOf,
} from "@cadence/domain/oauth";
import type { ProviderIdentity } from "@cadence/domain/oauth";
import type { Account, NextAuthOptions, Profile } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import type { Provider } from "next-auth/providers/index";
import { cookies } from "next/headers";

import { env } from "~/env";
import { sameOriginUrl } from "~/lib/callback-url";
import { readSession } from "./api";
import { credentialsAttempt } from "./credentials-attempt";
import { services } from "./services";

/** A token whose session version is behind the account's: signed out elsewhere or re-keyed. */
class SessionRevokedError extends Error {
  constructor() {
    super("session revoked");
    this.name = "SessionRevokedError";
  }
}

interface CadenceToken {
  sub?: string;
  email?: string | null;
  role?: Role;
  sv?: number;
}

function providers(): Provider[] {
  const list: Provider[] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        const attempt = credentialsAttempt.getStore() ?? {
          ip: clientIp(new Headers(req.headers as Record<string, string>)),
          deviceUserId: null,
        };
        try {
          const user = await verifyCredentials(services(), {
            email: credentials.email,
            password: credentials.password,
            ip: attempt.ip,
            deviceUserId: attempt.deviceUserId,
          });
          if (user) attempt.signedIn = user.id;
          return user ? { id: user.id, email: user.email } : null;
        } catch (error) {
          if (error instanceof AppError) {
            attempt.refused = error;
            return null;
          }
          // next-auth would put this message (an SQL statement, say) in the redirect URL:
          // the detail is logged here, the caller sees a plain failed sign-in.
          console.error("[auth] credentials sign-in failed", error);
          return null;
        }
      },
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    list.push(
      GitHubProvider({
        clientId: env.GITHUB_ID,
        clientSecret: env.GITHUB_SECRET,
        userinfo: {
          url: "https://api.github.com/user",
          // The profile's email is whatever the user made public, verified or not: ask for the
          // verified primary address instead (the default scope includes user:email).
          async request({ client, tokens }) {
            const profile = await client.userinfo(tokens.access_token ?? "");
            const res = await fetch("https://api.github.com/user/emails", {
              headers: { Authorization: `token ${tokens.access_token ?? ""}`, "User-Agent": "Cadence" },
            });
            const verified = res.ok ? primaryVerifiedEmail(await res.json()) : null;
            return { ...profile, email: verified ?? undefined, primary_verified_email: verified };
          },
        },
      }),
    );
  }
  if (env.GOOGLE_ID && env.GOOGLE_SECRET) {
    list.push(GoogleProvider({ clientId: env.GOOGLE_ID, clientSecret: env.GOOGLE_SECRET }));
  }
  return list;
}

function identityOf(account: Account, profile: Profile | undefined): ProviderIdentity {
  const email = verifiedEmailOf(account.provider, profile);
  return {
    provider: account.provider,
    providerAccountId: account.providerAccountId,
    email,
    emailVerified: email !== null,
    name: profile?.name,
  };
}

export const oauthProviders = [
  ...(env.GITHUB_ID && env.GITHUB_SECRET ? [{ id: "github", name: "GitHub" }] : []),
  ...(env.GOOGLE_ID && env.GOOGLE_SECRET ? [{ id: "google", name: "Google" }] : []),
];

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: providers(),
  callbacks: {
    // Only this site: a callback URL elsewhere, or one that does not parse (a tampered
    // callback-url cookie), sends the listener home instead of failing every request.
    redirect({ url, baseUrl }) {
      return sameOriginUrl(url, baseUrl)?.href ?? baseUrl;
    },
    async signIn({ account, profile }) {
      if (!account || account.type !== "oauth") return true;
      const outcome = await accountForOAuth(services().db, identityOf(account, profile));
      if ("userId" in outcome) return true;
      return `/signin?error=${outcome.refused === "email-taken" ? "OAuthAccountNotLinked" : "OAuthEmailUnverified"}`;
    },
    async jwt({ token, user, account, profile }) {
      const t = token as typeof token & CadenceToken;
      if (user && account) {
        const outcome =
          account.type === "oauth"
            ? await accountForOAuth(services().db, identityOf(account, profile))
            : { userId: user.id };
        const row = "userId" in outcome ? await sessionAccount(services().db, outcome.userId) : undefined;
        if (!row) throw new SessionRevokedError();
        return { sub: row.id, email: row.email, role: row.role, sv: row.sv };
      }
      // Every later read: the token is only good while its version is the account's current
      // one, and it grants the role the account has now.
      const claims = await sessionClaims(services(), t);
      if (!claims) throw new SessionRevokedError();
      return { ...token, role: claims.role };
    },
    session({ session, token }) {
      const t = token as CadenceToken;
      return { ...session, user: { id: t.sub, email: t.email, role: t.role }, sv: t.sv };
    },
  },
  events: {
    // Signing out ends every session of the account, not only this browser's cookie.
    async signOut({ token }) {
      const sub = (token as CadenceToken | null)?.sub;
      if (sub) await endAllSessions(services(), sub);
    },
  },
  logger: {
    error(code, metadata) {
      const cause = metadata instanceof Error ? metadata : (metadata as { error?: unknown }).error;
      if (code === "JWT_SESSION_ERROR" && cause instanceof SessionRevokedError) return;
      // An unreadable session cookie (forged, truncated, old secret) is ignored like none: one
      // line, not a stack per request.
      const jose = (cause as { code?: unknown } | undefined)?.code;
      if (code === "JWT_SESSION_ERROR" && typeof jose === "string" && /^ERR_JW[ETS]_/.test(jose)) {
        console.warn(`[auth] ignored an unreadable session cookie (${jose})`);
        return;
      }
      console.error(`[auth] ${code}`, metadata);
    },
    warn(code) {
      if (code !== "NEXTAUTH_URL" && code !== "DEBUG_ENABLED") console.warn(`[auth] ${code}`);
    },
    debug() {},
  },
};

/** The caller's session in server code (route handlers, server components), or null. */
export async function getSession(): Promise<Session | null> {
  return readSession((await cookies()).getAll(), services());
}
