import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";

import type { Db } from "@cadence/db";
import { releaseScanLease, takeScanLease } from "@cadence/domain/catalog";

export interface ScanLeaseOptions {
  /** How long a lease lasts unless renewed; a holder that dies frees the folder after this. */
  seconds?: number;
  pollMs?: number;
  /** Called once if another process holds the lease and this one has to wait. */
  onWait?: () => void;
}

/**
 * Runs `work` while holding the folder's scan lease: several app servers (or a server and the
 * CLI) may watch one MUSIC_DIR, but only one scans it at a time, so none ingests a new file the
 * other is already ingesting. Waits for a busy lease; renews its own while the work runs.
 */
export async function withScanLease<T>(
  db: Db,
  folder: string,
  work: () => Promise<T>,
  options: ScanLeaseOptions = {},
): Promise<T> {
  const holder = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  const seconds = options.seconds ?? 60;
  let waiting = false;
  while (!(await takeScanLease(db, folder, holder, seconds))) {
    if (!waiting) options.onWait?.();
    waiting = true;
    await sleep(options.pollMs ?? 1000);
  }
  // Renewals run one after another, and the last is awaited before the release, so none can
  // land after it and re-create the row. A renewal that fails for a whole lease period lets
  // another process in beside this scan: the same as before leases, never a lost file.
  let renewal: Promise<unknown> = Promise.resolve();
  const renew = setInterval(
    () => {
      renewal = renewal.then(() => takeScanLease(db, folder, holder, seconds)).catch(() => undefined);
    },
    (seconds * 1000) / 3,
  );
  renew.unref();
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await renewal;
    await releaseScanLease(db, folder, holder).catch(() => undefined);
  }
}
