CREATE TABLE "folder_cover" (
	"dir" text PRIMARY KEY NOT NULL,
	"image_size" bigint NOT NULL,
	"image_mtime_ms" double precision NOT NULL,
	"cover_key" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "music_scan_lease" (
	"folder" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
