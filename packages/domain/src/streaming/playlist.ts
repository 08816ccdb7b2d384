import { renditionKbps } from "./object-keys";

/** The URI lines of a playlist (not tags, not blank). */
const isUri = (line: string) => line !== "" && !line.startsWith("#");
const withQuery = (uri: string, query: string) => `${uri}${uri.includes("?") ? "&" : "?"}${query}`;

/**
 * A stored master playlist for one listener: only the variants their cap allows (the lowest
 * one if none fits), each carrying the listener's grant.
 */
export function signMasterPlaylist(playlist: string, grantQuery: string, maxKbps: number): string {
  const lines = playlist.split("\n");
  const variants: { info: string; uri: string; kbps: number }[] = [];
  const head: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const uri = lines[i + 1]?.trim() ?? "";
    if (line.startsWith("#EXT-X-STREAM-INF:") && isUri(uri)) {
      variants.push({ info: line, uri, kbps: renditionKbps(uri.split("/")[0] ?? "") ?? Infinity });
      i++;
    } else if (variants.length === 0 && line !== "") {
      head.push(line);
    }
  }
  const allowed = variants.filter((v) => v.kbps <= maxKbps);
  const lowest = [...variants].sort((a, b) => a.kbps - b.kbps)[0];
  const offered = allowed.length > 0 ? allowed : lowest ? [lowest] : [];
  return [...head, ...offered.flatMap((v) => [v.info, withQuery(v.uri, grantQuery)]), ""].join("\n");
}

/**
 * A stored media playlist as served: init and segments carry the rendition signature, and the
 * key placeholder points at the key route.
 */
export function signMediaPlaylist(playlist: string, renditionQuery: string, keyUrl: string): string {
  return playlist
    .split("\n")
    .map((line) => {
      if (line.startsWith("#EXT-X-KEY:")) return line.replace(/URI="[^"]*"/, `URI="${keyUrl}"`);
      if (line.startsWith("#EXT-X-MAP:"))
        return line.replace(/URI="([^"]*)"/, (_m, uri: string) => `URI="${withQuery(uri, renditionQuery)}"`);
      return isUri(line) ? withQuery(line.trim(), renditionQuery) : line;
    })
    .join("\n");
}
