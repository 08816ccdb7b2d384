import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import {
  changePassword,
  deleteAccount,
  getAccount,
  updatePreferences,
  updateProfile,
} from "@cadence/domain/account";
import { clientIp } from "@cadence/domain";
import { passwordSchema } from "@cadence/domain/auth";

import { protectedProcedure, writeProcedure } from "../trpc";
import { publicHttpsUrl } from "../validation";
import { displayNameSchema } from "./auth";

const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Use a two-letter country code");

export const userRouter = {
  me: protectedProcedure.query(({ ctx }) => getAccount(ctx.db, ctx.session.user.id)),

  updateProfile: writeProcedure
    .input(
      z.strictObject({
        displayName: displayNameSchema.optional(),
        avatarUrl: publicHttpsUrl(2048).nullable().optional(),
        country: countrySchema.optional(),
        language: z
          .string()
          .max(35, "Use a language tag such as en or pt-BR")
          .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Use a language tag such as en or pt-BR")
          .optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.session.user.id, input)),

  updatePreferences: writeProcedure
    .input(
      z.strictObject({
        streamingQuality: z.enum(["low", "normal", "high"]).optional(),
        downloadQuality: z.enum(["low", "normal", "high"]).optional(),
        normalisation: z.enum(["off", "quiet", "normal", "loud"]).optional(),
        crossfadeSeconds: z.int().min(0, "0 to 12 seconds").max(12, "0 to 12 seconds").optional(),
        gapless: z.boolean().optional(),
        explicitContent: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input }) => updatePreferences(ctx, ctx.session.user.id, input)),

  changePassword: writeProcedure
    .input(
      z.strictObject({
        currentPassword: z.string().min(1, "Enter your current password").max(256),
        newPassword: passwordSchema,
      }),
    )
    .mutation(({ ctx, input }) =>
      changePassword(ctx, ctx.session.user.id, { ...input, ip: clientIp(ctx.headers) }),
    ),

  deleteAccount: writeProcedure
    .input(z.strictObject({ password: z.string().max(256).optional() }))
    .mutation(({ ctx, input }) =>
      deleteAccount(ctx, ctx.session.user.id, { ...input, ip: clientIp(ctx.headers) }),
    ),
} satisfies TRPCRouterRecord;
