"use client";

import { useQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useRef } from "react";

import { useTRPC } from "~/trpc/react";
import { HeartFilledIcon } from "../icons";
import { LIKED_SONGS_PATH } from "../library/entry-image";
import { PlaylistCover } from "./playlist-cover";
import type { SidebarPlaylist } from "./playlist-queries";
import styles from "./sidebar.module.css";

const ROW_HEIGHT = 56;

/**
 * The listener's playlists (owned and shared with them), most recently changed first, the open
 * one marked. Virtualised: a listener can have hundreds. Tabbing through it works because
 * each focused link scrolls into view, which renders the ones after it.
 */
export function SidebarPlaylists() {
  const trpc = useTRPC();
  const { data, isPending, isError, error } = useQuery(trpc.playlist.mine.queryOptions());
  const pathname = usePathname();
  const scroller = useRef<HTMLDivElement>(null);
  const playlists = data ?? [];
  // The compiler is off here; the virtualiser renders this component again itself on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: playlists.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  // Nothing while loading: a flash of "loading" on every page load would be noise. FORBIDDEN:
  // the account must change its generated password first (the banner says so).
  const quiet = isPending || error?.data?.code === "FORBIDDEN";
  const note = quiet
    ? null
    : isError
      ? "Your playlists could not be loaded."
      : playlists.length === 0
        ? "Playlists you make or join show here."
        : null;
  return (
    <>
      <LikedSongsLink current={pathname === LIKED_SONGS_PATH} />
      {note && <p className={styles.sidebarNote}>{note}</p>}
      {!quiet && !isError && playlists.length > 0 && (
        <div ref={scroller} className={styles.sidebarScroller}>
          <ul
            aria-label="Your playlists"
            className={styles.sidebarList}
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((row) => {
              const playlist = playlists[row.index] as SidebarPlaylist;
              const href = `/playlist/${playlist.id}`;
              return (
                <li
                  key={playlist.id}
                  className={styles.sidebarItem}
                  style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
                >
                  <Link
                    href={href}
                    className={styles.sidebarLink}
                    aria-current={pathname === href ? "page" : undefined}
                  >
                    <PlaylistCover coverUrls={playlist.coverUrls} size="small" />
                    <span className={styles.sidebarText}>
                      <span className={styles.sidebarName}>{playlist.name}</span>
                      <span className={styles.sidebarSub}>
                        {playlist.isOwner ? "Playlist" : "Shared with you"}
                        {playlist.isCollaborative ? " · Collaborative" : ""}
                      </span>
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </>
  );
}

/** Liked Songs, pinned above the playlists as it is at the top of the library page. */
function LikedSongsLink({ current }: { current: boolean }) {
  return (
    <Link
      href={LIKED_SONGS_PATH}
      className={`${styles.sidebarLink} ${styles.sidebarPinned}`}
      aria-current={current ? "page" : undefined}
    >
      <span className={styles.likedCover} aria-hidden="true">
        <HeartFilledIcon size={18} />
      </span>
      <span className={styles.sidebarText}>
        <span className={styles.sidebarName}>Liked Songs</span>
        <span className={styles.sidebarSub}>Playlist</span>
      </span>
    </Link>
  );
}
