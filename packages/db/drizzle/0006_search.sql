-- Search (see @cadence/search): trigram matching for typos and prefixes, unaccent for accents.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
-- How every text is compared: lower case, no accents, apostrophes dropped, other punctuation a space.
CREATE OR REPLACE FUNCTION search_norm(value text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT trim(regexp_replace(regexp_replace(lower(unaccent(coalesce(value, ''))), '[''’`]', '', 'g'), '[[:space:]!-/:-@\[-`{-~…–—“”«»¡¿·]+', ' ', 'g'))
$$;--> statement-breakpoint
CREATE TABLE "recent_search" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"query" text NOT NULL,
	"searched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_document" (
	"kind" text NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"context" text DEFAULT '' NOT NULL,
	"extra" text DEFAULT '' NOT NULL,
	"document" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', context), 'B') || setweight(to_tsvector('simple', extra), 'C')) STORED,
	"popularity" real DEFAULT 0 NOT NULL,
	"genre" text,
	"year" smallint,
	"is_public" boolean DEFAULT true NOT NULL,
	"owner_id" uuid,
	CONSTRAINT "search_document_kind_id_pk" PRIMARY KEY("kind","id")
);
--> statement-breakpoint
CREATE TABLE "search_word" (
	"word" text PRIMARY KEY NOT NULL,
	"documents" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recent_search" ADD CONSTRAINT "recent_search_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recent_search_query_idx" ON "recent_search" USING btree ("user_id","query");--> statement-breakpoint
CREATE INDEX "recent_search_recent_idx" ON "recent_search" USING btree ("user_id","searched_at");--> statement-breakpoint
CREATE INDEX "search_document_idx" ON "search_document" USING gin ("document");--> statement-breakpoint
CREATE INDEX "search_document_head_idx" ON "search_document" USING gin ("document") WHERE "search_document"."popularity" >= 5;--> statement-breakpoint
CREATE INDEX "search_document_title_idx" ON "search_document" USING btree ("title","popularity" DESC NULLS LAST,"kind","id");--> statement-breakpoint
CREATE INDEX "search_word_trgm_idx" ON "search_word" USING gist ("word" gist_trgm_ops);