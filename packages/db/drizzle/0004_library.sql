DROP INDEX "playlist_item_order_idx";--> statement-breakpoint
-- Nothing wrote playlist items before this migration; positions become fractional-indexing
-- keys, which sort by bytes (base 62 digits), hence collation "C" on the column.
ALTER TABLE "playlist_item" ALTER COLUMN "position" SET DATA TYPE text COLLATE "C" USING "position"::text;--> statement-breakpoint
ALTER TABLE "album" ADD COLUMN "label" text;--> statement-breakpoint
ALTER TABLE "playlist" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "playlist" ADD COLUMN "invite_token" text;--> statement-breakpoint
ALTER TABLE "profile" ADD COLUMN "username" text;--> statement-breakpoint
-- Existing listeners get a handle from their display name and a stable suffix.
UPDATE "profile" SET "username" = left(coalesce(nullif(lower(regexp_replace("display_name", '[^a-zA-Z0-9]+', '', 'g')), ''), 'listener'), 20) || '_' || substr(md5("user_id"::text), 1, 6);--> statement-breakpoint
ALTER TABLE "profile" ALTER COLUMN "username" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "album_release_idx" ON "album" USING btree ("release_date","id");--> statement-breakpoint
CREATE INDEX "album_genre_idx" ON "album" USING btree ("genre");--> statement-breakpoint
CREATE INDEX "artist_follow_recent_idx" ON "artist_follow" USING btree ("user_id","followed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "playlist_invite_token_idx" ON "playlist" USING btree ("invite_token");--> statement-breakpoint
CREATE INDEX "saved_album_album_idx" ON "saved_album" USING btree ("album_id");--> statement-breakpoint
CREATE UNIQUE INDEX "profile_username_idx" ON "profile" USING btree ("username");--> statement-breakpoint
-- A constraint rather than a plain unique index so that it can be deferred: re-keying a
-- playlist rewrites every position in one statement, which may swap keys between rows.
ALTER TABLE "playlist_item" ADD CONSTRAINT "playlist_item_order_idx" UNIQUE ("playlist_id","position") DEFERRABLE INITIALLY IMMEDIATE;
