import Link from "next/link";
import type { ReactNode } from "react";

import styles from "./shelf.module.css";

/**
 * A titled row of cards on the home page (its children are the list items), scrolled sideways,
 * with a way to the whole list when there is more.
 */
export function Shelf({
  title,
  href,
  children,
}: {
  title: string;
  /** Where "Show all" leads; none when the shelf holds everything there is. */
  href?: string | undefined;
  children: ReactNode;
}) {
  const id = `shelf-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section className={styles.shelf} aria-labelledby={id}>
      <header className={styles.header}>
        <h2 id={id} className="section-title">
          {title}
        </h2>
        {href && (
          <Link href={href} className={styles.all} aria-label={`Show all: ${title}`}>
            Show all
          </Link>
        )}
      </header>
      <ul className={styles.row} aria-label={title}>
        {children}
      </ul>
    </section>
  );
}
