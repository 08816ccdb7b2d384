import { AlbumCard } from "./album-card";
import type { AlbumSummary } from "./album-card";

export function AlbumGrid({
  albums,
  label,
  subtitle,
}: {
  albums: AlbumSummary[];
  label: string;
  /** The line under each title, when the default (year and artist) says too much. */
  subtitle?: (album: AlbumSummary) => string;
}) {
  return (
    <ul className="album-grid" aria-label={label}>
      {albums.map((album) => (
        <li key={album.id}>
          <AlbumCard album={album} subtitle={subtitle?.(album)} />
        </li>
      ))}
    </ul>
  );
}
