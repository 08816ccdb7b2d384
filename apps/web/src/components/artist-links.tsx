import Link from "next/link";

/** "Artist A, Artist B", each linking to the artist's page. */
export function ArtistLinks({
  artists,
  tabIndex,
}: {
  artists: readonly { id: string; name: string }[];
  /** -1 keeps the links out of the tab order, e.g. in a track row that is not the list's tab stop. */
  tabIndex?: number;
}) {
  return artists.map((artist, i) => (
    <span key={artist.id}>
      {i > 0 && ", "}
      <Link href={`/artist/${artist.id}`} tabIndex={tabIndex}>
        {artist.name}
      </Link>
    </span>
  ));
}
