import { and, desc, eq, preparedFor, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import type { ListenerRights } from "./catalog/rights";
import { AppError } from "./errors";
import type { Role } from "./services";

/** The listener's streaming quality setting, as the highest rung it asks for (kb/s). */
export const QUALITY_KBPS = { low: 64, normal: 128, high: 256 } as const;
const FREE_PLAN_KBPS = 128;

/**
 * Who is listening, as playback rights see them: all of it decided or checked by the server.
 * `maxKbps` is the plan's cap lowered by the listener's own quality setting.
 */
export interface Listener extends ListenerRights {
  userId: string;
  sessionVersion: number;
  maxKbps: number;
}

/** What the server knows of an account on every request: its session and its listening rights. */
export interface AccountState {
  role: Role;
  passwordChangeRequired: boolean;
  listener: Listener;
}

// The account and what decides its rights (preferences, the active plan) in one round trip.
const accountRow = preparedFor((db) =>
  db
    .select({
      disabledAt: schema.user.disabledAt,
      role: schema.user.role,
      passwordChangeRequired: schema.user.passwordChangeRequired,
      licenseCountry: schema.user.licenseCountry,
      sessionVersion: schema.user.sessionVersion,
      quality: schema.preference.streamingQuality,
      explicitAllowed: schema.preference.explicitContent,
      planKbps: schema.plan.maxBitrateKbps,
    })
    .from(schema.user)
    .leftJoin(schema.preference, eq(schema.preference.userId, schema.user.id))
    .leftJoin(
      schema.subscription,
      and(eq(schema.subscription.userId, schema.user.id), eq(schema.subscription.status, "active")),
    )
    .leftJoin(schema.plan, eq(schema.plan.code, schema.subscription.planCode))
    .where(eq(schema.user.id, sql.placeholder("userId")))
    .orderBy(desc(schema.subscription.startedAt))
    .limit(1)
    .prepare("account_state"),
);

/** The account's state now; null when it is gone or disabled. */
export async function loadAccountState(db: Db, userId: string): Promise<AccountState | null> {
  const [row] = await accountRow(db).execute({ userId });
  if (!row || row.disabledAt) return null;
  const planKbps = row.planKbps ?? FREE_PLAN_KBPS;
  return {
    role: row.role,
    passwordChangeRequired: row.passwordChangeRequired,
    listener: {
      userId,
      licenseCountry: row.licenseCountry,
      explicitAllowed: row.explicitAllowed ?? true,
      sessionVersion: row.sessionVersion,
      maxKbps: Math.min(planKbps, QUALITY_KBPS[row.quality ?? "high"]),
    },
  };
}

/** Reads the listener in one round trip; a disabled or missing account cannot play. */
export async function loadListener(db: Db, userId: string): Promise<Listener> {
  const state = await loadAccountState(db, userId);
  if (!state) throw new AppError("FORBIDDEN", "This account cannot play music");
  return state.listener;
}
