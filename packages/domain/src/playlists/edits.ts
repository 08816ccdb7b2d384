import { and, eq, inArray, schema } from "@cadence/db";
import type { Db } from "@cadence/db";

import { AppError } from "../errors";
import type { DomainServices } from "../services";
import { bumpVersion, checkVersion, playlistFor } from "./access";
import type { PlaylistRow, TotalsChange } from "./access";
import { requireFound, visibleTrackDurations } from "./items";
import { keyForMove, keysAtEnd, MAX_KEY_LENGTH, rekey } from "./order";

/** Spotify's cap, and what keeps a playlist's every page and count cheap. */
export const MAX_PLAYLIST_ITEMS = 10_000;
/** Tracks one call may add (a long album or a selection); more is a client bug or abuse. */
export const MAX_TRACKS_PER_ADD = 500;

const item = schema.playlistItem;

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * Every edit runs here: in one transaction, holding the playlist's row lock (edits of one
 * playlist queue up; nothing is computed from neighbours another edit is moving), checking
 * the caller's right and the version they saw, then bumping the version (which is what makes
 * cached reads of the old state unreachable: see meta.ts).
 */
async function edit<T>(
  { db }: DomainServices,
  userId: string,
  playlistId: string,
  seenVersion: number | undefined,
  change: (tx: Db, playlist: PlaylistRow) => Promise<T & { totals?: TotalsChange }>,
): Promise<T & { version: number }> {
  return db.transaction(async (tx) => {
    const { playlist } = await playlistFor(tx, playlistId, userId, "edit", { lock: true });
    checkVersion(playlist, seenVersion);
    const { totals, ...changed } = await change(tx, playlist);
    return { ...(changed as T), version: await bumpVersion(tx, playlist, totals) };
  });
}

export type DuplicatePolicy = "reject" | "add" | "skip";

/**
 * Appends tracks in the order given. Appending cannot overwrite anyone's edit, so the version
 * is optional here (adding from an album's menu knows none). Tracks already in the playlist
 * are refused by default, with their ids, so the client can ask "add anyway?"; "add" keeps
 * them, "skip" leaves them out.
 */
export async function addTracks(
  services: DomainServices,
  userId: string,
  input: {
    playlistId: string;
    trackIds: string[];
    version?: number | undefined;
    duplicates?: DuplicatePolicy;
  },
): Promise<{ added: number; skipped: string[]; version: number }> {
  const { playlistId, trackIds } = input;
  if (trackIds.length > MAX_TRACKS_PER_ADD) {
    throw new AppError("INVALID", `Add at most ${MAX_TRACKS_PER_ADD} tracks at a time`, "trackIds");
  }
  return edit(services, userId, playlistId, input.version, async (tx, playlist) => {
    const durations = await visibleTrackDurations(tx, trackIds);
    requireFound(trackIds, new Set(durations.keys()), "trackIds", "Track");
    const present = await tx
      .selectDistinct({ trackId: item.trackId })
      .from(item)
      .where(and(eq(item.playlistId, playlistId), inArray(item.trackId, trackIds)));
    const seen = new Set(present.map((p) => p.trackId));
    const duplicates = trackIds.filter((id, i) => seen.has(id) || trackIds.indexOf(id) !== i);
    const policy = input.duplicates ?? "reject";
    if (duplicates.length > 0 && policy === "reject") {
      throw new AppError(
        "CONFLICT",
        duplicates.length === 1
          ? "This track is already in the playlist"
          : `${duplicates.length} of these tracks are already in the playlist`,
        "trackIds",
        undefined,
        { duplicateTrackIds: [...new Set(duplicates)] },
      );
    }
    const adding = policy === "skip" ? [...new Set(trackIds.filter((id) => !seen.has(id)))] : trackIds;
    if (playlist.itemCount + adding.length > MAX_PLAYLIST_ITEMS) {
      throw new AppError("INVALID", `A playlist holds at most ${MAX_PLAYLIST_ITEMS} tracks`, "trackIds");
    }
    if (adding.length > 0) {
      const keys = await keysAtEnd(tx, playlistId, adding.length);
      await tx.insert(item).values(
        adding.map((trackId, i) => ({
          playlistId,
          trackId,
          position: keys[i] as string,
          addedBy: userId,
        })),
      );
    }
    return {
      added: adding.length,
      skipped: policy === "skip" ? [...new Set(duplicates)] : [],
      totals: { items: adding.length, durationMs: sum(adding.map((id) => durations.get(id) ?? 0)) },
    };
  });
}

async function positionsOf(tx: Db, playlistId: string, itemIds: string[]): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: item.id, position: item.position })
    .from(item)
    .where(and(eq(item.playlistId, playlistId), inArray(item.id, itemIds)));
  return new Map(rows.map((r) => [r.id, r.position]));
}

export async function removeItems(
  services: DomainServices,
  userId: string,
  input: { playlistId: string; itemIds: string[]; version: number },
): Promise<{ removed: number; version: number }> {
  const { playlistId, itemIds } = input;
  return edit(services, userId, playlistId, input.version, async (tx) => {
    // The row lock keeps these items as they are until the delete.
    const found = await tx
      .select({ id: item.id, durationMs: schema.track.durationMs })
      .from(item)
      .innerJoin(schema.track, eq(schema.track.id, item.trackId))
      .where(and(eq(item.playlistId, playlistId), inArray(item.id, itemIds)));
    requireFound(itemIds, new Set(found.map((f) => f.id)), "itemIds", "Playlist item");
    await tx.delete(item).where(and(eq(item.playlistId, playlistId), inArray(item.id, itemIds)));
    return {
      removed: found.length,
      totals: { items: -found.length, durationMs: -sum(found.map((f) => f.durationMs)) },
    };
  });
}

/** Moves one item right after another (`afterItemId`), or to the top when that is null. */
export async function moveItem(
  services: DomainServices,
  userId: string,
  input: { playlistId: string; itemId: string; afterItemId: string | null; version: number },
): Promise<{ position: string; version: number }> {
  const { playlistId, itemId, afterItemId } = input;
  if (afterItemId === itemId) {
    throw new AppError("INVALID", "An item cannot be moved after itself", "afterItemId");
  }
  return edit(services, userId, playlistId, input.version, async (tx) => {
    const found = await positionsOf(tx, playlistId, afterItemId ? [itemId, afterItemId] : [itemId]);
    requireFound([itemId], new Set(found.keys()), "itemId", "Playlist item");
    if (afterItemId) requireFound([afterItemId], new Set(found.keys()), "afterItemId", "Playlist item");
    const after = async () =>
      afterItemId ? ((await positionsOf(tx, playlistId, [afterItemId])).get(afterItemId) ?? null) : null;
    let position = await keyForMove(tx, playlistId, itemId, await after());
    if (position.length > MAX_KEY_LENGTH) {
      await rekey(tx, playlistId);
      position = await keyForMove(tx, playlistId, itemId, await after());
    }
    await tx.update(item).set({ position }).where(eq(item.id, itemId));
    return { position };
  });
}
