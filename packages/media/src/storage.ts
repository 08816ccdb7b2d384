/** Object storage for everything ingest publishes: HLS playlists, init sections, segments, covers. */

export interface PutOptions {
  contentType: string;
  cacheControl: string;
}

/** Inclusive byte range, as in an HTTP Range header; `end` omitted = to the end. */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface ObjectInfo {
  key: string;
  /** Full object size in bytes. */
  size: number;
  contentType: string;
  cacheControl: string | null;
  lastModified: Date | null;
}

export interface ListedObject {
  key: string;
  size: number;
  lastModified: Date | null;
}

export interface StoredObject extends ObjectInfo {
  body: ReadableStream<Uint8Array>;
  /** The bytes `body` holds when a range was asked for; null for the whole object. */
  range: { start: number; end: number } | null;
}

export interface ObjectStorage {
  put(key: string, body: Uint8Array | string, options: PutOptions): Promise<void>;
  /** Null when the object does not exist. Throws RangeNotSatisfiableError for a bad range. */
  get(key: string, range?: ByteRange): Promise<StoredObject | null>;
  head(key: string): Promise<ObjectInfo | null>;
  /** Deleting a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** Every object whose key starts with `prefix`, sorted by key. */
  list(prefix: string): Promise<ListedObject[]>;
}

export class RangeNotSatisfiableError extends Error {
  override readonly name = "RangeNotSatisfiableError";
  constructor(
    readonly key: string,
    readonly size: number,
  ) {
    super(`range not satisfiable for ${key} (${size} bytes)`);
  }
}

export class InvalidKeyError extends Error {
  override readonly name = "InvalidKeyError";
}

// Segments, init sections and covers are written once under a fresh key and never change.
export const CACHE_IMMUTABLE = "public, max-age=31536000, immutable";
// Playlists are what the origin rewrites and re-signs; keep copies short-lived.
export const CACHE_PLAYLIST = "public, max-age=60";

const CONTENT_TYPES: Record<string, string> = {
  ".m3u8": "application/vnd.apple.mpegurl",
  ".mp4": "audio/mp4",
  // Encrypted segments are opaque bytes until the player decrypts them.
  ".m4s": "application/octet-stream",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".json": "application/json",
};

export function contentTypeFor(key: string): string {
  const dot = key.lastIndexOf(".");
  return (dot >= 0 && CONTENT_TYPES[key.slice(dot).toLowerCase()]) || "application/octet-stream";
}

export function cacheControlFor(key: string): string {
  return key.endsWith(".m3u8") ? CACHE_PLAYLIST : CACHE_IMMUTABLE;
}

/** The put options ingest uses for a key, from its extension. */
export function putOptionsFor(key: string): PutOptions {
  return { contentType: contentTypeFor(key), cacheControl: cacheControlFor(key) };
}

// S3's limit for a whole key, and the usual file-system limit for one path segment, in bytes.
const MAX_KEY_BYTES = 1024;
const MAX_SEGMENT_BYTES = 255;
// Control characters (NUL included): no file name or S3 key we write has one.
const CONTROL = /\p{Cc}/u;

/**
 * The one key rule every backend applies before touching its store: relative, slash-separated,
 * no empty, "." or ".." segments, no backslash or control character, and within the limits.
 */
export function assertValidKey(key: string): void {
  const segments = key.split("/");
  if (
    key.length === 0 ||
    Buffer.byteLength(key) > MAX_KEY_BYTES ||
    key.includes("\\") ||
    CONTROL.test(key) ||
    segments.some(
      (part) => part === "" || part === "." || part === ".." || Buffer.byteLength(part) > MAX_SEGMENT_BYTES,
    )
  ) {
    throw new InvalidKeyError(`invalid object key: ${JSON.stringify(key.slice(0, 200))}`);
  }
}

/** A list() prefix: empty (everything), or a key or the start of one, optionally ending in "/". */
export function assertValidPrefix(prefix: string): void {
  if (prefix !== "") assertValidKey(prefix.endsWith("/") ? prefix.slice(0, -1) : prefix);
}

/** Resolves an HTTP-style inclusive range against a size, or throws. */
export function resolveRange(key: string, size: number, range: ByteRange): { start: number; end: number } {
  const end = Math.min(range.end ?? size - 1, size - 1);
  if (!Number.isInteger(range.start) || range.start < 0 || range.start >= size || end < range.start) {
    throw new RangeNotSatisfiableError(key, size);
  }
  return { start: range.start, end };
}

/** Collects a body into one buffer (for small objects: playlists, tests). */
export async function readBody(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
