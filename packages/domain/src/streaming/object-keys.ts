import { randomBytes } from "node:crypto";

/**
 * The one definition of where a track's encoded objects live: tracks/<trackId>/<encodingId>/.
 * The encoding id is fresh per encode, so published objects never change and can be cached
 * forever; the origin maps a URL path back to a key without a database read.
 */
const TRACKS_PREFIX = "tracks/";

/** Where the origin serves stored objects: /api/stream/<trackId>/<encodingId>/<file>. */
export const STREAM_BASE = "/api/stream";

/** A fresh object key prefix for a new encoding of a track, ending in "/". */
export function newEncodingPrefix(trackId: string): string {
  return `${TRACKS_PREFIX}${trackId}/${randomBytes(6).toString("hex")}/`;
}

/** The URL path (below STREAM_BASE) of a stored track object. */
export function objectPathOf(key: string): string {
  if (!key.startsWith(TRACKS_PREFIX)) throw new Error(`not a track object: ${key}`);
  return key.slice(TRACKS_PREFIX.length);
}

/** The object key of a path below STREAM_BASE/<trackId>/. */
export function objectKeyOf(trackId: string, path: readonly string[]): string {
  return `${TRACKS_PREFIX}${trackId}/${path.join("/")}`;
}

/** A rendition's directory inside an encoding: its bitrate, e.g. "128k". */
export function renditionDir(kbps: number): string {
  return `${kbps}k`;
}

/** The bitrate a rendition directory names, or null for anything else. */
export function renditionKbps(dir: string): number | null {
  const match = /^(\d{1,5})k$/.exec(dir);
  return match ? Number(match[1]) : null;
}
