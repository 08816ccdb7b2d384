import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { getAlbum, getArtist, listAlbums, viewerOf } from "@cadence/domain/catalog";

import { expensiveReadProcedure } from "../trpc";
import { dateBetween } from "../validation";

export const catalogRouter = {
  albums: expensiveReadProcedure
    .input(
      z.strictObject({
        limit: z.int().min(1).max(100).default(24),
        cursor: z.strictObject({ createdAt: dateBetween(), id: z.uuid() }).optional(),
      }),
    )
    .query(({ ctx, input }) => listAlbums(ctx.db, input)),

  album: expensiveReadProcedure
    .input(z.strictObject({ id: z.uuid("Not an album id") }))
    .query(async ({ ctx, input }) =>
      getAlbum(ctx.db, input.id, await viewerOf(ctx.db, ctx.session.user.id, ctx.streaming)),
    ),

  artist: expensiveReadProcedure
    .input(z.strictObject({ id: z.uuid("Not an artist id") }))
    .query(async ({ ctx, input }) =>
      getArtist(ctx.db, input.id, await viewerOf(ctx.db, ctx.session.user.id, ctx.streaming)),
    ),
} satisfies TRPCRouterRecord;
