import Link from "next/link";

import { PlaylistCover } from "./playlist-cover";
import type { SidebarPlaylist } from "./playlist-queries";

/** One playlist on a shelf: its cover mosaic, name, and whether it is shared with the listener. */
export function PlaylistCard({ playlist }: { playlist: SidebarPlaylist }) {
  return (
    <Link href={`/playlist/${playlist.id}`} className="album-card">
      <PlaylistCover coverUrls={playlist.coverUrls} size="large" />
      <span className="album-title">{playlist.name}</span>
      <span className="album-sub">
        {playlist.isOwner ? "Playlist" : "Shared with you"}
        {playlist.isCollaborative ? " · Collaborative" : ""}
      </span>
    </Link>
  );
}
