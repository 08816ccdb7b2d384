import { cached } from "@cadence/cache";
import { and, asc, eq, gt, inArray, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { catalogGeneration } from "../catalog/cache-keys";
import { listedRecords, viewListed } from "../catalog/tracks-by-id";
import type { ListedRecord } from "../catalog/tracks-by-id";
import type { CatalogTrack, Viewer } from "../catalog/track-view";
import { visibleTrack } from "../catalog/visibility";
import { AppError } from "../errors";
import type { DomainServices } from "../services";
import { versionKey, viewPlaylist } from "./meta";

export interface PlaylistItem {
  itemId: string;
  position: string;
  track: CatalogTrack;
  addedBy: { id: string; displayName: string } | null;
  addedAt: string;
}

interface ItemRow {
  itemId: string;
  trackId: string;
  position: string;
  addedBy: { id: string; displayName: string } | null;
  addedAt: string;
}

export const ITEMS_PAGE_DEFAULT = 100;
const FIRST_PAGE_TTL_SECONDS = 300;

const item = schema.playlistItem;

async function loadItemRows(
  db: Db,
  playlistId: string,
  after: string | null,
  limit: number,
): Promise<ItemRow[]> {
  const rows = await db
    .select({
      itemId: item.id,
      trackId: item.trackId,
      position: item.position,
      addedAt: item.addedAt,
      addedById: item.addedBy,
      // A lookup per row shown: a join was planned as a hash of every profile (5,000 rows read
      // for a page of 10 in bench/library.ts).
      addedByName: sql<string | null>`(select ${schema.profile.displayName} from ${schema.profile}
        where ${schema.profile.userId} = ${item.addedBy})`,
    })
    .from(item)
    .where(and(eq(item.playlistId, playlistId), after === null ? undefined : gt(item.position, after)))
    .orderBy(asc(item.position))
    .limit(limit);
  return rows.map((r) => ({
    itemId: r.itemId,
    trackId: r.trackId,
    position: r.position,
    addedAt: r.addedAt.toISOString(),
    addedBy: r.addedById ? { id: r.addedById, displayName: r.addedByName ?? "" } : null,
  }));
}

/** A page's rows and its tracks' shared records: what the first page's cache entry holds. */
interface PageRows {
  rows: ItemRow[];
  listed: ListedRecord[];
}

/**
 * One page of a playlist in order, from after the cursor (an item's position). The first page,
 * what every open of the playlist reads, is cached with its tracks' shared records under the
 * playlist's version and the catalog's generation, so an edit of the playlist (which bumps the
 * version) or of the catalog (which starts a generation) makes every reader, the editor
 * included, read afresh; the tracks' rights, likes and stream URLs are the viewer's own and are
 * never cached.
 */
export async function playlistItems(
  { db, cache }: DomainServices,
  viewer: Viewer,
  playlistId: string,
  page: { cursor?: string | undefined; limit?: number | undefined },
): Promise<{ items: PlaylistItem[]; nextCursor: string | null; version: number }> {
  const [meta, generation] = await Promise.all([
    viewPlaylist(db, cache, playlistId, viewer.listener.userId),
    page.cursor === undefined ? catalogGeneration(cache) : null,
  ]);
  const limit = page.limit ?? ITEMS_PAGE_DEFAULT;
  const load = async (): Promise<PageRows> => {
    const rows = await loadItemRows(db, playlistId, page.cursor ?? null, limit + 1);
    return {
      rows,
      listed: await listedRecords(
        db,
        rows.slice(0, limit).map((r) => r.trackId),
      ),
    };
  };
  const { rows, listed } =
    generation === null
      ? await load()
      : await cached(
          cache,
          versionKey(playlistId, meta.version, `first:${limit}:${generation}`),
          FIRST_PAGE_TTL_SECONDS,
          load,
        );
  const shown = rows.slice(0, limit);
  const tracks = await viewListed(db, listed, viewer);
  // Written out, not spread: see viewTracks.
  const items: PlaylistItem[] = [];
  for (const row of shown) {
    const track = tracks.get(row.trackId);
    if (!track) continue;
    items.push({
      itemId: row.itemId,
      position: row.position,
      track,
      addedBy: row.addedBy,
      addedAt: row.addedAt,
    });
  }
  return {
    items,
    nextCursor: rows.length > limit ? (shown.at(-1)?.position ?? null) : null,
    version: meta.version,
  };
}

/** Of `trackIds`, the ones a listener may add (existing and released; retired ones may not), with their lengths. */
export async function visibleTrackDurations(
  db: Db,
  trackIds: string[],
  now = new Date(),
): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: schema.track.id, durationMs: schema.track.durationMs })
    .from(schema.track)
    .where(and(inArray(schema.track.id, trackIds), visibleTrack(now)));
  return new Map(rows.map((r) => [r.id, r.durationMs]));
}

export function requireFound(ids: string[], found: Set<string>, field: string, what: string): void {
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError(
      "NOT_FOUND",
      `${what} not found: ${missing.slice(0, 3).join(", ")}`,
      field,
      undefined,
      {
        missing,
      },
    );
  }
}
