ALTER TABLE "playlist" ADD COLUMN "item_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "playlist" ADD COLUMN "duration_ms" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Playlists made before this migration: their totals from their items.
UPDATE "playlist" AS p SET "item_count" = t.n, "duration_ms" = t.d
FROM (
  SELECT i."playlist_id", count(*)::int AS n, coalesce(sum(tr."duration_ms"), 0)::bigint AS d
  FROM "playlist_item" AS i JOIN "track" AS tr ON tr."id" = i."track_id"
  GROUP BY i."playlist_id"
) AS t
WHERE p."id" = t."playlist_id";
