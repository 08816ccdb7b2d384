import { randomUUID } from "node:crypto";

import { ALBUMS } from "@cadence/demo/albums";
import { schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

/**
 * Catalogs for the relevance set, written straight into the tables (no audio needed): the demo
 * catalog's names, and a generated one built to hold the hard cases (accents, several scripts,
 * namesakes of different popularity, an artist named like a famous track).
 */

export interface CatalogAlbum {
  artist: string;
  title: string;
  year: number;
  genre: string;
  /** Plays of each of its tracks: the popularity signal. */
  plays?: number;
  tracks: (string | { title: string; artists?: string[]; plays?: number })[];
}

export const GENERATED: CatalogAlbum[] = [
  {
    artist: "Beyoncé",
    title: "Renaissance",
    year: 2022,
    genre: "Pop",
    plays: 40,
    tracks: ["Cuff It", "Break My Soul", "Alien Superstar"],
  },
  {
    artist: "Beyoncé",
    title: "I Am... Sasha Fierce",
    year: 2008,
    genre: "Pop",
    plays: 60,
    tracks: ["Halo", "Single Ladies", "If I Were a Boy"],
  },
  {
    artist: "Obscure Garage Band",
    title: "Basement Demos",
    year: 2011,
    genre: "Rock",
    plays: 0,
    tracks: ["Halo", "Cardboard Drums"],
  },
  {
    artist: "David Bowie",
    title: "Heroes",
    year: 1977,
    genre: "Rock",
    plays: 50,
    tracks: ["Heroes", "Sons of the Silent Age", "Beauty and the Beast"],
  },
  {
    artist: "David Bowie",
    title: "Hunky Dory",
    year: 1971,
    genre: "Rock",
    plays: 45,
    tracks: ["Life on Mars?", "Changes", "Oh! You Pretty Things"],
  },
  {
    artist: "Heroes",
    title: "First Light",
    year: 2015,
    genre: "Indie",
    plays: 1,
    tracks: ["Northern Sky", "Paper Planes Home"],
  },
  {
    artist: "Queen",
    title: "A Night at the Opera",
    year: 1975,
    genre: "Rock",
    plays: 55,
    tracks: ["Bohemian Rhapsody", "Love of My Life", "You're My Best Friend"],
  },
  {
    artist: "Metallica",
    title: "Master of Puppets",
    year: 1986,
    genre: "Metal",
    plays: 30,
    tracks: ["Battery", "Master of Puppets", "Orion"],
  },
  {
    artist: "Nirvana",
    title: "Nevermind",
    year: 1991,
    genre: "Grunge",
    plays: 35,
    tracks: ["Smells Like Teen Spirit", "Come as You Are", "Lithium"],
  },
  {
    artist: "Sigur Rós",
    title: "Ágætis byrjun",
    year: 1999,
    genre: "Post-Rock",
    plays: 12,
    tracks: ["Svefn-g-englar", "Starálfur", "Viðrar vel til loftárása"],
  },
  {
    artist: "Motörhead",
    title: "Ace of Spades",
    year: 1980,
    genre: "Metal",
    plays: 20,
    tracks: ["Ace of Spades", "Love Me Like a Reptile"],
  },
  {
    artist: "Björk",
    title: "Homogenic",
    year: 1997,
    genre: "Electronic",
    plays: 18,
    tracks: ["Jóga", "Bachelorette", "Hunter"],
  },
  {
    artist: "Rosalía",
    title: "El Mal Querer",
    year: 2018,
    genre: "Flamenco",
    plays: 25,
    tracks: ["Malamente", "Pienso en Tu Mirá", "Di Mi Nombre"],
  },
  {
    artist: "Françoise Hardy",
    title: "Tous les garçons et les filles",
    year: 1962,
    genre: "Chanson",
    plays: 10,
    tracks: ["Tous les garçons et les filles", "Le Temps de l'amour"],
  },
  {
    artist: "Die Ärzte",
    title: "Die Bestie in Menschengestalt",
    year: 1993,
    genre: "Punk",
    plays: 8,
    tracks: ["Schrei nach Liebe", "Mach die Augen zu"],
  },
  {
    artist: "宇多田ヒカル",
    title: "First Love",
    year: 1999,
    genre: "J-Pop",
    plays: 22,
    tracks: ["First Love", "Automatic"],
  },
  {
    artist: "Кино",
    title: "Группа крови",
    year: 1988,
    genre: "Rock",
    plays: 15,
    tracks: ["Группа крови", "Звезда по имени Солнце"],
  },
  {
    artist: "The Paper Kites",
    title: "Woodland",
    year: 2011,
    genre: "Folk",
    plays: 6,
    tracks: ["Bloom", "Featherstone"],
  },
  {
    artist: "Daft Punk",
    title: "Discovery",
    year: 2001,
    genre: "Electronic",
    plays: 42,
    tracks: ["One More Time", "Digital Love", { title: "Harder, Better, Faster, Stronger" }],
  },
  {
    artist: "Mark Ronson",
    title: "Uptown Special",
    year: 2015,
    genre: "Funk",
    plays: 33,
    tracks: [{ title: "Uptown Funk", artists: ["Mark Ronson", "Bruno Mars"] }, "Daffodils"],
  },
];

/** The demo catalog's albums, as ingest credits them (";" and "feat." separate artists). */
export function demoCatalog(): CatalogAlbum[] {
  return ALBUMS.map((album) => ({
    artist: album.artist,
    title: album.title,
    year: Number(album.date.slice(0, 4)),
    genre: album.genre,
    plays: 2,
    tracks: album.tracks.map((t) => ({
      title: t.title,
      artists: (t.artist ?? album.artist).split(/\s+feat\.\s+|;\s*/),
    })),
  }));
}

export async function insertCatalog(
  db: Db,
  albums: readonly CatalogAlbum[],
  listenerId: string,
): Promise<void> {
  const artistIds = new Map<string, string>();
  const artistId = async (name: string) => {
    const known = artistIds.get(name);
    if (known) return known;
    const [row] = await db
      .insert(schema.artist)
      .values({ name, nameKey: name.toLowerCase() })
      .onConflictDoUpdate({ target: schema.artist.nameKey, set: { name } })
      .returning({ id: schema.artist.id });
    if (!row) throw new Error(`no artist ${name}`);
    artistIds.set(name, row.id);
    return row.id;
  };
  for (const album of albums) {
    const albumArtist = await artistId(album.artist);
    const [albumRow] = await db
      .insert(schema.album)
      .values({
        title: album.title,
        albumKey: `${album.artist} / ${album.title}`.toLowerCase(),
        artistId: albumArtist,
        releaseDate: `${album.year}-01-01`,
        genre: album.genre,
      })
      .returning({ id: schema.album.id });
    if (!albumRow) throw new Error(`no album ${album.title}`);
    for (const [index, spec] of album.tracks.entries()) {
      const track = typeof spec === "string" ? { title: spec } : spec;
      const id = randomUUID();
      await db.insert(schema.track).values({
        id,
        title: track.title,
        albumId: albumRow.id,
        trackNumber: index + 1,
        durationMs: 200_000,
        genre: album.genre,
        masterPath: `tracks/${id}/v1/master.m3u8`,
      });
      const credited = track.artists ?? [album.artist];
      for (const [position, name] of credited.entries()) {
        await db.insert(schema.trackArtist).values({ trackId: id, artistId: await artistId(name), position });
      }
      // The first track of an album is its best known, as on real albums.
      const plays = (track.plays ?? album.plays ?? 0) * (index === 0 ? 3 : 1);
      if (plays > 0) {
        await db.execute(sql`
          insert into listening_event (user_id, track_id, kind, playback_id, occurred_at)
          select ${listenerId}::uuid, ${id}::uuid, 'start', 'p' || g, now()
          from generate_series(1, ${plays}) g`);
      }
    }
  }
}
