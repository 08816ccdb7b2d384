import { HeartFilledIcon } from "../icons";
import styles from "./entries.module.css";

/**
 * The picture of a library entry: an album cover, an artist (round), a playlist's mosaic of its
 * first four album covers (or the first alone), Liked Songs' heart.
 */
export function EntryImage({ kind, imageUrls }: { kind: string; imageUrls: string[] }) {
  if (kind === "liked") {
    return (
      <div className={`${styles.image} ${styles.liked}`} aria-hidden="true">
        <HeartFilledIcon size={24} />
      </div>
    );
  }
  const round = kind === "artist" || kind === "profile" ? styles.round : "";
  const urls = imageUrls.length >= 4 ? imageUrls.slice(0, 4) : imageUrls.slice(0, 1);
  if (urls.length === 0)
    return <div className={`${styles.image} ${round} cover-placeholder`} aria-hidden="true" />;
  return (
    <div className={`${styles.image} ${round} ${urls.length === 4 ? styles.mosaic : ""}`} aria-hidden="true">
      {urls.map((url) => (
        <img key={url} src={url} alt="" loading="lazy" decoding="async" />
      ))}
    </div>
  );
}

export const LIKED_SONGS_PATH = "/collection/tracks";

export function entryHref(entry: { kind: string; id: string }): string {
  return entry.kind === "liked" ? LIKED_SONGS_PATH : `/${entry.kind}/${entry.id}`;
}
