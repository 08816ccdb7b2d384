import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { followUser, getProfile, profilePlaylists, USERNAME_PATTERN } from "@cadence/domain/library";

import { expensiveReadProcedure, writeProcedure } from "../trpc";
import { pageInput } from "../validation";

const userId = z.uuid("Not a listener id");

/** Public profiles: anyone signed in sees a listener's name, counts and public playlists. */
export const profileRouter = {
  get: expensiveReadProcedure
    .input(
      z.strictObject({
        username: z
          .string()
          .trim()
          .max(30, "Not a username")
          .toLowerCase()
          .regex(USERNAME_PATTERN, "Not a username"),
      }),
    )
    .query(({ ctx, input }) => getProfile(ctx.db, ctx.session.user.id, input.username)),

  playlists: expensiveReadProcedure
    .input(
      z.strictObject({
        userId,
        ...pageInput(24),
      }),
    )
    .query(({ ctx, input }) => profilePlaylists(ctx.db, input)),

  follow: writeProcedure
    .input(z.strictObject({ userId, following: z.boolean() }))
    .mutation(({ ctx, input }) => followUser(ctx.db, ctx.session.user.id, input)),
} satisfies TRPCRouterRecord;
