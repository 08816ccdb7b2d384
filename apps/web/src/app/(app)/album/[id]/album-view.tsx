"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";

import { formatLength } from "~/components/format";
import { AddTracksButton } from "~/components/playlist/add-tracks-button";
import { PlayAllButton, TrackList } from "~/components/track-list";
import { useTRPC } from "~/trpc/react";

export function AlbumView({ id }: { id: string }) {
  const trpc = useTRPC();
  const { data: album } = useSuspenseQuery(trpc.catalog.album.queryOptions({ id }));
  return (
    <article>
      <header className="collection-header">
        {album.coverUrl ? (
          <img
            className="collection-cover"
            src={album.coverUrl}
            alt={`Cover of ${album.title}`}
            width={232}
            height={232}
          />
        ) : (
          <div className="collection-cover cover-placeholder" aria-hidden="true" />
        )}
        <div>
          <p className="eyebrow">Album</p>
          <h1>{album.title}</h1>
          <p className="collection-meta">
            <Link href={`/artist/${album.artist.id}`}>{album.artist.name}</Link>
            {album.releaseYear && <> · {album.releaseYear}</>}
            {album.genre && <> · {album.genre}</>} · {album.tracks.length}{" "}
            {album.tracks.length === 1 ? "song" : "songs"}, {formatLength(album.durationMs)}
          </p>
        </div>
      </header>
      <div className="collection-actions">
        <PlayAllButton tracks={album.tracks} label={album.title} />
        <AddTracksButton trackIds={album.tracks.map((t) => t.id)} what={album.title} />
      </div>
      <TrackList tracks={album.tracks} label={`Tracks of ${album.title}`} />
    </article>
  );
}
