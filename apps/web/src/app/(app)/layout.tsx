import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";

import { AccountMenu } from "~/components/account-menu";
import { PasswordChangeNotice } from "~/components/password-change-notice";
import { NowPlayingBar } from "~/components/player/now-playing-bar";
import { PlayerProvider } from "~/components/player/player-provider";
import { SearchBox } from "~/components/search/search-box";
import { Sidebar } from "~/components/sidebar/sidebar";
import { Toaster } from "~/components/toast";
import { getSession } from "~/server/auth";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  if (!session) redirect("/signin");
  const initial = session.user.email.slice(0, 1).toUpperCase();
  return (
    <PlayerProvider>
      <a href="#content" className="skip-link">
        Skip to content
      </a>
      <div className="shell">
        <Sidebar />
        <div className="main">
          <header className="topbar">
            <SearchBox />
            {session.user.role === "admin" && (
              <Link href="/admin" className="button secondary">
                Admin
              </Link>
            )}
            <AccountMenu initial={initial} email={session.user.email} />
          </header>
          <main id="content" tabIndex={-1}>
            <PasswordChangeNotice userId={session.user.id} />
            {children}
          </main>
        </div>
      </div>
      <NowPlayingBar />
      <Toaster />
    </PlayerProvider>
  );
}
