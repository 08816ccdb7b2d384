import type { Metadata } from "next";

import { HydrateClient, fetchForPage, getQueryClient, trpc } from "~/trpc/server";
import { AccountSettings } from "./account-settings";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  await fetchForPage(() => getQueryClient().fetchQuery(trpc.user.me.queryOptions()));
  return (
    <HydrateClient>
      <AccountSettings />
    </HydrateClient>
  );
}
