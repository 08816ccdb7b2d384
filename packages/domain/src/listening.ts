import { and, inArray, isNull, schema } from "@cadence/db";
import type { Db } from "@cadence/db";

export type ListenKind = (typeof schema.listenKind.enumValues)[number];

export interface ListenEvent {
  kind: ListenKind;
  trackId: string;
  playbackId: string;
  positionMs: number;
  occurredAt: Date;
  detail?: Record<string, number | string | boolean> | undefined;
}

/** Stores a batch of playback events; events for tracks that do not exist are dropped. */
export async function recordListening(
  db: Db,
  userId: string,
  events: ListenEvent[],
): Promise<{ stored: number }> {
  if (events.length === 0) return { stored: 0 };
  const ids = [...new Set(events.map((e) => e.trackId))];
  const known = await db
    .select({ id: schema.track.id })
    .from(schema.track)
    .where(and(inArray(schema.track.id, ids), isNull(schema.track.retiredAt)));
  const knownIds = new Set(known.map((k) => k.id));
  const rows = events
    .filter((e) => knownIds.has(e.trackId))
    .map((e) => ({
      userId,
      trackId: e.trackId,
      kind: e.kind,
      playbackId: e.playbackId,
      positionMs: Math.max(0, Math.round(e.positionMs)),
      occurredAt: e.occurredAt,
      detail: e.detail
        ? Object.fromEntries(
            Object.entries(e.detail).map(([k, v]) => [k, typeof v === "boolean" ? String(v) : v]),
          )
        : null,
    }));
  if (rows.length > 0) await db.insert(schema.listeningEvent).values(rows);
  return { stored: rows.length };
}
