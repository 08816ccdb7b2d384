import "server-only";

import { appRouter, createTRPCContext, isPasswordChangeRequired } from "@cadence/api";
import type { AppRouter } from "@cadence/api";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { TRPCError } from "@trpc/server";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { ReactNode } from "react";

import { getSession } from "~/server/auth";
import { services } from "~/server/services";
import { createQueryClient } from "./query-client";

// One query client per request, shared by the server components that render it.
export const getQueryClient = cache(createQueryClient);

/** Server components prefetch through the same router the browser calls. */
export const trpc = createTRPCOptionsProxy<AppRouter>({
  router: appRouter,
  queryClient: getQueryClient,
  ctx: async () =>
    createTRPCContext({ ...services(), headers: new Headers(await headers()), session: await getSession() }),
});

/**
 * Fetches a query for a page. Pages render in parallel with the layout's session check, so a
 * session that ended elsewhere shows up here as UNAUTHORIZED: send the listener to sign in.
 * A generated password must be changed first, on the account page. A missing object is a 404;
 * anything else is a real error.
 */
export async function fetchForPage<T>(fetch: () => Promise<T>): Promise<T> {
  try {
    return await fetch();
  } catch (error) {
    const code = error instanceof TRPCError ? error.code : undefined;
    if (code === "UNAUTHORIZED") redirect("/signin");
    if (isPasswordChangeRequired(error)) redirect("/account");
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw error;
  }
}

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
