CREATE TABLE "music_scan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"folder" text NOT NULL,
	"trigger" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"files" integer DEFAULT 0 NOT NULL,
	"added" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"moved" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"retired" integer DEFAULT 0 NOT NULL,
	"failures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "superseded_encoding" (
	"prefix" text PRIMARY KEY NOT NULL,
	"track_id" uuid NOT NULL,
	"collect_after" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "album" ADD COLUMN "musicbrainz_id" uuid;--> statement-breakpoint
ALTER TABLE "track" ADD COLUMN "source_size" bigint;--> statement-breakpoint
ALTER TABLE "track" ADD COLUMN "source_mtime_ms" double precision;--> statement-breakpoint
ALTER TABLE "track" ADD COLUMN "musicbrainz_id" uuid;--> statement-breakpoint
CREATE INDEX "music_scan_started_idx" ON "music_scan" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "superseded_encoding_collect_idx" ON "superseded_encoding" USING btree ("collect_after");--> statement-breakpoint
CREATE INDEX "track_source_hash_idx" ON "track" USING btree ("source_hash");