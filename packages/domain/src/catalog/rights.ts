/** The rights a track carries: where (null = everywhere) and from when it may be played. */
export interface TrackRights {
  territories: string[] | null;
  availableFrom: Date | null;
  retiredAt: Date | null;
  explicit: boolean;
}

/** What about the listener decides what they may play: set by the server, not by them. */
export interface ListenerRights {
  /** The account's licensing country (user.license_country). */
  licenseCountry: string;
  /** The listener's own setting: false hides nothing but makes explicit tracks unplayable. */
  explicitAllowed: boolean;
}

export type PlayVerdict = { playable: true } | { playable: false; reason: string };

export const UNAVAILABLE = {
  retired: "This track is no longer available",
  unreleased: "This track is not released yet",
  territory: "This track is not available in your country",
  explicit: "Explicit content is off in your settings",
} as const;

/** A track not yet released is invisible: lists leave it out, and it cannot be played. */
export function isReleased(track: Pick<TrackRights, "availableFrom">, now = new Date()): boolean {
  return !track.availableFrom || track.availableFrom <= now;
}

export function mayPlay(track: TrackRights, listener: ListenerRights, now = new Date()): PlayVerdict {
  if (track.retiredAt) return { playable: false, reason: UNAVAILABLE.retired };
  if (!isReleased(track, now)) return { playable: false, reason: UNAVAILABLE.unreleased };
  if (track.territories && !track.territories.includes(listener.licenseCountry.toUpperCase())) {
    return { playable: false, reason: UNAVAILABLE.territory };
  }
  if (track.explicit && !listener.explicitAllowed) return { playable: false, reason: UNAVAILABLE.explicit };
  return { playable: true };
}
