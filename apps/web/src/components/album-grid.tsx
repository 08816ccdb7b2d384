import { AlbumCard } from "./album-card";
import type { AlbumSummary } from "./album-card";

export function AlbumGrid({ albums, label }: { albums: AlbumSummary[]; label: string }) {
  return (
    <ul className="album-grid" aria-label={label}>
      {albums.map((album) => (
        <li key={album.id}>
          <AlbumCard album={album} />
        </li>
      ))}
    </ul>
  );
}
