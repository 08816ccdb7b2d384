import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import {
  clearSearches,
  forgetSearch,
  recentSearches,
  rememberSearch,
  search,
  SEARCH_KINDS,
} from "@cadence/domain/search";

import { expensiveReadProcedure, writeProcedure } from "../trpc";
import { pageInput, singleLine } from "../validation";
import { callerViewer } from "../viewer";

/** The longest query taken: longer ones are not searches anyone types. */
export const MAX_QUERY_LENGTH = 200;
const query = singleLine({ max: MAX_QUERY_LENGTH });

export const searchRouter = {
  /**
   * Everything the caller may find, per kind, with a top result. An empty query answers with
   * genres to browse. A cursor (from one kind's `nextCursor`) continues that kind alone.
   */
  search: expensiveReadProcedure
    .input(
      z.strictObject({
        query,
        kinds: z
          .array(z.enum(SEARCH_KINDS))
          .min(1, "Name at least one kind")
          .max(SEARCH_KINDS.length)
          .optional(),
        genre: singleLine({ max: 100, required: "Name a genre" }).optional(),
        year: z
          .number()
          .int("Use a whole year")
          .min(1900, "Use a year from 1900")
          .max(2200, "Use a year before 2200")
          .optional(),
        ...pageInput(10, 50),
      }),
    )
    .query(async ({ ctx, input }) => search(ctx, await callerViewer(ctx), input)),

  /** The caller's recent searches, newest first. */
  recent: expensiveReadProcedure.query(({ ctx }) => recentSearches(ctx.db, ctx.session.user.id)),

  /** Remembers a search the caller acted on (opened or played a result, pressed Enter). */
  remember: writeProcedure
    .input(z.strictObject({ query: singleLine({ max: MAX_QUERY_LENGTH, required: "Type a search" }) }))
    .mutation(({ ctx, input }) => rememberSearch(ctx.db, ctx.session.user.id, input.query)),

  forget: writeProcedure
    .input(z.strictObject({ id: z.uuid("Not a recent search id") }))
    .mutation(({ ctx, input }) => forgetSearch(ctx.db, ctx.session.user.id, input.id)),

  clearRecent: writeProcedure.mutation(({ ctx }) => clearSearches(ctx.db, ctx.session.user.id)),
} satisfies TRPCRouterRecord;
