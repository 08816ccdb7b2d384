/** The demo catalog and signed stream URLs, read through the app's own tRPC API. */
import type { APIRequestContext } from "@playwright/test";

import type { RouterOutputs } from "@cadence/api";
import { trpcGet } from "../../test/trpc-http";

export type CatalogAlbum = RouterOutputs["catalog"]["album"];
export type CatalogTrack = CatalogAlbum["tracks"][number];

/** Every album with its playable tracks (the request context must be signed in). */
export async function loadCatalog(request: APIRequestContext): Promise<CatalogAlbum[]> {
  const { albums } = await trpcGet<{ albums: { id: string }[] }>(request, "catalog.albums", { limit: 100 });
  const full: CatalogAlbum[] = [];
  for (const { id } of albums) {
    const album = await trpcGet<CatalogAlbum>(request, "catalog.album", { id });
    full.push({ ...album, tracks: album.tracks.filter((track) => track.playable) });
  }
  return full.filter((album) => album.tracks.length > 0);
}

export async function signedStreamUrl(request: APIRequestContext, trackId: string): Promise<string> {
  const { url } = await trpcGet<{ url: string; expiresAt: number }>(request, "playback.stream", { trackId });
  return url;
}

export { toPlayerTrack } from "../../apps/web/src/components/player/to-player-track";
