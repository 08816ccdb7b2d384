import Link from "next/link";

/** What a link to nothing shows: a removed playlist, a private one, a mistyped address. */
export function NotFoundView() {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p className="muted">
        We can&apos;t find that page. It may have been removed or made private, or the link may be mistyped.
      </p>
      <Link href="/" className="button">
        Go home
      </Link>
    </section>
  );
}
