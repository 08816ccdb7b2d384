"use client";

import { useSuspenseQuery } from "@tanstack/react-query";

import { AlbumGrid } from "~/components/album-grid";
import { FollowArtistButton } from "~/components/library/follow-artist-button";
import { PlayAllButton, TrackList } from "~/components/track-list";
import { useTRPC } from "~/trpc/react";

export function ArtistView({ id }: { id: string }) {
  const trpc = useTRPC();
  const { data: artist } = useSuspenseQuery(trpc.catalog.artist.queryOptions({ id }));
  return (
    <article>
      <header className="collection-header artist">
        {artist.imageUrl ? (
          <img className="collection-cover round" src={artist.imageUrl} alt="" width={232} height={232} />
        ) : (
          <div className="collection-cover round cover-placeholder" aria-hidden="true" />
        )}
        <div>
          <p className="eyebrow">Artist</p>
          <h1>{artist.name}</h1>
          {artist.bio && <p className="collection-meta">{artist.bio}</p>}
        </div>
      </header>
      <div className="collection-actions">
        <PlayAllButton tracks={artist.topTracks} label={artist.name} />
        <FollowArtistButton artistId={artist.id} />
      </div>
      <h2 className="section-title">Popular</h2>
      <TrackList tracks={artist.topTracks} showAlbum label={`Popular tracks by ${artist.name}`} />
      <h2 className="section-title">Discography</h2>
      <AlbumGrid albums={artist.albums} label={`Albums by ${artist.name}`} />
    </article>
  );
}
