import Link from "next/link";

import type { RouterOutputs } from "@cadence/api";
import { formatCount } from "./format";
import styles from "./genre-card.module.css";

export type Genre = RouterOutputs["catalog"]["genres"]["items"][number];

export const genrePath = (name: string) => `/genre/${encodeURIComponent(name)}`;

/** A genre: its name over the cover of its newest album. */
export function GenreCard({ genre }: { genre: Genre }) {
  return (
    <Link href={genrePath(genre.name)} className={styles.card}>
      {genre.coverUrl ? (
        <img src={genre.coverUrl} alt="" width={176} height={176} loading="lazy" className={styles.cover} />
      ) : (
        <div className={`${styles.cover} cover-placeholder`} aria-hidden="true" />
      )}
      <span className={styles.name}>{genre.name}</span>
      <span className={styles.count}>{formatCount(genre.albumCount, "album", "albums")}</span>
    </Link>
  );
}
