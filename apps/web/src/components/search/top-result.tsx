"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";

import { useTRPC } from "~/trpc/react";
import { PauseIcon, PlayIcon } from "../icons";
import { PlaylistCover } from "../playlist/playlist-cover";
import { useNowPlaying, usePlayer } from "../player/player-provider";
import { toPlayerTrack } from "../player/to-player-track";
import type { CatalogTrack } from "../player/to-player-track";
import personStyles from "../person-card.module.css";
import { RESULT, resultGroup } from "./result-navigation";
import styles from "./search.module.css";
import type { SearchResults } from "./use-search";

type Top = NonNullable<SearchResults["top"]>;

/** Where the top result leads, what it is called, and the line under its name. */
function describe(top: Top): { href: string; name: string; kind: string; detail: string | null } {
  switch (top.kind) {
    case "track":
      return {
        href: `/track/${top.item.id}`,
        name: top.item.title,
        kind: "Song",
        detail: top.item.artists.map((a) => a.name).join(", "),
      };
    case "artist":
      return { href: `/artist/${top.item.id}`, name: top.item.name, kind: "Artist", detail: null };
    case "album":
      return {
        href: `/album/${top.item.id}`,
        name: top.item.title,
        kind: "Album",
        detail: top.item.artist.name,
      };
    case "playlist":
      return {
        href: `/playlist/${top.item.id}`,
        name: top.item.name,
        kind: "Playlist",
        detail: `By ${top.item.owner.displayName}`,
      };
    case "profile":
      return {
        href: `/user/${top.item.username}`,
        name: top.item.displayName,
        kind: "Profile",
        detail: null,
      };
  }
}

function Picture({ top }: { top: Top }) {
  if (top.kind === "playlist") return <PlaylistCover coverUrls={top.item.imageUrls} size="small" />;
  const url =
    top.kind === "track"
      ? top.item.album.coverUrl
      : top.kind === "album"
        ? top.item.coverUrl
        : top.kind === "artist"
          ? top.item.imageUrl
          : top.item.avatarUrl;
  // Artists and listeners are round, and without a picture show their initial.
  const person = top.kind === "artist" ? top.item.name : top.kind === "profile" ? top.item.displayName : null;
  const round = person === null ? "" : personStyles.round;
  if (url) return <img className={`${styles.topPicture} ${round}`} src={url} alt="" width={96} height={96} />;
  return (
    <div
      className={`${styles.topPicture} ${round} ${personStyles.initial} cover-placeholder`}
      aria-hidden="true"
    >
      {person?.slice(0, 1).toUpperCase()}
    </div>
  );
}

const isPlaying = (status: string) => status === "playing" || status === "buffering" || status === "loading";

/**
 * The best match, big: its picture, name and kind, a link to it (Enter opens it) and, for what
 * can be played (a song, an album, an artist's popular songs), a Play button.
 */
export function TopResult({
  top,
  playTrack,
  onPlay,
}: {
  top: Top;
  /** Plays a song the way the songs beside it do (queued with them). */
  playTrack: (track: CatalogTrack) => void;
  /** Told when anything starts playing from here. */
  onPlay: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const player = usePlayer();
  const { track: current, status } = useNowPlaying();
  const { href, name, kind, detail } = describe(top);

  // An album plays from its first song, an artist from their most popular.
  const loadTracks =
    top.kind === "album"
      ? () =>
          queryClient.fetchQuery(trpc.catalog.album.queryOptions({ id: top.item.id })).then((a) => a.tracks)
      : top.kind === "artist"
        ? () =>
            queryClient
              .fetchQuery(trpc.catalog.artist.queryOptions({ id: top.item.id }))
              .then((a) => a.topTracks)
        : null;
  const playable = top.kind === "track" ? top.item.playable : loadTracks !== null;
  const fromHere =
    !!current &&
    (top.kind === "track"
      ? current.id === top.item.id
      : top.kind === "album"
        ? current.album.id === top.item.id
        : top.kind === "artist" && current.artists.some((a) => a.id === top.item.id));
  const playing = fromHere && isPlaying(status);

  const play = async () => {
    if (!player) return;
    onPlay();
    if (fromHere) return void player.toggle();
    if (top.kind === "track") return playTrack(top.item);
    if (!loadTracks) return;
    const tracks = (await loadTracks()).filter((t) => t.playable);
    for (const track of tracks) if (track.stream) player.rememberSource(track.id, track.stream);
    if (tracks.length > 0) await player.playTracks(tracks.map(toPlayerTrack), 0);
  };

  return (
    <section className={styles.top} aria-labelledby="top-result-title" {...resultGroup("row")}>
      <h2 id="top-result-title" className="section-title">
        Top result
      </h2>
      <div className={styles.topCard} {...RESULT}>
        {/* First in the card: the link is what the arrow keys focus and Enter opens. */}
        <Link href={href} className={styles.topLink}>
          <Picture top={top} />
          <span className={styles.topName}>{name}</span>
          <span className={styles.topMeta}>
            <span className={styles.topKind}>{kind}</span>
            {detail && <span className={styles.topDetail}>{detail}</span>}
          </span>
        </Link>
        {playable && (
          <button
            type="button"
            className={`play-all ${styles.topPlay}`}
            aria-label={`${playing ? "Pause" : "Play"} ${name}`}
            disabled={!player}
            onClick={() => void play()}
            onMouseEnter={() => {
              if (loadTracks) void loadTracks().catch(() => undefined);
              else if (top.kind === "track") void player?.preload(top.item.id);
            }}
          >
            {playing ? <PauseIcon size={28} /> : <PlayIcon size={28} />}
          </button>
        )}
      </div>
    </section>
  );
}
