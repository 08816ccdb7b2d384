import type { SearchKind } from "@cadence/search";

/**
 * The relevance set: what a listener types, and what they expect to see first. `top` is the
 * top result of any kind; `first` the first result of one kind (where two kinds fairly compete).
 */
export interface RelevanceCase {
  query: string;
  why: string;
  top?: [SearchKind, string];
  first?: [SearchKind, string];
}

export const GENERATED_CASES: RelevanceCase[] = [
  // Exact names
  { query: "Beyoncé", why: "exact artist", top: ["artist", "Beyoncé"] },
  { query: "Bohemian Rhapsody", why: "exact track", top: ["track", "Bohemian Rhapsody"] },
  { query: "Nevermind", why: "exact album", top: ["album", "Nevermind"] },
  { query: "metallica", why: "case", top: ["artist", "Metallica"] },
  // Accents and other scripts
  { query: "beyonce", why: "missing accent", top: ["artist", "Beyoncé"] },
  { query: "sigur ros", why: "missing accent, two words", top: ["artist", "Sigur Rós"] },
  { query: "agaetis byrjun", why: "æ folded to ae", top: ["album", "Ágætis byrjun"] },
  { query: "motorhead", why: "umlaut", top: ["artist", "Motörhead"] },
  { query: "bjork", why: "umlaut", top: ["artist", "Björk"] },
  { query: "rosalia", why: "acute accent", top: ["artist", "Rosalía"] },
  { query: "francoise hardy", why: "cedilla", top: ["artist", "Françoise Hardy"] },
  { query: "die arzte", why: "German umlaut", top: ["artist", "Die Ärzte"] },
  { query: "joga", why: "accent in a track title", top: ["track", "Jóga"] },
  { query: "宇多田", why: "Japanese, a prefix", top: ["artist", "宇多田ヒカル"] },
  { query: "кино", why: "Cyrillic, case", top: ["artist", "Кино"] },
  { query: "группа крови", why: "Cyrillic title", first: ["album", "Группа крови"] },
  // Misspellings: wrong, missing, extra and swapped letters
  { query: "beyonse", why: "wrong letter", top: ["artist", "Beyoncé"] },
  { query: "bowei", why: "swapped letters", top: ["artist", "David Bowie"] },
  { query: "metalica", why: "missing letter", top: ["artist", "Metallica"] },
  { query: "nirvanna", why: "extra letter", top: ["artist", "Nirvana"] },
  { query: "bohemain rhapsody", why: "swapped letters in a title", top: ["track", "Bohemian Rhapsody"] },
  { query: "rhapsdy", why: "missing letter", top: ["track", "Bohemian Rhapsody"] },
  { query: "smels like teen sprit", why: "two typos in a title", top: ["track", "Smells Like Teen Spirit"] },
  { query: "dafft punk", why: "extra letter in an artist", top: ["artist", "Daft Punk"] },
  { query: "rosalai", why: "swapped letters after an accent", top: ["artist", "Rosalía"] },
  // Prefixes, from the second character
  { query: "be", why: "two letters: the popular artist", first: ["artist", "Beyoncé"] },
  { query: "bey", why: "prefix", top: ["artist", "Beyoncé"] },
  { query: "metall", why: "prefix", top: ["artist", "Metallica"] },
  { query: "bohem", why: "prefix of a title", top: ["track", "Bohemian Rhapsody"] },
  { query: "smells like t", why: "prefix of the last word", top: ["track", "Smells Like Teen Spirit"] },
  { query: "daft p", why: "prefix of the last word of an artist", top: ["artist", "Daft Punk"] },
  // Several words across title and artist
  { query: "bowie heroes", why: "artist + track", top: ["track", "Heroes"] },
  { query: "queen bohemian", why: "artist + track prefix", top: ["track", "Bohemian Rhapsody"] },
  { query: "beyonce halo", why: "artist + track, namesake exists", top: ["track", "Halo"] },
  { query: "uptown funk bruno mars", why: "a featured artist", top: ["track", "Uptown Funk"] },
  { query: "master of puppets metallica", why: "title + artist", first: ["track", "Master of Puppets"] },
  // Clashes and namesakes
  { query: "halo", why: "popular namesake first", top: ["track", "Halo"] },
  { query: "heroes", why: "a famous track beats an obscure band of that name", top: ["track", "Heroes"] },
  { query: "heroes", why: "the band still leads the artists", first: ["artist", "Heroes"] },
  { query: "first love", why: "track and album share a name", first: ["track", "First Love"] },
  { query: "ace of spades", why: "album and track share a name", first: ["album", "Ace of Spades"] },
  // "the": in so many documents that it is checked on the rows the other words find
  { query: "the paper kites", why: "an artist named with 'the'", top: ["artist", "The Paper Kites"] },
  { query: "the papr kites", why: "'the' plus a typo", top: ["artist", "The Paper Kites"] },
  {
    query: "beauty and the beast",
    why: "a title full of common words",
    first: ["track", "Beauty and the Beast"],
  },
  // Listeners and playlists
  { query: "road trip", why: "a public playlist", first: ["playlist", "Road Trip Anthems"] },
  { query: "jonas", why: "a listener's profile", first: ["profile", "Jonas Lindqvist"] },
];

export const DEMO_CASES: RelevanceCase[] = [
  { query: "marlow vane", why: "demo artist", top: ["artist", "Marlow Vane"] },
  { query: "neon tidewater", why: "demo album", top: ["album", "Neon Tidewater"] },
  { query: "harbour lights", why: "demo track prefix words", top: ["track", "Harbour Lights at 2 A.M."] },
  { query: "ferrymans waltz", why: "apostrophe dropped", top: ["track", "Ferryman's Waltz"] },
  { query: "marlo vane", why: "missing letter", top: ["artist", "Marlow Vane"] },
  { query: "cartridge blom", why: "missing letter in an album", top: ["album", "Cartridge Bloom"] },
  { query: "nova kestrel", why: "a featured artist", top: ["artist", "Nova Kestrel"] },
  { query: "slow weath", why: "prefix", top: ["album", "Slow Weather"] },
  { query: "lichen", why: "a one-word track", top: ["track", "Lichen"] },
  { query: "juniper", why: "artist by first word", first: ["artist", "Juniper Sound"] },
];
