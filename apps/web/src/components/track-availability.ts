import type { CatalogTrack } from "./player/to-player-track";

export const EXPLICIT_OFF_REASON = "Explicit content is off in your settings";

export interface ListenerSettings {
  explicitContent: boolean;
}

/**
 * The catalog's verdict on each track, plus what the listener's own settings rule out. Explicit
 * tracks stay listed, greyed out with the reason, as Spotify does. The server's reason comes first.
 */
export function applyListenerSettings<
  T extends Pick<CatalogTrack, "explicit" | "playable" | "unavailableReason" | "stream">,
>(tracks: readonly T[], settings: ListenerSettings): T[] {
  return tracks.map((track) =>
    track.playable && track.explicit && !settings.explicitContent
      ? { ...track, playable: false, unavailableReason: EXPLICIT_OFF_REASON, stream: null }
      : track,
  );
}
