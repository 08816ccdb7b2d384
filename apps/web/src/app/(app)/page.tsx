import { getSession } from "~/server/auth";
import { ImportProgress } from "~/components/import-progress";
import { HydrateClient, fetchForPage, getQueryClient, trpc } from "~/trpc/server";
import { nextPage, PAGE } from "~/lib/pages";
import { HomeView } from "./home-view";

function greeting(date = new Date()): string {
  const hour = date.getHours();
  return hour < 12 ? "Good morning" : hour < 18 ? "Good afternoon" : "Good evening";
}

export default async function HomePage() {
  const session = await getSession();
  const queryClient = getQueryClient();
  await fetchForPage(() =>
    Promise.all([
      queryClient.fetchQuery(trpc.catalog.home.queryOptions()),
      queryClient.prefetchQuery(trpc.catalog.importProgress.queryOptions()),
      queryClient.prefetchInfiniteQuery(
        trpc.catalog.albums.infiniteQueryOptions({ limit: PAGE.albums }, { getNextPageParam: nextPage }),
      ),
    ]),
  );
  return (
    <>
      <section className="hero">
        <h1>{greeting()}</h1>
        <p>Signed in as {session?.user.email}.</p>
      </section>
      <HydrateClient>
        <ImportProgress />
        <HomeView />
      </HydrateClient>
    </>
  );
}
