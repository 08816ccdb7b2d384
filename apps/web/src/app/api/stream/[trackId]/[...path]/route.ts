import { objectKeyOf, signPlaylist, verifyGrant } from "@cadence/domain/streaming";
import { readBody } from "@cadence/media/storage";

import { serveObject } from "~/server/objects";
import { services } from "~/server/services";
import { isUuid } from "~/lib/uuid";

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The streaming origin. Every request carries the signed grant from the `stream` procedure;
 * playlists are rewritten so each URI they list carries it too, and point at the key route.
 */
export async function GET(req: Request, ctx: { params: Promise<{ trackId: string; path: string[] }> }) {
  const { trackId, path } = await ctx.params;
  if (!isUuid(trackId) || path.length === 0 || !path.every((p) => SAFE_SEGMENT.test(p))) {
    return new Response("Not found", { status: 404 });
  }
  const { storage, streaming } = services();
  const url = new URL(req.url);
  const check = verifyGrant(trackId, url.searchParams, streaming.secret);
  if (!check.ok) return new Response(`Forbidden: ${check.reason}`, { status: 403 });

  const key = objectKeyOf(trackId, path);
  if (!key.endsWith(".m3u8")) return serveObject(storage, key, req);

  const object = await storage.get(key);
  if (!object) return new Response("Not found", { status: 404 });
  const signedQuery = new URLSearchParams({
    u: check.grant.userId,
    e: String(check.grant.expiresAt),
    s: url.searchParams.get("s") ?? "",
  }).toString();
  const playlist = signPlaylist(
    (await readBody(object.body)).toString("utf8"),
    signedQuery,
    `/api/keys/${trackId}`,
  );
  return new Response(playlist, {
    headers: {
      "Content-Type": "application/vnd.apple.mpegurl",
      // Signed for one listener: shared caches must not keep it.
      "Cache-Control": "private, max-age=60",
    },
  });
}
