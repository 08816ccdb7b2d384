import type { Metadata } from "next";

import { nextPage, PAGE } from "~/lib/pages";
import { HydrateClient, fetchForPage, getQueryClient, trpc } from "~/trpc/server";
import { GenreView } from "./genre-view";

type Params = { params: Promise<{ name: string }> };

/**
 * The segment as the genre's name. Decoded once more in case it arrives still percent-encoded;
 * a name with a bare "%" (already decoded) is taken as it is.
 */
async function genreName({ params }: Params): Promise<string> {
  const { name } = await params;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  return { title: await genreName(props) };
}

export default async function GenrePage(props: Params) {
  const name = await genreName(props);
  await fetchForPage(() =>
    getQueryClient().fetchInfiniteQuery(
      trpc.catalog.genre.infiniteQueryOptions({ name, limit: PAGE.albums }, { getNextPageParam: nextPage }),
    ),
  );
  return (
    <HydrateClient>
      <GenreView name={name} />
    </HydrateClient>
  );
}
