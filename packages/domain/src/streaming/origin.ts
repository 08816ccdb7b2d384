import { currentSessionVersion } from "../auth/session-version";
import type { DomainServices } from "../services";
import { objectKeyOf, renditionKbps } from "./object-keys";
import { signMasterPlaylist, signMediaPlaylist } from "./playlist";
import { signGrant, signRendition, verifyGrant, verifyRendition } from "./signing";

/**
 * What the streaming origin does with GET /api/stream/<trackId>/<encodingId>/...: the rules
 * live here, the route only does HTTP. Paths are [encodingId, "master.m3u8"],
 * [encodingId, rendition, "index.m3u8"] or [encodingId, rendition, init or segment].
 */
export type OriginAnswer =
  | { kind: "deny"; status: 403 | 404; reason: string }
  | { kind: "playlist"; key: string; rewrite: (stored: string) => string }
  | { kind: "object"; key: string; cacheControl: string };

const deny = (status: 403 | 404, reason: string): OriginAnswer => ({ kind: "deny", status, reason });

export async function answerStreamRequest(
  services: DomainServices,
  secret: string,
  request: { trackId: string; path: readonly string[]; query: URLSearchParams; now?: number },
): Promise<OriginAnswer> {
  const { trackId, path, query } = request;
  const now = request.now ?? Date.now();
  const [encodingId = "", second = "", third] = path;
  const key = objectKeyOf(trackId, path);

  if (path.length === 3 && third !== "index.m3u8") {
    // Init sections and segments: shared by all listeners of the rendition, cacheable at the edge.
    const check = verifyRendition({ trackId, encodingId, renditionDir: second }, query, secret, now);
    if (!check.ok) return deny(403, check.reason);
    const maxAge = Math.max(0, Math.floor(check.expiresAt - now / 1000));
    return { kind: "object", key, cacheControl: `public, max-age=${maxAge}` };
  }

  const isMaster = path.length === 2 && second === "master.m3u8";
  const isMedia = path.length === 3 && third === "index.m3u8";
  if (!isMaster && !isMedia) return deny(404, "not-found");

  const check = verifyGrant(trackId, query, secret, now);
  if (!check.ok) return deny(403, check.reason);
  const { grant } = check;
  // Signing out everywhere (or a password change) bumps the version and voids every grant.
  if ((await currentSessionVersion(services, grant.userId)) !== grant.sessionVersion) {
    return deny(403, "session-ended");
  }

  if (isMaster) {
    const grantQuery = signGrant(grant, secret);
    return {
      kind: "playlist",
      key,
      rewrite: (stored) => signMasterPlaylist(stored, grantQuery, grant.maxKbps),
    };
  }
  const kbps = renditionKbps(second);
  if (kbps === null) return deny(404, "not-found");
  // The plan's cap holds even with a valid grant for the track.
  if (kbps > grant.maxKbps) return deny(403, "above-plan");
  const renditionQuery = signRendition({ trackId, encodingId, renditionDir: second }, secret, now);
  return {
    kind: "playlist",
    key,
    rewrite: (stored) => signMediaPlaylist(stored, renditionQuery, `/api/keys/${trackId}`),
  };
}
