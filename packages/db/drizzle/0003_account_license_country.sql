ALTER TABLE "user" ADD COLUMN "license_country" char(2) DEFAULT 'US' NOT NULL;--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "password_change_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Existing accounts keep the territory they were licensed for until now.
UPDATE "user" SET "license_country" = "profile"."country" FROM "profile" WHERE "profile"."user_id" = "user"."id";
