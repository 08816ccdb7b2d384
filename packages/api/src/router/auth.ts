import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { clientIp } from "@cadence/domain";
import { signUp } from "@cadence/domain/account";
import { emailSchema, passwordSchema } from "@cadence/domain/auth";

import { publicProcedure } from "../trpc";

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a name")
  .max(60, "Use at most 60 characters");

export const authRouter = {
  signUp: publicProcedure
    .input(z.strictObject({ email: emailSchema, password: passwordSchema, displayName: displayNameSchema }))
    .mutation(({ ctx, input }) => signUp(ctx, { ...input, ip: clientIp(ctx.headers) })),
} satisfies TRPCRouterRecord;
