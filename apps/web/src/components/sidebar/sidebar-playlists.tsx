"use client";

/**
 * The listener's playlists, under the create button. Filled in by the playlists work
 * (`playlist.mine`: name, cover, owner); until then there is nothing to list.
 */
export function SidebarPlaylists() {
  return null;
}
