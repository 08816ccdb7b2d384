import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { JoinPlaylist } from "~/components/playlist/join-playlist";
import { getSession } from "~/server/auth";

export const metadata: Metadata = { title: "Join a playlist" };
export const dynamic = "force-dynamic";

/** An invite link: a listener who is not signed in signs in first and comes back here. */
export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!(await getSession())) {
    redirect(`/signin?callbackUrl=${encodeURIComponent(`/playlist/join/${encodeURIComponent(token)}`)}`);
  }
  return <JoinPlaylist token={token} />;
}
