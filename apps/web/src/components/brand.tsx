import Link from "next/link";

export function Brand() {
  return (
    <Link href="/" className="brand" aria-label="Cadence home">
      <span className="brand-mark" aria-hidden="true" />
      <span className="brand-name">Cadence</span>
    </Link>
  );
}
