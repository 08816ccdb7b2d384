export { coverUrl, getAlbum, getArtist, listAlbums, listenerOf } from "./read";
export type { AlbumSummary, CatalogTrack, Listener } from "./read";
export { recordPublishedTrack, restoreTrack, retireTracks, tracksBySource } from "./record";
export type { PublishedTrack, SourceTrack } from "./record";
export { albumKey, artistNameKey, foldName } from "./keys";
export { mayPlay } from "./rights";
export type { PlayVerdict, TrackRights } from "./rights";
