-- Plays per track as a counter (see schema/listening.ts), replacing the count over the partial index.
CREATE TABLE "track_play_count" (
	"track_id" uuid PRIMARY KEY NOT NULL,
	"plays" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "listening_event_start_track_idx";--> statement-breakpoint
ALTER TABLE "track_play_count" ADD CONSTRAINT "track_play_count_track_id_track_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."track"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Every insert into listening_event counts its started listens, in one upsert per statement, in
-- track order (concurrent batches lock the counters in the same order and cannot deadlock).
CREATE OR REPLACE FUNCTION count_track_plays() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO track_play_count (track_id, plays)
    SELECT track_id, count(*) FROM added WHERE kind = 'start' GROUP BY track_id ORDER BY track_id
  ON CONFLICT (track_id) DO UPDATE SET plays = track_play_count.plays + excluded.plays;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- The trigger first: it locks listening_event against inserts until this migration commits, so
-- the count below sees every event written before, and the trigger every one after.
CREATE TRIGGER listening_event_counts_plays AFTER INSERT ON listening_event
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_track_plays();--> statement-breakpoint
INSERT INTO track_play_count (track_id, plays)
  SELECT track_id, count(*) FROM listening_event WHERE kind = 'start' GROUP BY track_id;
