import type { TRPCRouterRecord } from "@trpc/server";

import { AppError } from "@cadence/domain";
import { musicFolderStatus } from "@cadence/domain/catalog";

import { adminReadProcedure, adminWriteProcedure } from "../trpc";

/** The admin console: administrators only (FORBIDDEN for everyone else). */
export const adminRouter = {
  /** The music folder: where it is, whether a scan runs, track counts and the latest scans. */
  musicFolder: adminReadProcedure.query(({ ctx }) => musicFolderStatus(ctx.db, ctx.musicFolder)),

  /** Queues a scan of the music folder; it runs in the background (the status shows it). */
  rescanMusicFolder: adminWriteProcedure.mutation(({ ctx }) => {
    if (!ctx.musicFolder) {
      throw new AppError("CONFLICT", "No music folder is set: start the app with MUSIC_DIR to scan one");
    }
    ctx.musicFolder.requestRescan("admin");
    return { scanning: true };
  }),
} satisfies TRPCRouterRecord;
