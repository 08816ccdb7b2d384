import { answerStreamRequest } from "@cadence/domain/streaming";
import { readBody } from "@cadence/media/storage";

import { serveObject } from "~/server/objects";
import { services } from "~/server/services";
import { isUuid } from "~/lib/uuid";

// Bounded: a longer name is no object of ours, and storage refuses it (255 bytes a segment).
const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * The streaming origin: HTTP only. What a URL may fetch is decided in
 * @cadence/domain/streaming (answerStreamRequest): playlists per listener and grant, init and
 * segments per rendition and hour, shareable by a CDN.
 */
export async function GET(req: Request, ctx: { params: Promise<{ trackId: string; path: string[] }> }) {
  const { trackId, path } = await ctx.params;
  if (!isUuid(trackId) || path.length < 2 || path.length > 3 || !path.every((p) => SAFE_SEGMENT.test(p))) {
    return new Response("Not found", { status: 404 });
  }
  const all = services();
  const answer = await answerStreamRequest(all, all.streaming.secret, {
    trackId,
    path,
    query: new URL(req.url).searchParams,
  });
  if (answer.kind === "deny") {
    const body = answer.status === 404 ? "Not found" : `Forbidden: ${answer.reason}`;
    return new Response(body, { status: answer.status, headers: { "Cache-Control": "no-store" } });
  }
  if (answer.kind === "object") return serveObject(all.storage, answer.key, req, answer.cacheControl);

  const object = await all.storage.get(answer.key);
  if (!object) return new Response("Not found", { status: 404 });
  return new Response(answer.rewrite((await readBody(object.body)).toString("utf8")), {
    headers: {
      "Content-Type": "application/vnd.apple.mpegurl",
      // Signed for one listener: shared caches must not keep it.
      "Cache-Control": "private, no-cache",
    },
  });
}
