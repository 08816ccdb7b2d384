import type { ReactNode } from "react";

import styles from "./page-header.module.css";

/** The top of a browse page: what kind of page it is, its title, and a line about it. */
export function PageHeader({
  eyebrow,
  title,
  children,
}: {
  eyebrow: string;
  title: string;
  children?: ReactNode;
}) {
  return (
    <header className={styles.header}>
      <p className="eyebrow">{eyebrow}</p>
      <h1 className={styles.title}>{title}</h1>
      {children && <p className={styles.meta}>{children}</p>}
    </header>
  );
}
