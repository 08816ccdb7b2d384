import { hkdfSync } from "node:crypto";

import type { Session } from "@cadence/api";
import type { DomainServices } from "@cadence/domain";
import { sessionClaims } from "@cadence/domain/auth";
import { log } from "@cadence/domain/log";
import { jwtDecrypt } from "jose";

/**
 * The caller's session from next-auth's JWT cookie: the one way every server path reads it
 * (the node:http server's /api/trpc, route handlers and server components through getSession).
 *
 * It decrypts the cookie as next-auth's `decode` does (A256GCM under a key derived from the
 * secret by HKDF, 15 s of clock tolerance), deriving the key once instead of per request, and
 * then applies the checks of the `jwt` callback in auth.ts (`sessionClaims`: the token's session
 * version must be the account's current one, and the role is the account's role now). Unlike
 * getServerSession it re-encrypts no token: a refreshed cookie could not be sent from these
 * paths anyway. Not `server-only`: apps/web/server.ts loads it outside Next.js.
 */

interface TokenClaims {
  sub?: unknown;
  email?: unknown;
  sv?: unknown;
}

/** next-auth's rule: an https site's cookies carry the __Secure- prefix. */
export function cookiePrefix(publicUrl: string | undefined): string {
  return publicUrl?.startsWith("https://") ? "__Secure-" : "";
}

export interface CookieEntry {
  name: string;
  value: string;
}

/** A Cookie header's pairs, values percent-decoded as Next.js does (undecodable ones kept). */
export function parseCookieHeader(header: string | undefined): CookieEntry[] {
  if (!header) return [];
  const entries: CookieEntry[] = [];
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    let value = part.slice(at + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length > 1) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // kept as sent
    }
    if (name) entries.push({ name, value });
  }
  return entries;
}

/** The session token, joined from its chunks (name.0, name.1, …) as next-auth's SessionStore does. */
function sessionToken(cookies: readonly CookieEntry[], cookieName: string): string {
  const suffix = (name: string) => parseInt(name.split(".").pop() ?? "0");
  return cookies
    .filter((c) => c.name.startsWith(cookieName))
    .sort((a, b) => suffix(a.name) - suffix(b.name))
    .map((c) => c.value)
    .join("");
}

export type SessionReader = (
  cookies: readonly CookieEntry[],
  services: DomainServices,
) => Promise<Session | null>;

/** Reads sessions signed with `secret` (NEXTAUTH_SECRET); without one there are none. */
export function sessionReader(options: {
  secret: string | undefined;
  publicUrl: string | undefined;
}): SessionReader {
  const { secret } = options;
  if (!secret) return () => Promise.resolve(null);
  const key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
  const cookieName = `${cookiePrefix(options.publicUrl)}next-auth.session-token`;
  return async (cookies, services) => {
    const token = sessionToken(cookies, cookieName);
    if (!token) return null;
    let claims: TokenClaims;
    try {
      claims = (await jwtDecrypt(token, key, { clockTolerance: 15 })).payload;
    } catch (error) {
      // Forged, truncated, expired or under an old secret: no session, as next-auth treats it.
      const code = (error as { code?: unknown }).code;
      log.warn(
        `[auth] ignored an unreadable session cookie (${typeof code === "string" ? code : "invalid"})`,
      );
      return null;
    }
    const { sub, email, sv } = claims;
    if (typeof sub !== "string" || typeof email !== "string" || typeof sv !== "number") return null;
    let granted: Awaited<ReturnType<typeof sessionClaims>>;
    try {
      granted = await sessionClaims(services, { sub, sv });
    } catch (error) {
      // As next-auth answers a failing jwt callback: no session (the log says why).
      log.error({ err: error }, "[auth] session check failed");
      return null;
    }
    return granted
      ? {
          user: { id: sub, email, role: granted.role },
          passwordChangeRequired: granted.passwordChangeRequired,
          listener: granted.listener,
        }
      : null;
  };
}
