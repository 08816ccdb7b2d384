import { NoteIcon } from "../icons";
import styles from "./playlist-cover.module.css";

/**
 * A playlist's cover: a 2×2 mosaic of its first four albums' covers, the one cover when it has
 * fewer albums, a placeholder when it is empty. Decorative: the playlist's name is beside it.
 */
export function PlaylistCover({ coverUrls, size }: { coverUrls: string[]; size: "large" | "small" }) {
  const className = `${styles.cover} ${size === "large" ? styles.coverLarge : styles.coverSmall}`;
  const [first] = coverUrls;
  if (!first) {
    return (
      <div className={`${className} ${styles.coverEmpty}`} aria-hidden="true">
        <NoteIcon size={size === "large" ? 72 : 20} />
      </div>
    );
  }
  if (coverUrls.length < 4) {
    return <img className={className} src={first} alt="" />;
  }
  return (
    <div className={`${className} ${styles.mosaic}`} aria-hidden="true">
      {coverUrls.slice(0, 4).map((url) => (
        <img key={url} src={url} alt="" />
      ))}
    </div>
  );
}
