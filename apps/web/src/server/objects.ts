import "server-only";

import { InvalidKeyError, RangeNotSatisfiableError } from "@cadence/media/storage";
import type { ByteRange, ObjectStorage } from "@cadence/media/storage";

/** Parses a single-range `Range: bytes=…` header; null for none or a form we do not serve. */
function parseRange(header: string | null, size: () => Promise<number | null>): Promise<ByteRange | null> {
  const match = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!match) return Promise.resolve(null);
  const [, from = "", to = ""] = match;
  if (from === "" && to === "") return Promise.resolve(null);
  if (from === "") {
    // A suffix range: the last N bytes.
    return size().then((total) => (total === null ? null : { start: Math.max(0, total - Number(to)) }));
  }
  return Promise.resolve(to === "" ? { start: Number(from) } : { start: Number(from), end: Number(to) });
}

/**
 * An object from storage as an HTTP response: streamed, with Range support, its stored
 * content type, and the given cache policy (or its stored one).
 */
export async function serveObject(
  storage: ObjectStorage,
  key: string,
  req: Request,
  cacheControl?: string,
): Promise<Response> {
  try {
    const range = await parseRange(
      req.headers.get("range"),
      async () => (await storage.head(key))?.size ?? null,
    );
    const object = await storage.get(key, range ?? undefined);
    if (!object) return new Response("Not found", { status: 404 });
    const headers = new Headers({
      "Content-Type": object.contentType,
      "Cache-Control": cacheControl ?? object.cacheControl ?? "public, max-age=60",
      "Accept-Ranges": "bytes",
      "X-Content-Type-Options": "nosniff",
    });
    if (object.range) {
      headers.set("Content-Range", `bytes ${object.range.start}-${object.range.end}/${object.size}`);
      headers.set("Content-Length", String(object.range.end - object.range.start + 1));
      return new Response(object.body, { status: 206, headers });
    }
    headers.set("Content-Length", String(object.size));
    return new Response(object.body, { status: 200, headers });
  } catch (error) {
    // By name as well as class: the storage may come from the start script's own copy of
    // @cadence/media (npm start runs the server in its process), whose classes are not Next's.
    // No object can have a key storage refuses.
    if (error instanceof InvalidKeyError || isNamed(error, "InvalidKeyError")) {
      return new Response("Not found", { status: 404 });
    }
    if (error instanceof RangeNotSatisfiableError || isNamed(error, "RangeNotSatisfiableError")) {
      return new Response("Range not satisfiable", {
        status: 416,
        headers: { "Content-Range": `bytes */${(error as RangeNotSatisfiableError).size}` },
      });
    }
    throw error;
  }
}

function isNamed(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}
