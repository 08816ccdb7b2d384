import "server-only";

import { appRouter, createTRPCContext } from "@cadence/api";
import type { AppRouter } from "@cadence/api";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
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

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
