import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { getSession } from "~/server/auth";
import { HydrateClient, fetchForPage, getQueryClient, trpc } from "~/trpc/server";
import { MusicFolderPanel } from "./music-folder-panel";

export const metadata: Metadata = { title: "Admin" };

/** The admin console: only the admin account sees it; to anyone else it does not exist. */
export default async function AdminPage() {
  const session = await getSession();
  if (session?.user.role !== "admin") notFound();
  await fetchForPage(() => getQueryClient().fetchQuery(trpc.admin.musicFolder.queryOptions()));
  return (
    <HydrateClient>
      <div className="settings">
        <h1>Admin</h1>
        <MusicFolderPanel />
      </div>
    </HydrateClient>
  );
}
