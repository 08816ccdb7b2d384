import { NotFoundView } from "~/components/not-found-view";

// Inside the app's shell (sidebar, player): the music keeps playing on a dead link.
export default function AppNotFound() {
  return <NotFoundView />;
}
