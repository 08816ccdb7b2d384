import { AlbumGrid } from "~/components/album-grid";
import { getSession } from "~/server/auth";
import { fetchForPage, getQueryClient, trpc } from "~/trpc/server";

function greeting(date = new Date()): string {
  const hour = date.getHours();
  return hour < 12 ? "Good morning" : hour < 18 ? "Good afternoon" : "Good evening";
}

export default async function HomePage() {
  const session = await getSession();
  const { albums } = await fetchForPage(() =>
    getQueryClient().fetchQuery(trpc.catalog.albums.queryOptions({ limit: 48 })),
  );
  return (
    <>
      <section className="hero">
        <h1>{greeting()}</h1>
        <p>Signed in as {session?.user.email}.</p>
      </section>
      <h2 className="section-title">Albums</h2>
      {albums.length > 0 ? (
        <AlbumGrid albums={albums} label="Albums" />
      ) : (
        <p className="muted">The catalog is empty. Ingest a music folder to fill it (see the README).</p>
      )}
    </>
  );
}
