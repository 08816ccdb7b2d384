import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { recordListening } from "@cadence/domain/listening";
import { authorizeStream } from "@cadence/domain/streaming";

import { protectedProcedure } from "../trpc";

const detailValue = z.union([z.number(), z.string().max(200), z.boolean()]);

export const listenEventSchema = z.strictObject({
  kind: z.enum(["start", "progress", "skip", "complete", "stall", "bitrate_switch", "error"]),
  trackId: z.uuid(),
  playbackId: z.string().min(1).max(64),
  positionMs: z
    .number()
    .min(0)
    .max(24 * 3600 * 1000),
  occurredAt: z.coerce.date(),
  detail: z.record(z.string().max(40), detailValue).optional(),
});

export const playbackRouter = {
  /** A signed master playlist URL, after checking the listener may play the track. */
  stream: protectedProcedure
    .input(z.strictObject({ trackId: z.uuid("Not a track id") }))
    .query(({ ctx, input }) =>
      authorizeStream(ctx.db, ctx.streaming, { userId: ctx.session.user.id, trackId: input.trackId }),
    ),

  /** Playback events from a player, in batches. */
  report: protectedProcedure
    .input(z.strictObject({ events: z.array(listenEventSchema).max(200, "At most 200 events per batch") }))
    .mutation(({ ctx, input }) => recordListening(ctx.db, ctx.session.user.id, input.events)),
} satisfies TRPCRouterRecord;
