/**
 * Rewrites a stored HLS playlist for one listener: every URI (variants, init, segments) gets
 * the signed query, and the key placeholder points at the key route.
 */
export function signPlaylist(playlist: string, signedQuery: string, keyUrl: string): string {
  const withQuery = (uri: string) => `${uri}${uri.includes("?") ? "&" : "?"}${signedQuery}`;
  return playlist
    .split("\n")
    .map((line) => {
      if (line.startsWith("#EXT-X-KEY:")) return line.replace(/URI="[^"]*"/, `URI="${keyUrl}"`);
      if (line.startsWith("#EXT-X-MAP:"))
        return line.replace(/URI="([^"]*)"/, (_m, uri: string) => `URI="${withQuery(uri)}"`);
      if (line === "" || line.startsWith("#")) return line;
      return withQuery(line.trim());
    })
    .join("\n");
}
