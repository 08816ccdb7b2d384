import Link from "next/link";

/** "Artist A, Artist B", each linking to the artist's page. */
export function ArtistLinks({ artists }: { artists: readonly { id: string; name: string }[] }) {
  return artists.map((artist, i) => (
    <span key={artist.id}>
      {i > 0 && ", "}
      <Link href={`/artist/${artist.id}`}>{artist.name}</Link>
    </span>
  ));
}
