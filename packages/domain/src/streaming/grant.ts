import { eq, schema } from "@cadence/db";
import type { Db } from "@cadence/db";

import { mayPlay } from "../catalog/rights";
import { AppError } from "../errors";
import { loadListener } from "../listener";
import type { Listener } from "../listener";
import { objectPathOf, STREAM_BASE } from "./object-keys";
import { signGrant } from "./signing";

export interface StreamConfig {
  /** HMAC key for stream URLs; every app server of an install must share it. */
  secret: string;
  /** How long a playlist grant stays good; the player renews it for the next load. */
  ttlSeconds: number;
}

export interface SignedStream {
  url: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** Checks that the listener may play the track now; the track's master path if so. */
async function assertMayPlay(db: Db, listener: Listener, trackId: string): Promise<string | null> {
  const track = await db.query.track.findFirst({
    where: eq(schema.track.id, trackId),
    columns: { territories: true, availableFrom: true, retiredAt: true, explicit: true, masterPath: true },
  });
  if (!track) throw new AppError("NOT_FOUND", "Track not found");
  const verdict = mayPlay(track, listener);
  // An unreleased track is invisible, so it is "not found" rather than "forbidden".
  if (!verdict.playable && !track.retiredAt && track.availableFrom && track.availableFrom > new Date()) {
    throw new AppError("NOT_FOUND", "Track not found");
  }
  if (!verdict.playable) throw new AppError("FORBIDDEN", verdict.reason);
  return track.masterPath;
}

/** A signed master playlist URL for one listener and track, after the rights check. */
export async function authorizeStream(
  db: Db,
  config: StreamConfig,
  input: { userId: string; trackId: string; now?: number },
): Promise<SignedStream> {
  const listener = await loadListener(db, input.userId);
  const masterPath = await assertMayPlay(db, listener, input.trackId);
  if (!masterPath) throw new AppError("NOT_FOUND", "This track has not been encoded yet");
  return signedStream(config, listener, { trackId: input.trackId, masterPath, now: input.now });
}

/** The signed master playlist URL of a track the listener has already been found to be allowed. */
export function signedStream(
  config: StreamConfig,
  listener: Listener,
  input: { trackId: string; masterPath: string; now?: number | undefined },
): SignedStream {
  const expiresAt = Math.floor((input.now ?? Date.now()) / 1000) + config.ttlSeconds;
  const query = signGrant(
    {
      trackId: input.trackId,
      userId: listener.userId,
      expiresAt,
      maxKbps: listener.maxKbps,
      sessionVersion: listener.sessionVersion,
    },
    config.secret,
  );
  return { url: `${STREAM_BASE}/${objectPathOf(input.masterPath)}?${query}`, expiresAt: expiresAt * 1000 };
}

/** The AES-128 key of a track, for a listener who may play it. */
export async function contentKey(db: Db, input: { userId: string; trackId: string }): Promise<Buffer> {
  await assertMayPlay(db, await loadListener(db, input.userId), input.trackId);
  const [row] = await db
    .select({ key: schema.trackKey.key })
    .from(schema.trackKey)
    .where(eq(schema.trackKey.trackId, input.trackId));
  if (!row) throw new AppError("NOT_FOUND", "Track not found");
  return row.key;
}
