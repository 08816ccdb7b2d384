import { createHmac, timingSafeEqual } from "node:crypto";

/** What a signed stream URL grants: this user may fetch this track's objects until `expiresAt`. */
export interface StreamGrant {
  trackId: string;
  userId: string;
  /** Unix seconds. */
  expiresAt: number;
}

function signature(grant: StreamGrant, secret: string): string {
  return createHmac("sha256", secret)
    .update(`${grant.trackId}\n${grant.userId}\n${grant.expiresAt}`)
    .digest("base64url");
}

/** The query string every playlist, init and segment URL of a play carries. */
export function signGrant(grant: StreamGrant, secret: string): string {
  return new URLSearchParams({
    u: grant.userId,
    e: String(grant.expiresAt),
    s: signature(grant, secret),
  }).toString();
}

export type GrantCheck =
  { ok: true; grant: StreamGrant } | { ok: false; reason: "malformed" | "expired" | "bad-signature" };

/** Checks a signed query for `trackId`; a signature made for another track or user fails. */
export function verifyGrant(
  trackId: string,
  query: URLSearchParams,
  secret: string,
  now = Date.now(),
): GrantCheck {
  const userId = query.get("u");
  const expiry = query.get("e") ?? "";
  const given = query.get("s");
  if (!userId || !given || !/^\d{1,12}$/.test(expiry)) return { ok: false, reason: "malformed" };
  const expiresAt = Number(expiry);
  const grant = { trackId, userId, expiresAt };
  const expected = Buffer.from(signature(grant, secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return { ok: false, reason: "bad-signature" };
  }
  if (expiresAt * 1000 <= now) return { ok: false, reason: "expired" };
  return { ok: true, grant };
}
