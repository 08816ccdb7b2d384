import { redirect } from "next/navigation";

import { fetchForPage, getQueryClient, trpc } from "~/trpc/server";

/** "Your profile": the page others see of you, at /user/<your username>. */
export default async function MyProfilePage() {
  const me = await fetchForPage(() => getQueryClient().fetchQuery(trpc.user.me.queryOptions()));
  redirect(`/user/${me.profile.username}`);
}
