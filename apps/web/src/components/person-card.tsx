import Link from "next/link";

import styles from "./person-card.module.css";

/** An artist or a listener on a shelf: a round picture (or their initial), the name, what they are. */
export function PersonCard({
  href,
  name,
  imageUrl,
  subtitle,
}: {
  href: string;
  name: string;
  imageUrl: string | null;
  subtitle: string;
}) {
  return (
    <Link href={href} className="album-card">
      {imageUrl ? (
        <img src={imageUrl} alt="" width={180} height={180} loading="lazy" className={styles.round} />
      ) : (
        <div className={`cover-placeholder ${styles.round} ${styles.initial}`} aria-hidden="true">
          {name.slice(0, 1).toUpperCase()}
        </div>
      )}
      <span className="album-title">{name}</span>
      <span className="album-sub">{subtitle}</span>
    </Link>
  );
}
