/**
 * How ingest recognises the same artist or album across files and runs: names folded so that
 * case, Unicode forms and stray whitespace do not split one artist into two.
 */

export function foldName(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

export function artistNameKey(name: string): string {
  return foldName(name);
}

/** Album artist + title: two artists' albums called "Greatest Hits" stay apart. */
export function albumKey(albumArtist: string, title: string): string {
  return `${foldName(albumArtist)}\u241f${foldName(title)}`;
}
