/** Public playlists per page of a profile: the server prefetch and the browser must ask alike. */
export const PROFILE_PLAYLISTS = { limit: 24 };

export const nextPlaylistsPage = (page: { nextCursor: string | null }) => page.nextCursor;
