import type { PlayableSource } from "@cadence/player";

import type { CatalogTrack } from "./to-player-track";

// Signed URLs that came with catalog responses, so a click can start without a `stream` call.
const known = new Map<string, PlayableSource & { expiresAt: number }>();
// Leave room to fetch every segment of a long track before the signature runs out.
const MARGIN_MS = 10 * 60 * 1000;

export function rememberStreams(tracks: readonly CatalogTrack[]): void {
  for (const track of tracks) if (track.stream) known.set(track.id, track.stream);
}

/** A still-fresh signed URL for the track, if a catalog response brought one. */
export function knownStream(trackId: string, now = Date.now()): PlayableSource | undefined {
  const source = known.get(trackId);
  if (!source) return undefined;
  if (source.expiresAt - MARGIN_MS > now) return source;
  known.delete(trackId);
  return undefined;
}
