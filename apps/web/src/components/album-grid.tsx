import Link from "next/link";

import type { RouterOutputs } from "@cadence/api";

type AlbumSummary = RouterOutputs["catalog"]["albums"]["albums"][number];

export function AlbumGrid({ albums, label }: { albums: AlbumSummary[]; label: string }) {
  return (
    <ul className="album-grid" aria-label={label}>
      {albums.map((album) => (
        <li key={album.id}>
          <Link href={`/album/${album.id}`} className="album-card">
            {album.coverUrl ? (
              <img src={album.coverUrl} alt="" width={180} height={180} loading="lazy" />
            ) : (
              <div className="cover-placeholder" aria-hidden="true" />
            )}
            <span className="album-title">{album.title}</span>
            <span className="album-sub">
              {album.releaseYear ? `${album.releaseYear} · ` : ""}
              {album.artist.name}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
