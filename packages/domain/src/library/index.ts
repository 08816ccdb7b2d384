// The listener's library: likes, saves, follows, the library page and public profiles.
// Playlists live beside these modules; add their exports here.
export { libraryEntries, LIKED_SONGS_ID } from "./entries";
export type { LibraryEntry, LibraryEntryKind, LibraryFilter, LibrarySort } from "./entries";
export { followArtist, followUser, isFollowingArtist } from "./follows";
export { likedSet } from "./liked-set";
export { likedTracks } from "./liked-tracks";
export type { LikedTrack } from "./liked-tracks";
export { likeTrack } from "./likes";
export { playlistCovers } from "./playlist-covers";
export { getProfile, profilePlaylists } from "./profiles";
export type { PublicPlaylist, PublicProfile } from "./profiles";
export { isAlbumSaved, saveAlbum } from "./saves";
export { USERNAME_PATTERN } from "../username";
