/** The big picture at the top of an album, song or artist page (round for artists). */
export function CollectionCover({
  url,
  alt,
  round = false,
}: {
  url: string | null;
  alt: string;
  round?: boolean;
}) {
  const className = `collection-cover${round ? " round" : ""}`;
  return url ? (
    <img className={className} src={url} alt={alt} width={232} height={232} />
  ) : (
    <div className={`${className} cover-placeholder`} aria-hidden="true" />
  );
}
