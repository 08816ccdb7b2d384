import { getSession } from "~/server/auth";

function greeting(date = new Date()): string {
  const hour = date.getHours();
  return hour < 12 ? "Good morning" : hour < 18 ? "Good afternoon" : "Good evening";
}

export default async function HomePage() {
  const session = await getSession();
  return (
    <>
      <section className="hero">
        <h1>{greeting()}</h1>
        <p>
          Signed in as {session?.user.email}. Your library, albums and the player appear here as the catalog
          grows.
        </p>
      </section>
    </>
  );
}
