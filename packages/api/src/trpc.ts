import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";

import type { TRPCContext } from "./context";
import { AppError } from "@cadence/domain";

import { toTRPCError } from "./errors";
import { requirePasswordChanged } from "./password-change";

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        // Field messages for forms: zod issues flattened, or the field a domain error names.
        fieldErrors:
          cause instanceof ZodError
            ? z.flattenError(cause).fieldErrors
            : cause instanceof AppError && cause.field
              ? { [cause.field]: [cause.message] }
              : undefined,
        retryAfterSeconds: cause instanceof AppError ? cause.retryAfterSeconds : undefined,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors become tRPC errors here and only here. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    throw toTRPCError(result.error.cause);
  }
  return result;
});

export const publicProcedure = t.procedure.use(appErrors);

/** Requires a session; `ctx.session.user` is non-null from here on. */
const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  return next({ ctx: { ...ctx, session: ctx.session } });
});
export const protectedProcedure = signedInProcedure.use(requirePasswordChanged);

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.session.user.role !== "admin") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Administrators only" });
  }
  return next();
});
