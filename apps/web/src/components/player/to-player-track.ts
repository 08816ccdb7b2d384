import type { RouterOutputs } from "@cadence/api";
import type { Track } from "@cadence/player";

export type CatalogTrack = RouterOutputs["catalog"]["album"]["tracks"][number];

/** The catalog's track as the player wants it (nulls become absent). */
export function toPlayerTrack(track: CatalogTrack): Track {
  return {
    id: track.id,
    title: track.title,
    artists: track.artists,
    album: {
      id: track.album.id,
      title: track.album.title,
      ...(track.album.coverUrl ? { coverUrl: track.album.coverUrl } : {}),
    },
    durationMs: track.durationMs,
    ...(track.loudnessLufs !== null ? { loudnessLufs: track.loudnessLufs } : {}),
    ...(track.truePeakDb !== null ? { truePeakDb: track.truePeakDb } : {}),
  };
}
