import { adminRouter } from "./router/admin";
import { authRouter } from "./router/auth";
import { catalogRouter } from "./router/catalog";
import { libraryRouter } from "./router/library";
import { playbackRouter } from "./router/playback";
import { playlistRouter } from "./router/playlist";
import { profileRouter } from "./router/profile";
import { searchRouter } from "./router/search";
import { userRouter } from "./router/user";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  admin: adminRouter,
  auth: authRouter,
  catalog: catalogRouter,
  library: libraryRouter,
  playback: playbackRouter,
  playlist: playlistRouter,
  profile: profileRouter,
  search: searchRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
