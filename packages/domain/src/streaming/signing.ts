import { createHmac, createSecretKey, timingSafeEqual } from "node:crypto";
import type { KeyObject } from "node:crypto";

/**
 * Two signatures guard the origin (see ARCHITECTURE.md, "The CDN model"):
 * - a playlist grant, per listener and track: who, until when (minutes), the highest rung
 *   their plan allows, and the session version it was issued under;
 * - a rendition signature, shared by every listener of one rendition in one time bucket, so
 *   segments are cacheable at the edge (they are useless without the key, which is per session).
 */

/** What a playlist URL grants: this user may load this track's playlists until `expiresAt`. */
export interface PlaylistGrant {
  trackId: string;
  userId: string;
  /** Unix seconds. */
  expiresAt: number;
  /** Highest rendition bitrate the listener may fetch, kb/s. */
  maxKbps: number;
  /** The account's session version when granted; signing out everywhere voids the grant. */
  sessionVersion: number;
}

// A list page signs a grant per track: a key object made once per secret saves converting the
// secret on every signature (about a fifth of one).
const keys = new Map<string, KeyObject>();

function hmac(secret: string, ...parts: (string | number)[]): string {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, "utf8"));
    keys.set(secret, key);
  }
  return createHmac("sha256", key).update(parts.join("\n")).digest("base64url");
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

const playlistSignature = (g: PlaylistGrant, secret: string) =>
  hmac(secret, "playlist", g.trackId, g.userId, g.expiresAt, g.maxKbps, g.sessionVersion);

/**
 * The query string a listener's master and media playlist URLs carry. Written out rather than
 * through URLSearchParams (a list page signs one per track): only the user id can hold a
 * character a URL must escape, and it is escaped.
 */
export function signGrant(grant: PlaylistGrant, secret: string): string {
  const signature = playlistSignature(grant, secret); // base64url: nothing to escape
  return `u=${encodeURIComponent(grant.userId)}&e=${grant.expiresAt}&q=${grant.maxKbps}&v=${grant.sessionVersion}&s=${signature}`;
}

export type GrantCheck =
  { ok: true; grant: PlaylistGrant } | { ok: false; reason: "malformed" | "expired" | "bad-signature" };

const DIGITS = /^\d{1,12}$/;

/** Checks a playlist grant for `trackId`; one made for another track, user or cap fails. */
export function verifyGrant(
  trackId: string,
  query: URLSearchParams,
  secret: string,
  now = Date.now(),
): GrantCheck {
  const userId = query.get("u");
  const given = query.get("s");
  const [e, q, v] = [query.get("e") ?? "", query.get("q") ?? "", query.get("v") ?? ""];
  if (!userId || userId.length > 64 || !given || ![e, q, v].every((n) => DIGITS.test(n))) {
    return { ok: false, reason: "malformed" };
  }
  const grant = { trackId, userId, expiresAt: Number(e), maxKbps: Number(q), sessionVersion: Number(v) };
  if (!sameSignature(playlistSignature(grant, secret), given)) return { ok: false, reason: "bad-signature" };
  if (grant.expiresAt * 1000 <= now) return { ok: false, reason: "expired" };
  return { ok: true, grant };
}

/** Segment URLs are signed per hour; a URL stays good for the rest of its hour and the next. */
export const RENDITION_BUCKET_SECONDS = 3600;

export interface RenditionRef {
  trackId: string;
  /** tracks/<trackId>/<encodingId>/<renditionDir>/ */
  encodingId: string;
  renditionDir: string;
}

const renditionSignature = (r: RenditionRef, bucket: number, secret: string) =>
  hmac(secret, "rendition", r.trackId, r.encodingId, r.renditionDir, bucket);

/** The query string init and segment URLs of one rendition carry in the current bucket. */
export function signRendition(rendition: RenditionRef, secret: string, now = Date.now()): string {
  const bucket = Math.floor(now / 1000 / RENDITION_BUCKET_SECONDS);
  return new URLSearchParams({
    b: String(bucket),
    r: renditionSignature(rendition, bucket, secret),
  }).toString();
}

export type RenditionCheck =
  { ok: true; expiresAt: number } | { ok: false; reason: "malformed" | "expired" | "bad-signature" };

/** Checks a rendition signature; `expiresAt` (unix seconds) is when the URL stops working. */
export function verifyRendition(
  rendition: RenditionRef,
  query: URLSearchParams,
  secret: string,
  now = Date.now(),
): RenditionCheck {
  const b = query.get("b") ?? "";
  const given = query.get("r");
  if (!given || !DIGITS.test(b)) return { ok: false, reason: "malformed" };
  const bucket = Number(b);
  if (!sameSignature(renditionSignature(rendition, bucket, secret), given)) {
    return { ok: false, reason: "bad-signature" };
  }
  const expiresAt = (bucket + 2) * RENDITION_BUCKET_SECONDS;
  const nowSeconds = now / 1000;
  // A bucket from the future was not signed by us at this time: treat it like a forgery.
  if (bucket > Math.floor(nowSeconds / RENDITION_BUCKET_SECONDS))
    return { ok: false, reason: "bad-signature" };
  if (expiresAt <= nowSeconds) return { ok: false, reason: "expired" };
  return { ok: true, expiresAt };
}
