import { relations } from "drizzle-orm";
import { index, pgEnum, pgTable } from "drizzle-orm/pg-core";

import { user } from "./auth";

export const planCode = pgEnum("plan_code", ["free", "premium"]);
export const subscriptionStatus = pgEnum("subscription_status", ["active", "past_due", "canceled"]);

export const plan = pgTable("plan", (t) => ({
  code: planCode().primaryKey(),
  name: t.text().notNull(),
  // Free listeners hear ads; premium listeners do not and may download.
  adSupported: t.boolean().notNull(),
  offlineDownloads: t.boolean().notNull(),
  maxBitrateKbps: t.integer().notNull(),
  priceCents: t.integer().notNull().default(0),
}));

export const subscription = pgTable(
  "subscription",
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    userId: t
      .uuid()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    planCode: planCode()
      .notNull()
      .references(() => plan.code),
    status: subscriptionStatus().notNull().default("active"),
    startedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    endsAt: t.timestamp({ withTimezone: true }),
  }),
  (table) => [index("subscription_user_idx").on(table.userId, table.status)],
);

export const subscriptionRelations = relations(subscription, ({ one }) => ({
  user: one(user, { fields: [subscription.userId], references: [user.id] }),
  plan: one(plan, { fields: [subscription.planCode], references: [plan.code] }),
}));
