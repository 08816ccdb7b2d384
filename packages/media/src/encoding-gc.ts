import type { Db } from "@cadence/db";
import { dueSupersededEncodings, forgetSupersededEncodings } from "@cadence/domain/catalog";
import { RENDITION_BUCKET_SECONDS } from "@cadence/domain/streaming";

import { env } from "./env";
import { mapWithConcurrency } from "./pool";
import type { ObjectStorage } from "./storage";

// Clocks of app servers and the ingesting host may disagree a little.
const MARGIN_SECONDS = 300;

/**
 * How long a superseded encoding must stay: a playlist grant signed just before the re-ingest
 * can load the old media playlists until it expires, and the segment URLs those playlists
 * carry are good for the rest of their hour and the next (see streaming/signing.ts).
 */
export function encodingRetentionSeconds(grantTtlSeconds = env.STREAM_URL_TTL_SECONDS): number {
  return grantTtlSeconds + 2 * RENDITION_BUCKET_SECONDS + MARGIN_SECONDS;
}

/** When an encoding superseded at `now` may be collected. */
export function collectAfter(now = new Date()): Date {
  return new Date(now.getTime() + encodingRetentionSeconds() * 1000);
}

/**
 * Deletes the objects of superseded encodings whose time has come, then forgets them. Run at
 * start and periodically; safe to run from several processes (deletes are idempotent).
 */
export async function collectSupersededEncodings(
  db: Db,
  storage: ObjectStorage,
  now = new Date(),
): Promise<number> {
  let collected = 0;
  for (;;) {
    const due = await dueSupersededEncodings(db, now);
    if (due.length === 0) return collected;
    await mapWithConcurrency(due, 4, (prefix) => deletePrefix(storage, prefix));
    await forgetSupersededEncodings(db, due);
    collected += due.length;
  }
}

export async function deletePrefix(storage: ObjectStorage, prefix: string): Promise<void> {
  const objects = await storage.list(prefix);
  await mapWithConcurrency(objects, 8, (object) => storage.delete(object.key));
}
