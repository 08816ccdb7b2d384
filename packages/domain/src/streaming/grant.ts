import { eq, schema } from "@cadence/db";
import type { Db } from "@cadence/db";

import { AppError } from "../errors";
import { mayPlay } from "../catalog/rights";
import { objectPathOf, STREAM_BASE } from "./object-keys";
import { signGrant } from "./signing";

export interface StreamConfig {
  /** HMAC key for stream URLs. */
  secret: string;
  /** How long a signed URL stays good; long enough to play a long track through. */
  ttlSeconds: number;
}

/** Checks that the listener may play the track now. */
async function assertMayPlay(db: Db, userId: string, trackId: string): Promise<void> {
  const [row] = await db
    .select({
      disabledAt: schema.user.disabledAt,
      country: schema.profile.country,
    })
    .from(schema.user)
    .innerJoin(schema.profile, eq(schema.profile.userId, schema.user.id))
    .where(eq(schema.user.id, userId));
  if (!row || row.disabledAt) throw new AppError("FORBIDDEN", "This account cannot play music");
  const track = await db.query.track.findFirst({
    where: eq(schema.track.id, trackId),
    columns: { territories: true, availableFrom: true, retiredAt: true },
  });
  if (!track) throw new AppError("NOT_FOUND", "Track not found");
  const verdict = mayPlay(track, row.country);
  if (!verdict.playable) throw new AppError("FORBIDDEN", verdict.reason);
}

/** A signed master playlist URL for one listener and track, after the rights check. */
export async function authorizeStream(
  db: Db,
  config: StreamConfig,
  input: { userId: string; trackId: string; now?: number },
): Promise<SignedStream> {
  await assertMayPlay(db, input.userId, input.trackId);
  const [track] = await db
    .select({ masterPath: schema.track.masterPath })
    .from(schema.track)
    .where(eq(schema.track.id, input.trackId));
  if (!track?.masterPath) throw new AppError("NOT_FOUND", "This track has not been encoded yet");
  return signedStream(config, { ...input, masterPath: track.masterPath });
}

export interface SignedStream {
  url: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** The signed master playlist URL of a track the caller has already been found to be allowed. */
export function signedStream(
  config: StreamConfig,
  input: { userId: string; trackId: string; masterPath: string; now?: number },
): SignedStream {
  const expiresAt = Math.floor((input.now ?? Date.now()) / 1000) + config.ttlSeconds;
  const query = signGrant({ trackId: input.trackId, userId: input.userId, expiresAt }, config.secret);
  return { url: `${STREAM_BASE}/${objectPathOf(input.masterPath)}?${query}`, expiresAt: expiresAt * 1000 };
}

/** The AES-128 key of a track, for a listener who may play it. */
export async function contentKey(db: Db, input: { userId: string; trackId: string }): Promise<Buffer> {
  await assertMayPlay(db, input.userId, input.trackId);
  const [row] = await db
    .select({ key: schema.trackKey.key })
    .from(schema.trackKey)
    .where(eq(schema.trackKey.trackId, input.trackId));
  if (!row) throw new AppError("NOT_FOUND", "Track not found");
  return row.key;
}
