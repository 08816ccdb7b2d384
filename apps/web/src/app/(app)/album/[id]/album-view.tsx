"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";

import { CollectionCover } from "~/components/collection-cover";
import { CopyLinkButton } from "~/components/copy-link-button";
import { formatLength, formatReleaseDate } from "~/components/format";
import { genrePath } from "~/components/genre-card";
import { SaveAlbumButton } from "~/components/library/save-album-button";
import { AddTracksButton } from "~/components/playlist/add-tracks-button";
import { PlayAllButton, TrackList } from "~/components/track-list";
import { useTRPC } from "~/trpc/react";
import styles from "./album-view.module.css";

export function AlbumView({ id }: { id: string }) {
  const trpc = useTRPC();
  const { data: album } = useSuspenseQuery(trpc.catalog.album.queryOptions({ id }));
  return (
    <article>
      <header className="collection-header">
        <CollectionCover url={album.coverUrl} alt={`Cover of ${album.title}`} />
        <div>
          <p className="eyebrow">{album.kind === "single" ? "Single" : "Album"}</p>
          <h1>{album.title}</h1>
          <p className="collection-meta">
            <Link href={`/artist/${album.artist.id}`}>{album.artist.name}</Link>
            {album.releaseYear && <> · {album.releaseYear}</>} · {album.trackCount}{" "}
            {album.trackCount === 1 ? "song" : "songs"}, {formatLength(album.durationMs)}
          </p>
        </div>
      </header>
      <div className="collection-actions">
        <PlayAllButton tracks={album.tracks} label={album.title} />
        <CopyLinkButton path={`/album/${album.id}`} what={album.title} />
        <SaveAlbumButton albumId={album.id} title={album.title} />
        <AddTracksButton trackIds={album.tracks.map((t) => t.id)} what={album.title} />
      </div>
      <TrackList tracks={album.tracks} label={`Tracks of ${album.title}`} />
      <h2 className="visually-hidden">About this release</h2>
      <dl className={styles.facts}>
        {album.releaseDate && (
          <div>
            <dt>Released</dt>
            <dd>{formatReleaseDate(album.releaseDate)}</dd>
          </div>
        )}
        {album.label && (
          <div>
            <dt>Label</dt>
            <dd>{album.label}</dd>
          </div>
        )}
        {album.genre && (
          <div>
            <dt>Genre</dt>
            <dd>
              <Link href={genrePath(album.genre)}>{album.genre}</Link>
            </dd>
          </div>
        )}
        <div>
          <dt>Length</dt>
          <dd>{formatLength(album.durationMs)}</dd>
        </div>
      </dl>
    </article>
  );
}
