/**
 * For lists that likes, saves and follows change (Liked Songs, the library): the server rendered
 * the page from data read when the link was followed, so a change still on its way then, or one
 * that landed before the page hydrated (when nothing was cached here to invalidate), would be
 * missing. The browser reads the list again as the page mounts; later changes invalidate it.
 */
export const REFRESH_ON_MOUNT = { refetchOnMount: "always" } as const;
