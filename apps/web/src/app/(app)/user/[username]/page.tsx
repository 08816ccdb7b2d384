import type { Metadata } from "next";

import { HydrateClient, fetchForPage, getQueryClient, trpc } from "~/trpc/server";
import { PROFILE_PLAYLISTS, nextPlaylistsPage } from "./profile-query";
import { ProfileView } from "./profile-view";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ params }: { params: Promise<{ username: string }> }) {
  // Anything that cannot be a username is refused by the API: fetchForPage makes that a 404.
  const username = (await params).username.toLowerCase();
  const queryClient = getQueryClient();
  const profile = await fetchForPage(() =>
    queryClient.fetchQuery(trpc.profile.get.queryOptions({ username })),
  );
  await fetchForPage(() =>
    queryClient.fetchInfiniteQuery(
      trpc.profile.playlists.infiniteQueryOptions(
        { userId: profile.id, ...PROFILE_PLAYLISTS },
        { getNextPageParam: nextPlaylistsPage },
      ),
    ),
  );
  return (
    <HydrateClient>
      <ProfileView username={username} />
    </HydrateClient>
  );
}
