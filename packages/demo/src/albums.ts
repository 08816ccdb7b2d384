import type { Genre } from "./synth";

/** The demo catalog's invented artists and albums: what is synthesised, not how. */

export type DemoFormat = "flac" | "mp3" | "ogg" | "opus" | "m4a" | "wav";

export interface AlbumPlan {
  title: string;
  artist: string;
  genre: Genre;
  date: string;
  /** Record label, written where the format has a tag for it (WAV's RIFF INFO has none). */
  label?: string;
  format: DemoFormat;
  tracks: readonly TrackPlan[];
}

export interface TrackPlan {
  title: string;
  /** Written verbatim into the artist tag: collaborations use the separators real taggers use. */
  artist?: string;
  disc?: number;
  explicit?: boolean;
}

export const ALBUMS: readonly AlbumPlan[] = [
  {
    title: "Neon Tidewater",
    artist: "Marlow Vane",
    genre: "Synthwave",
    date: "2019-06-14",
    label: "Tidewater Tapes",
    format: "mp3",
    tracks: [
      { title: "Harbour Lights at 2 A.M." },
      { title: "Chrome Gulls" },
      { title: "Overpass Romance", artist: "Marlow Vane feat. Nova Kestrel" },
      { title: "Tidewater Drive" },
    ],
  },
  {
    title: "Afterglow Drive",
    artist: "Marlow Vane",
    genre: "Synthwave",
    date: "2022-09-02",
    label: "Tidewater Tapes",
    format: "flac",
    tracks: [{ title: "Rearview Sunrise" }, { title: "Velvet Interstate" }, { title: "Last Exit Arcade" }],
  },
  {
    title: "Pulse Cartography",
    artist: "Nova Kestrel",
    genre: "Techno",
    date: "2021-03-19",
    label: "Gridline Records",
    format: "m4a",
    tracks: [
      { title: "Grid Reference" },
      { title: "Contour Lines" },
      { title: "Magnetic North", explicit: true },
      { title: "Scale 1:50,000" },
    ],
  },
  {
    title: "Night Shift Signals",
    artist: "Nova Kestrel",
    genre: "Techno",
    date: "2024-01-26",
    label: "Gridline Records",
    format: "opus",
    tracks: [{ title: "Dispatch" }, { title: "Relay Tower", explicit: true }, { title: "Morning Handover" }],
  },
  {
    title: "Slow Weather",
    artist: "Juniper Sound",
    genre: "Ambient",
    date: "2018-11-09",
    label: "Still Water Editions",
    format: "flac",
    tracks: [
      { title: "Barometer" },
      { title: "Fog Over Still Water", artist: "Juniper Sound & Ilse Moreau" },
      { title: "Low Pressure Lullaby" },
    ],
  },
  {
    title: "Field Notes from Nowhere",
    artist: "Juniper Sound",
    genre: "Ambient",
    date: "2023-04-21",
    label: "Still Water Editions",
    format: "ogg",
    tracks: [{ title: "Lichen" }, { title: "Salt Marsh at Dusk" }, { title: "The Long Meadow", disc: 2 }],
  },
  {
    title: "Cartridge Bloom",
    artist: "Pixel Orchard",
    genre: "Chiptune",
    date: "2020-07-31",
    format: "wav",
    tracks: [
      { title: "Power-Up Petals" },
      { title: "Save Point Picnic" },
      { title: "Boss of the Greenhouse" },
    ],
  },
  {
    title: "Kettle & Compass",
    artist: "The Paper Lanterns",
    genre: "Folk",
    date: "2017-05-05",
    label: "Lantern House",
    format: "mp3",
    tracks: [
      { title: "The Kettle Song" },
      { title: "Compass Rose", artist: "The Paper Lanterns feat. Ilse Moreau" },
      { title: "Wool and Weather" },
      { title: "Ferryman's Waltz" },
    ],
  },
  {
    title: "Harvest Letters",
    artist: "The Paper Lanterns",
    genre: "Folk",
    date: "2021-10-15",
    label: "Lantern House",
    format: "ogg",
    tracks: [{ title: "Dear October" }, { title: "Apple Cart" }, { title: "Lantern Procession" }],
  },
  {
    title: "Rainy Window Tapes",
    artist: "Quiet Harbor",
    genre: "Lo-fi",
    date: "2022-02-11",
    label: "Kettle Steam Records",
    format: "m4a",
    tracks: [
      { title: "Condensation" },
      { title: "Tea Gone Cold" },
      { title: "Umbrella Stand", artist: "Quiet Harbor; Tomo & the Tidelines" },
      { title: "3 A.M. Study Hall", explicit: true },
    ],
  },
  {
    title: "Lanterns Over Linden",
    artist: "Ilse Moreau",
    genre: "Folk",
    date: "2020-12-04",
    label: "Lantern House",
    format: "flac",
    tracks: [{ title: "Linden Street" }, { title: "Paper Boats" }, { title: "Snow on the Bandstand" }],
  },
  {
    title: "Low Tide Loops",
    artist: "Tomo & the Tidelines",
    genre: "Lo-fi",
    date: "2023-08-18",
    label: "Rockpool Records",
    format: "mp3",
    tracks: [
      { title: "Sandbar" },
      { title: "Rockpool Radio", artist: "Tomo & the Tidelines feat. Quiet Harbor" },
      { title: "Tidal Clock" },
    ],
  },
];
