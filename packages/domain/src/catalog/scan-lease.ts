import { and, eq, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

/**
 * One scan of a music folder at a time across all app servers that watch it: a scan runs while
 * its server holds the folder's lease (renewed as it goes); a lease whose holder died runs out.
 * The database's clock decides expiry, so servers' clocks need not agree.
 */

/** Takes the lease for `folder` if it is free, expired or already ours; true when we hold it. */
export async function takeScanLease(
  db: Db,
  folder: string,
  holder: string,
  seconds: number,
): Promise<boolean> {
  const rows = await db
    .insert(schema.musicScanLease)
    .values({ folder, holder, expiresAt: sql`now() + make_interval(secs => ${seconds})` })
    .onConflictDoUpdate({
      target: schema.musicScanLease.folder,
      set: { holder, expiresAt: sql`now() + make_interval(secs => ${seconds})` },
      setWhere: sql`${schema.musicScanLease.expiresAt} < now() or ${schema.musicScanLease.holder} = ${holder}`,
    })
    .returning({ holder: schema.musicScanLease.holder });
  return rows[0]?.holder === holder;
}

/** Gives the lease back (only if still ours). */
export async function releaseScanLease(db: Db, folder: string, holder: string): Promise<void> {
  await db
    .delete(schema.musicScanLease)
    .where(and(eq(schema.musicScanLease.folder, folder), eq(schema.musicScanLease.holder, holder)));
}
