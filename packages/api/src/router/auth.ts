import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { clientIp } from "@cadence/domain";
import { signUp } from "@cadence/domain/account";
import { emailSchema, passwordSchema } from "@cadence/domain/auth";

import { publicProcedure } from "../trpc";
import { singleLine } from "../validation";

export const displayNameSchema = singleLine({ max: 60, required: "Enter a name" });

export const authRouter = {
  signUp: publicProcedure
    .input(z.strictObject({ email: emailSchema, password: passwordSchema, displayName: displayNameSchema }))
    .mutation(({ ctx, input }) => signUp(ctx, { ...input, ip: clientIp(ctx.headers) })),
} satisfies TRPCRouterRecord;
