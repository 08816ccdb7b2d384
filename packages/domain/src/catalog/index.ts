export { getAlbum, listAlbums } from "./album";
export type { AlbumView } from "./album";
export type { AlbumSummary } from "./album-list";
export { ARTIST_PAGE_RELEASES, getArtist, listArtistReleases } from "./artist";
export type { ArtistView } from "./artist";
export { genreAlbums, listGenres, newReleases } from "./browse";
export type { Genre } from "./browse";
export { home } from "./home";
export type { Home } from "./home";
export { catalogKeys, forgetCatalog } from "./cache-keys";
export { sharedCatalogCache } from "./shared-cache";
export type { CatalogCache } from "./cache-keys";
export { recentlyPlayed } from "./recent";
export type { RecentAlbum } from "./recent";
export { getTrack } from "./track";
export type { TrackView } from "./track";
export { coverUrl, viewerOf, viewTracks } from "./track-view";
export type { CatalogTrack, TrackFacts, TrackRecord, Viewer } from "./track-view";
export type { ReleaseKind } from "./visibility";
export { recordPublishedTrack, restoreTrack, retireTracks, tracksBySource } from "./record";
export type { PublishedTrack, SourceTrack } from "./record";
export {
  dueSupersededEncodings,
  forgetSupersededEncodings,
  moveTrackSource,
  noteSourceStat,
  trackContentKey,
} from "./sources";
export type { SourceStat } from "./sources";
export { applyFolderCover, folderCovers } from "./folder-covers";
export { releaseScanLease, takeScanLease } from "./scan-lease";
export type { FolderCover } from "./folder-covers";
export { finishMusicScan, latestMusicScans, musicFolderStatus, startMusicScan } from "./music-scans";
export type {
  MusicFolderControl,
  MusicFolderStatus,
  MusicScanRecord,
  MusicScanResult,
  MusicScanTrigger,
} from "./music-scans";
export { albumKey, artistNameKey, foldName } from "./keys";
export { isReleased, mayPlay, UNAVAILABLE } from "./rights";
export type { ListenerRights, PlayVerdict, TrackRights } from "./rights";
export { licenseCountryFor } from "./territory";
export { importProgress, recordImportProgress } from "./import-progress";
export type { ImportProgress } from "./import-progress";
