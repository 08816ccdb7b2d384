"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";

import { ArtistLinks } from "~/components/artist-links";
import { CollectionCover } from "~/components/collection-cover";
import { CopyLinkButton } from "~/components/copy-link-button";
import { formatReleaseDate, formatTime } from "~/components/format";
import { LikeButton } from "~/components/library/like-button";
import likeStyles from "~/components/library/library.module.css";
import { AddTracksButton } from "~/components/playlist/add-tracks-button";
import { PlayAllButton, TrackList } from "~/components/track-list";
import { TrackMenu } from "~/components/track-menu";
import { useTRPC } from "~/trpc/react";

/**
 * A song: who made it, where it is from, what a row offers (play, the heart, add to a playlist,
 * its menu), and the rest of its album.
 */
export function TrackView({ id }: { id: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.catalog.track.queryOptions({ id }));
  const { track, album, moreFromAlbum } = data;
  return (
    <article>
      <header className="collection-header">
        <CollectionCover url={album.coverUrl} alt={`Cover of ${album.title}`} />
        <div>
          <p className="eyebrow">Song</p>
          <h1>{track.title}</h1>
          <p className="collection-meta">
            <ArtistLinks artists={track.artists} /> · <Link href={`/album/${album.id}`}>{album.title}</Link>
            {album.releaseDate && <> · {formatReleaseDate(album.releaseDate)}</>} ·{" "}
            {formatTime(track.durationMs / 1000)}
          </p>
          {!track.playable && track.unavailableReason && (
            <p className="track-reason">{track.unavailableReason}</p>
          )}
        </div>
      </header>
      <div className="collection-actions">
        <PlayAllButton tracks={[track]} label={track.title} />
        <LikeButton track={track} size={32} className={likeStyles.big} />
        <CopyLinkButton path={`/track/${track.id}`} what={track.title} />
        <AddTracksButton trackIds={[track.id]} what={track.title} />
        <TrackMenu track={track} />
      </div>
      {moreFromAlbum.length > 0 && (
        <section aria-labelledby="more-from-album">
          <h2 id="more-from-album" className="section-title">
            More from {album.title}
          </h2>
          <TrackList tracks={moreFromAlbum} label={`More from ${album.title}`} />
        </section>
      )}
    </article>
  );
}
