export { coverUrl, getAlbum, getArtist, listAlbums, viewerOf } from "./read";
export type { AlbumSummary, CatalogTrack, Viewer } from "./read";
export { recordPublishedTrack, restoreTrack, retireTracks, tracksBySource } from "./record";
export type { PublishedTrack, SourceTrack } from "./record";
export { albumKey, artistNameKey, foldName } from "./keys";
export { isReleased, mayPlay, UNAVAILABLE } from "./rights";
export type { ListenerRights, PlayVerdict, TrackRights } from "./rights";
export { licenseCountryFor } from "./territory";
