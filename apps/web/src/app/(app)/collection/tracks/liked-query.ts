/** The page size of Liked Songs: the server prefetch and the browser must ask alike. */
export const LIKED_PAGE = 50;

export const nextLikedPage = (page: { nextCursor: string | null }) => page.nextCursor;
