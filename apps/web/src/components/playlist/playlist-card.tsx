import Link from "next/link";

import { PlaylistCover } from "./playlist-cover";
import type { SidebarPlaylist } from "./playlist-queries";

/** What a playlist card needs: any list of playlists (the listener's, search results) has it. */
export interface CardPlaylist {
  id: string;
  name: string;
  coverUrls: string[];
}

/** One playlist on a shelf: its cover mosaic, its name, and a line about it. */
export function PlaylistCard({ playlist, subtitle }: { playlist: CardPlaylist; subtitle: string }) {
  return (
    <Link href={`/playlist/${playlist.id}`} className="album-card">
      <PlaylistCover coverUrls={playlist.coverUrls} size="large" />
      <span className="album-title">{playlist.name}</span>
      <span className="album-sub">{subtitle}</span>
    </Link>
  );
}

/** Whether one of the listener's playlists is theirs or shared with them. */
export function yourPlaylistSubtitle(playlist: SidebarPlaylist): string {
  return `${playlist.isOwner ? "Playlist" : "Shared with you"}${playlist.isCollaborative ? " · Collaborative" : ""}`;
}
