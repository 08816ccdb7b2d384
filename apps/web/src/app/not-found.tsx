import { Brand } from "~/components/brand";
import { NotFoundView } from "~/components/not-found-view";

// An address no route matches, signed in or not: the sign-in page's card around the message.
export default function NotFound() {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <Brand />
        <NotFoundView />
      </div>
    </main>
  );
}
