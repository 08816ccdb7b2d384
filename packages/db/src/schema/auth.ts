import { relations, sql } from "drizzle-orm";
import { index, pgEnum, pgTable, uniqueIndex } from "drizzle-orm/pg-core";

export const role = pgEnum("role", ["listener", "admin"]);

export const user = pgTable(
  "user",
  (t) => ({
    id: t.uuid().primaryKey().defaultRandom(),
    email: t.text().notNull(),
    // Null for accounts that only sign in through an OAuth provider.
    passwordHash: t.text(),
    role: role().notNull().default("listener"),
    // Bumped on sign-out and password change; a JWT carrying an older version is rejected.
    sessionVersion: t.integer().notNull().default(1),
    disabledAt: t.timestamp({ withTimezone: true }),
    // ISO 3166-1 alpha-2 country whose licences apply to this account. Decided by the server
    // (operator default, sign-up address, later billing), never by the listener.
    licenseCountry: t.char({ length: 2 }).notNull().default("US"),
    // Set on accounts created with a generated password: the first sign-in must change it.
    passwordChangeRequired: t.boolean().notNull().default(false),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [uniqueIndex("user_email_lower_idx").on(sql`lower(${table.email})`)],
);

/** A link between a user and an OAuth provider identity (GitHub, Google). */
export const oauthAccount = pgTable(
  "oauth_account",
  (t) => ({
    provider: t.text().notNull(),
    providerAccountId: t.text().notNull(),
    userId: t
      .uuid()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: t.timestamp({ withTimezone: true }).notNull().defaultNow(),
  }),
  (table) => [
    uniqueIndex("oauth_account_provider_idx").on(table.provider, table.providerAccountId),
    index("oauth_account_user_idx").on(table.userId),
  ],
);

export const userRelations = relations(user, ({ many }) => ({
  oauthAccounts: many(oauthAccount),
}));

export const oauthAccountRelations = relations(oauthAccount, ({ one }) => ({
  user: one(user, { fields: [oauthAccount.userId], references: [user.id] }),
}));
