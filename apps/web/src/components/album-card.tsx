import Link from "next/link";

import type { RouterOutputs } from "@cadence/api";

export type AlbumSummary = RouterOutputs["catalog"]["newReleases"]["items"][number];

/** One album in a grid or shelf: cover, title, and what is worth knowing at a glance. */
export function AlbumCard({ album, subtitle }: { album: AlbumSummary; subtitle?: string }) {
  return (
    <Link href={`/album/${album.id}`} className="album-card">
      {album.coverUrl ? (
        <img src={album.coverUrl} alt="" width={180} height={180} loading="lazy" />
      ) : (
        <div className="cover-placeholder" aria-hidden="true" />
      )}
      <span className="album-title">{album.title}</span>
      <span className="album-sub">
        {subtitle ?? `${album.releaseYear ? `${album.releaseYear} · ` : ""}${album.artist.name}`}
      </span>
    </Link>
  );
}
