import Link from "next/link";

import { formatLength } from "../format";
import { PlaylistCover } from "./playlist-cover";
import type { PlaylistView } from "./playlist-queries";
import styles from "./playlist-page.module.css";

/** Cover, name, description, owner, size and length, visibility and whether others edit it. */
export function PlaylistHeader({ playlist }: { playlist: PlaylistView }) {
  const songs = `${playlist.itemCount.toLocaleString("en")} ${playlist.itemCount === 1 ? "song" : "songs"}`;
  return (
    <header className="collection-header">
      <PlaylistCover coverUrls={playlist.coverUrls} size="large" />
      <div className={styles.headerText}>
        <p className="eyebrow">Playlist</p>
        <h1>{playlist.name}</h1>
        {playlist.description && <p className={styles.description}>{playlist.description}</p>}
        <p className="collection-meta">
          {playlist.owner.username ? (
            <Link href={`/user/${playlist.owner.username}`}>{playlist.owner.displayName}</Link>
          ) : (
            <strong>{playlist.owner.displayName}</strong>
          )}{" "}
          · {songs}
          {playlist.itemCount > 0 && <>, {formatLength(playlist.durationMs)}</>}
        </p>
        <p className={styles.badges}>
          <span className={styles.badge}>{playlist.isPublic ? "Public" : "Private"}</span>
          {playlist.isCollaborative && <span className={styles.badge}>Collaborative</span>}
          {playlist.canEdit && !playlist.isOwner && <span className={styles.badge}>You can edit</span>}
        </p>
      </div>
    </header>
  );
}
