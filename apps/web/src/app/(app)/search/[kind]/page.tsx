import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { kindBySlug, kindInput, nextSearchPage, readPageParams } from "~/components/search/search-url";
import type { PageSearchParams } from "~/components/search/search-url";
import { HydrateClient, getQueryClient, trpc } from "~/trpc/server";
import { SearchKindView } from "./search-kind-view";

type Props = { params: Promise<{ kind: string }>; searchParams: Promise<PageSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Search: ${kindBySlug((await params).kind)?.title ?? "Not found"}` };
}

/** One kind's results in full ("Show all" from the search page): /search/songs?q=… */
export default async function SearchKindPage({ params, searchParams }: Props) {
  const { kind: slug } = await params;
  const kind = kindBySlug(slug);
  if (!kind) notFound();
  const input = kindInput(kind.kind, readPageParams(await searchParams));
  await getQueryClient().prefetchInfiniteQuery(
    trpc.search.search.infiniteQueryOptions(input, { getNextPageParam: nextSearchPage(kind.kind) }),
  );
  return (
    <HydrateClient>
      <SearchKindView slug={slug} />
    </HydrateClient>
  );
}
