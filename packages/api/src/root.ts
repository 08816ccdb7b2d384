import { authRouter } from "./router/auth";
import { catalogRouter } from "./router/catalog";
import { playbackRouter } from "./router/playback";
import { playlistRouter } from "./router/playlist";
import { userRouter } from "./router/user";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  catalog: catalogRouter,
  playback: playbackRouter,
  playlist: playlistRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
