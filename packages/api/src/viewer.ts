import { viewerOf } from "@cadence/domain/catalog";
import type { Viewer } from "@cadence/domain/catalog";
import type { StreamConfig } from "@cadence/domain/streaming";
import type { Db } from "@cadence/db";

import type { Session } from "./context";

/** The signed-in caller as a catalog viewer, with the listener their session check read. */
export function callerViewer(ctx: { db: Db; streaming: StreamConfig; session: Session }): Promise<Viewer> {
  return viewerOf(ctx.db, ctx.session.user.id, ctx.streaming, ctx.session.listener);
}
