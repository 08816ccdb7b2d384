"use client";

import { useSuspenseQuery } from "@tanstack/react-query";

import { CollectionCover } from "~/components/collection-cover";
import { CopyLinkButton } from "~/components/copy-link-button";
import { formatCount } from "~/components/format";
import { FollowArtistButton } from "~/components/library/follow-artist-button";
import { PlayAllButton, TrackList } from "~/components/track-list";
import { useTRPC } from "~/trpc/react";
import { ReleasesSection } from "./releases-section";

export function ArtistView({ id }: { id: string }) {
  const trpc = useTRPC();
  const { data: artist } = useSuspenseQuery(trpc.catalog.artist.queryOptions({ id }));
  return (
    <article>
      <header className="collection-header artist">
        <CollectionCover url={artist.imageUrl} alt="" round />
        <div>
          <p className="eyebrow">Artist</p>
          <h1>{artist.name}</h1>
          <p className="collection-meta">{formatCount(artist.followerCount, "follower", "followers")}</p>
          {artist.bio && <p className="collection-meta">{artist.bio}</p>}
        </div>
      </header>
      <div className="collection-actions">
        <PlayAllButton tracks={artist.topTracks} label={artist.name} />
        <CopyLinkButton path={`/artist/${artist.id}`} what={artist.name} />
        <FollowArtistButton artistId={artist.id} />
      </div>
      {artist.topTracks.length > 0 && (
        <>
          <h2 className="section-title">Popular</h2>
          <TrackList tracks={artist.topTracks} showAlbum label={`Popular tracks by ${artist.name}`} />
        </>
      )}
      <ReleasesSection
        artistId={artist.id}
        kind="album"
        title="Albums"
        label={`Albums by ${artist.name}`}
        first={artist.albums}
      />
      <ReleasesSection
        artistId={artist.id}
        kind="single"
        title="Singles & EPs"
        label={`Singles and EPs by ${artist.name}`}
        first={artist.singles}
      />
    </article>
  );
}
