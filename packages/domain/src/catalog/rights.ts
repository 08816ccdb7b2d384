/** The rights a track carries: where (null = everywhere) and from when it may be played. */
export interface TrackRights {
  territories: string[] | null;
  availableFrom: Date | null;
  retiredAt: Date | null;
}

export type PlayVerdict = { playable: true } | { playable: false; reason: string };

export function mayPlay(track: TrackRights, country: string, now = new Date()): PlayVerdict {
  if (track.retiredAt) return { playable: false, reason: "This track is no longer available" };
  if (track.availableFrom && track.availableFrom > now) {
    return { playable: false, reason: "This track is not released yet" };
  }
  if (track.territories && !track.territories.includes(country.toUpperCase())) {
    return { playable: false, reason: "This track is not available in your country" };
  }
  return { playable: true };
}
