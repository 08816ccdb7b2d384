import "server-only";

import type { Session } from "@cadence/api";
import { clientIp } from "@cadence/domain";
import type { Role } from "@cadence/domain";
import { currentSessionVersion, endAllSessions, verifyCredentials } from "@cadence/domain/auth";
import { accountForOAuth, sessionAccount } from "@cadence/domain/oauth";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import type { Provider } from "next-auth/providers/index";

import { env } from "~/env";
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
        const headers = new Headers(req.headers as Record<string, string>);
        const user = await verifyCredentials(services(), {
          email: credentials.email,
          password: credentials.password,
          ip: clientIp(headers),
        });
        return user ? { id: user.id, email: user.email } : null;
      },
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    list.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  if (env.GOOGLE_ID && env.GOOGLE_SECRET) {
    list.push(GoogleProvider({ clientId: env.GOOGLE_ID, clientSecret: env.GOOGLE_SECRET }));
  }
  return list;
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
    async signIn({ account, user }) {
      if (!account || account.type !== "oauth") return true;
      const userId = await accountForOAuth(services().db, {
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        email: user.email,
        name: user.name,
      });
      return userId ? true : "/signin?error=OAuthAccountNotLinked";
    },
    async jwt({ token, user, account }) {
      const t = token as typeof token & CadenceToken;
      if (user && account) {
        const userId =
          account.type === "oauth"
            ? await accountForOAuth(services().db, {
                provider: account.provider,
                providerAccountId: account.providerAccountId,
                email: user.email,
                name: user.name,
              })
            : user.id;
        const row = userId ? await sessionAccount(services().db, userId) : undefined;
        if (!row) throw new SessionRevokedError();
        return { sub: row.id, email: row.email, role: row.role, sv: row.sv };
      }
      // Every later read: the token is only good while its version is the account's current one.
      if (!t.sub || t.sv === undefined) throw new SessionRevokedError();
      const current = await currentSessionVersion(services(), t.sub);
      if (current === null || current !== t.sv) throw new SessionRevokedError();
      return token;
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
  const session = await getServerSession<NextAuthOptions, { user?: Partial<Session["user"]> }>(authOptions);
  const user = session?.user;
  if (!user?.id || !user.email || !user.role) return null;
  return { user: { id: user.id, email: user.email, role: user.role } };
}
