import { relations } from "drizzle-orm";
import { pgEnum, pgTable, uniqueIndex } from "drizzle-orm/pg-core";

import { user } from "./auth";

export const audioQuality = pgEnum("audio_quality", ["low", "normal", "high"]);
export const normalisation = pgEnum("normalisation", ["off", "quiet", "normal", "loud"]);

/** Public face of a user: what other listeners see. */
export const profile = pgTable(
  "profile",
  (t) => ({
    userId: t
      .uuid()
      .primaryKey()
      .references(() => user.id, { onDelete: "cascade" }),
    // Public handle: profile URLs (/user/<username>) and invitations by name. Lower case.
    username: t.text().notNull(),
    displayName: t.text().notNull(),
    avatarUrl: t.text(),
    // ISO 3166-1 alpha-2, the listener's own choice for display (formats, editorial shelves);
    // licensing uses user.license_country, which the listener cannot change.
    country: t.char({ length: 2 }).notNull().default("US"),
    // BCP 47 language tag for the interface.
    language: t.text().notNull().default("en"),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [uniqueIndex("profile_username_idx").on(table.username)],
);

/** Playback settings, private to the user. */
export const preference = pgTable("preference", (t) => ({
  userId: t
    .uuid()
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  streamingQuality: audioQuality().notNull().default("high"),
  downloadQuality: audioQuality().notNull().default("high"),
  normalisation: normalisation().notNull().default("normal"),
  crossfadeSeconds: t.integer().notNull().default(0),
  gapless: t.boolean().notNull().default(true),
  explicitContent: t.boolean().notNull().default(true),
  updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
}));

export const profileRelations = relations(profile, ({ one }) => ({
  user: one(user, { fields: [profile.userId], references: [user.id] }),
}));

export const preferenceRelations = relations(preference, ({ one }) => ({
  user: one(user, { fields: [preference.userId], references: [user.id] }),
}));
