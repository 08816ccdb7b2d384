"use client";

import { useSuspenseInfiniteQuery, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useMemo } from "react";

import { formatLength } from "~/components/format";
import { HeartFilledIcon } from "~/components/icons";
import styles from "~/components/library/collection.module.css";
import { PlayAllButton } from "~/components/track-list";
import { VirtualTrackList } from "~/components/virtual-track-list";
import { REFRESH_ON_MOUNT } from "~/components/library/freshness";
import { useTRPC } from "~/trpc/react";
import { LIKED_PAGE, nextLikedPage } from "./liked-query";

/** Liked Songs: a collection that plays like a playlist, newest like first. */
export function LikedSongsView() {
  const trpc = useTRPC();
  const { data: me } = useSuspenseQuery(trpc.user.me.queryOptions());
  const liked = useSuspenseInfiniteQuery(
    trpc.library.likedTracks.infiniteQueryOptions(
      { limit: LIKED_PAGE },
      { getNextPageParam: nextLikedPage, ...REFRESH_ON_MOUNT },
    ),
  );
  const tracks = useMemo(
    () => liked.data.pages.flatMap((page) => page.items.map((i) => i.track)),
    [liked.data],
  );
  const total = liked.data.pages.at(-1)?.total ?? tracks.length;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = liked;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const loadedLength = tracks.reduce((sum, t) => sum + t.durationMs, 0);

  return (
    <article>
      <header className="collection-header">
        <div className={`collection-cover ${styles.likedCover}`} aria-hidden="true">
          <HeartFilledIcon size={88} />
        </div>
        <div>
          <p className="eyebrow">Playlist</p>
          <h1>Liked Songs</h1>
          <p className="collection-meta">
            <Link href={`/user/${me.profile.username}`}>{me.profile.displayName}</Link> · {total}{" "}
            {total === 1 ? "song" : "songs"}
            {!hasNextPage && total > 0 && <>, {formatLength(loadedLength)}</>}
          </p>
        </div>
      </header>
      <div className="collection-actions">
        <PlayAllButton tracks={tracks} label="Liked Songs" />
      </div>
      {tracks.length > 0 ? (
        <VirtualTrackList
          tracks={tracks}
          total={total}
          label="Liked Songs"
          hasMore={hasNextPage}
          loadingMore={isFetchingNextPage}
          loadMore={loadMore}
        />
      ) : (
        <div className={styles.empty}>
          <h2>Songs you like will appear here</h2>
          <p className="muted">Save songs by tapping the heart icon.</p>
          <Link href="/" className="button">
            Find songs
          </Link>
        </div>
      )}
    </article>
  );
}
