"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";

import { useTRPC } from "~/trpc/react";
import { ClockIcon } from "../icons";
import { toast } from "../toast";
import { RESULT, resultGroup } from "./result-navigation";
import { searchHref } from "./search-url";
import styles from "./search.module.css";

/**
 * The listener's recent searches, shown while the box is empty: each opens its search again and
 * has its own remove button; one button clears them all. Removals show at once.
 */
export function RecentSearches() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.search.recent.queryKey();
  const { data: recent = [] } = useQuery(trpc.search.recent.queryOptions());
  const settle = {
    onError: () => toast("Your recent searches could not be changed. Try again."),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  };
  const forget = useMutation(
    trpc.search.forget.mutationOptions({
      onMutate: ({ id }) => queryClient.setQueryData(key, (list) => list?.filter((r) => r.id !== id)),
      ...settle,
    }),
  );
  const clear = useMutation(
    trpc.search.clearRecent.mutationOptions({
      onMutate: () => queryClient.setQueryData(key, []),
      ...settle,
    }),
  );
  if (recent.length === 0) return null;

  return (
    <section aria-labelledby="recent-searches" className={styles.recent}>
      <header className={styles.recentHeader}>
        <h2 id="recent-searches" className="section-title">
          Recent searches
        </h2>
        <button type="button" className="button secondary" onClick={() => clear.mutate()}>
          Clear recent searches
        </button>
      </header>
      <ul className={styles.recentList} aria-label="Recent searches" {...resultGroup("column")}>
        {recent.map((search) => (
          <li key={search.id} className={styles.recentItem} {...RESULT}>
            <Link href={searchHref({ query: search.query })} className={styles.recentLink}>
              <ClockIcon size={18} />
              <span className={styles.recentQuery}>{search.query}</span>
            </Link>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove “${search.query}” from recent searches`}
              onClick={() => forget.mutate({ id: search.id })}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
