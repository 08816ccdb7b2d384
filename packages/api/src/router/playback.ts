import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { recordListening } from "@cadence/domain/listening";
import { authorizeStream } from "@cadence/domain/streaming";

import { protectedProcedure, writeProcedure } from "../trpc";
import { dateBetween, singleLine, token } from "../validation";

const DAY_MS = 86_400_000;
// Before the service could have existed, or beyond any device's clock skew: not a real listen.
const FIRST_LISTEN = new Date("2000-01-01T00:00:00Z");

const detailValue = z.union([z.number().min(-1e12).max(1e12), singleLine({ max: 200 }), z.boolean()]);

export const listenEventSchema = z.strictObject({
  kind: z.enum(["start", "progress", "skip", "complete", "stall", "bitrate_switch", "error"]),
  trackId: z.uuid(),
  playbackId: token(64),
  positionMs: z
    .number()
    .min(0)
    .max(24 * 3600 * 1000),
  occurredAt: dateBetween({
    min: FIRST_LISTEN,
    max: () => new Date(Date.now() + DAY_MS),
    coerce: true,
    message: "Not a time a listening event can have",
  }),
  detail: z
    .record(token(40), detailValue)
    .refine((detail) => Object.keys(detail).length <= 16, "At most 16 details per event")
    .optional(),
});

export const playbackRouter = {
  /** A signed master playlist URL, after checking the listener may play the track. */
  stream: protectedProcedure
    .input(z.strictObject({ trackId: z.uuid("Not a track id") }))
    .query(({ ctx, input }) =>
      authorizeStream(ctx.db, ctx.streaming, { userId: ctx.session.user.id, trackId: input.trackId }),
    ),

  /** Playback events from a player, in batches. */
  report: writeProcedure
    .input(z.strictObject({ events: z.array(listenEventSchema).max(200, "At most 200 events per batch") }))
    .mutation(({ ctx, input }) => recordListening(ctx.db, ctx.session.user.id, input.events)),
} satisfies TRPCRouterRecord;
