import type { Metadata } from "next";

import { HydrateClient, fetchForPage, getQueryClient, trpc } from "~/trpc/server";
import { LIKED_PAGE, nextLikedPage } from "./liked-query";
import { LikedSongsView } from "./liked-songs-view";

export const metadata: Metadata = { title: "Liked Songs" };

export default async function LikedSongsPage() {
  const queryClient = getQueryClient();
  await fetchForPage(() =>
    Promise.all([
      queryClient.fetchInfiniteQuery(
        trpc.library.likedTracks.infiniteQueryOptions(
          { limit: LIKED_PAGE },
          { getNextPageParam: nextLikedPage },
        ),
      ),
      queryClient.fetchQuery(trpc.user.me.queryOptions()),
    ]),
  );
  return (
    <HydrateClient>
      <LikedSongsView />
    </HydrateClient>
  );
}
