export {
  addCollaborator,
  createInvite,
  joinByInvite,
  listCollaborators,
  removeCollaborator,
  revokeInvite,
} from "./collaborators";
export {
  createPlaylist,
  deletePlaylist,
  PLAYLIST_DESCRIPTION_MAX,
  PLAYLIST_NAME_MAX,
  updatePlaylist,
} from "./crud";
export type { NewPlaylist, PlaylistPatch } from "./crud";
export { myPlaylists } from "./sidebar";
export type { SidebarPlaylist } from "./sidebar";
export { addTracks, MAX_PLAYLIST_ITEMS, MAX_TRACKS_PER_ADD, moveItem, removeItems } from "./edits";
export type { DuplicatePolicy } from "./edits";
export { ITEMS_PAGE_DEFAULT, playlistItems } from "./items";
export type { PlaylistItem } from "./items";
export { viewPlaylist } from "./meta";
export type { PlaylistView } from "./meta";
export { MAX_KEY_LENGTH } from "./order";
