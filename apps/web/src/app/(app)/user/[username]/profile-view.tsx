"use client";

import { useSuspenseInfiniteQuery, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";

import styles from "~/components/library/profile.module.css";
import { FollowUserButton } from "~/components/library/follow-user-button";
import { CopyLinkButton } from "~/components/copy-link-button";
import { useTRPC } from "~/trpc/react";
import { PROFILE_PLAYLISTS, nextPlaylistsPage } from "./profile-query";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A listener's public page: name, picture, followers and following, public playlists. */
export function ProfileView({ username }: { username: string }) {
  const trpc = useTRPC();
  const { data: profile } = useSuspenseQuery(trpc.profile.get.queryOptions({ username }));
  const playlists = useSuspenseInfiniteQuery(
    trpc.profile.playlists.infiniteQueryOptions(
      { userId: profile.id, ...PROFILE_PLAYLISTS },
      { getNextPageParam: nextPlaylistsPage },
    ),
  );
  const items = playlists.data.pages.flatMap((page) => page.items);

  return (
    <article>
      <header className="collection-header artist">
        {profile.avatarUrl ? (
          <img className="collection-cover round" src={profile.avatarUrl} alt="" width={232} height={232} />
        ) : (
          <div className={`collection-cover round ${styles.initial}`} aria-hidden="true">
            {profile.displayName.slice(0, 1).toUpperCase()}
          </div>
        )}
        <div>
          <p className="eyebrow">Profile</p>
          <h1>{profile.displayName}</h1>
          <p className="collection-meta">
            @{profile.username} · {plural(profile.followerCount, "follower", "followers")} ·{" "}
            {profile.followingCount} following
          </p>
        </div>
      </header>
      <div className="collection-actions">
        {profile.isMe ? (
          <Link href="/account" className="button secondary">
            Edit profile
          </Link>
        ) : (
          <FollowUserButton profile={profile} />
        )}
        <CopyLinkButton path={`/user/${profile.username}`} what={profile.displayName} />
      </div>
      <h2 className="section-title">Public playlists</h2>
      {items.length > 0 ? (
        <ul className="album-grid" aria-label={`Public playlists of ${profile.displayName}`}>
          {items.map((playlist) => (
            <li key={playlist.id}>
              <Link href={`/playlist/${playlist.id}`} className="album-card">
                {playlist.imageUrls[0] ? (
                  <img src={playlist.imageUrls[0]} alt="" width={180} height={180} loading="lazy" />
                ) : (
                  <div className="cover-placeholder" aria-hidden="true" />
                )}
                <span className="album-title">{playlist.name}</span>
                <span className="album-sub">{plural(playlist.trackCount, "song", "songs")}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">
          {profile.isMe
            ? "Playlists you make public show here."
            : `${profile.displayName} has no public playlists yet.`}
        </p>
      )}
      {playlists.hasNextPage && (
        <p>
          <button
            type="button"
            className="button secondary"
            disabled={playlists.isFetchingNextPage}
            onClick={() => void playlists.fetchNextPage()}
          >
            {playlists.isFetchingNextPage ? "Loading…" : "Show more"}
          </button>
        </p>
      )}
    </article>
  );
}
