import path from "node:path";

import { parseFile } from "music-metadata";
import type { IAudioMetadata, IPicture, ITag } from "music-metadata";

export interface Picture {
  data: Uint8Array;
  mimeType: string;
}

export interface TrackTags {
  /** Falls back to the file name without extension. */
  title: string;
  /** Credited order; empty when the file names nobody. */
  artists: string[];
  album: string | null;
  albumArtist: string | null;
  trackNumber: number | null;
  discNumber: number | null;
  /** ISO date as precise as the tag: "2021-03-04", "2021-03" or "2021". */
  releaseDate: string | null;
  year: number | null;
  genre: string | null;
  /** Record label: ID3 TPUB, Vorbis LABEL / ORGANIZATION / PUBLISHER, MP4 ----:LABEL and kin. */
  label: string | null;
  isrc: string | null;
  /** MusicBrainz recording and release ids, when tagged (lower-case UUIDs). */
  musicbrainzId: string | null;
  albumMusicbrainzId: string | null;
  /** iTunes advisory (rtng / ITUNESADVISORY): explicit content. */
  explicit: boolean;
  durationMs: number;
  sampleRate: number | null;
  channels: number | null;
  codec: string | null;
  picture: Picture | null;
}

/** The file is not audio we can read (unknown format, truncated, corrupt, no duration). */
export class UnreadableAudioError extends Error {
  override readonly name = "UnreadableAudioError";
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

export async function readTags(file: string): Promise<TrackTags> {
  let metadata: IAudioMetadata;
  try {
    // duration: true makes header-less CBR mp3s report a real length instead of none.
    metadata = await parseFile(file, { duration: true });
  } catch (error) {
    throw new UnreadableAudioError(file, `cannot parse audio (${errorMessage(error)})`);
  }
  const { common, format } = metadata;
  const duration = format.duration;
  if (!format.container && !format.codec) {
    throw new UnreadableAudioError(file, "not a recognised audio format");
  }
  if (duration === undefined || !Number.isFinite(duration) || duration <= 0) {
    throw new UnreadableAudioError(file, "no audio found (duration unknown)");
  }

  // A compilation tagged without an album artist still files under one album, not one per artist.
  const albumArtist = clean(common.albumartist) ?? (common.compilation ? VARIOUS_ARTISTS : null);
  const { title, featured } = splitTitle(clean(common.title) ?? path.basename(file, path.extname(file)));
  const date = normaliseDate(common.date ?? common.releasedate ?? common.originaldate);
  return {
    title,
    artists: dedupe([...trackArtists(common.artists, common.artist, albumArtist), ...featured]),
    album: clean(common.album),
    albumArtist,
    trackNumber: positive(common.track.no),
    discNumber: positive(common.disk.no),
    releaseDate: date ?? (common.year ? String(common.year) : null),
    year: common.year ?? (date ? Number(date.slice(0, 4)) : null),
    genre: clean(common.genre?.[0]),
    label: clean(common.label?.[0]),
    isrc: normaliseIsrc(common.isrc?.[0] ?? nativeValue(metadata, ["ISRC", "TXXX:ISRC"])),
    musicbrainzId: uuidOrNull(common.musicbrainz_recordingid),
    albumMusicbrainzId: uuidOrNull(common.musicbrainz_albumid),
    explicit: isExplicit(metadata),
    durationMs: Math.round(duration * 1000),
    sampleRate: format.sampleRate ?? null,
    channels: format.numberOfChannels ?? null,
    codec: format.codec ?? null,
    picture: frontCover(common.picture),
  };
}

/**
 * Several artists per track. A real multi-value tag wins; otherwise one string is split on the
 * separators taggers use for credits. " & " is ambiguous ("Simon & Garfunkel"), so it is only
 * split when one side is the album artist, i.e. known to be an artist in its own right.
 */
export function trackArtists(
  artists: readonly string[] | undefined,
  artist: string | undefined,
  albumArtist: string | null = null,
): string[] {
  const values = (artists ?? []).map((value) => value.trim()).filter(Boolean);
  const sources = values.length > 0 ? values : [artist ?? ""];
  return dedupe(sources.flatMap((value) => splitArtists(value, albumArtist)));
}

const FEATURING = /\s*[([]?\s*\b(?:feat\.|ft\.|featuring)\s+/i;
// "Song (feat. A & B)", "Song [ft. A]", "Song feat. A": the credit ends the title.
const TITLE_FEATURING =
  /\s*(?:[([]\s*(?:feat\.|ft\.|featuring)\s+([^)\]]+)[)\]]|\b(?:feat\.|ft\.|featuring)\s+(.+))\s*$/i;

export const VARIOUS_ARTISTS = "Various Artists";

/** A title with its featured-artist credit taken off: the guests become credited artists. */
export function splitTitle(value: string): { title: string; featured: string[] } {
  const match = TITLE_FEATURING.exec(value);
  const guests = match?.[1] ?? match?.[2];
  const title = match ? value.slice(0, match.index).trim() : value;
  if (!match || !guests || !title) return { title: value, featured: [] };
  return { title, featured: splitAmpersand(guests.trim(), null, true).map((name) => name.trim()) };
}

export function splitArtists(value: string, albumArtist: string | null = null): string[] {
  const parts: string[] = [];
  for (const credit of value.split(";")) {
    const [main = "", ...featured] = credit.split(FEATURING);
    parts.push(...splitAmpersand(main, albumArtist, false));
    // Featured credits are lists of guests: "A feat. B & C" means three artists.
    for (const guests of featured) {
      parts.push(...splitAmpersand(guests.replace(/[)\]]\s*$/, ""), albumArtist, true));
    }
  }
  return dedupe(parts.map((part) => part.trim().replace(/\s+/g, " ")).filter(Boolean));
}

function splitAmpersand(value: string, albumArtist: string | null, always: boolean): string[] {
  const sides = value.split(/\s+&\s+/);
  if (sides.length === 1) return sides;
  const known = albumArtist?.trim().toLowerCase();
  if (always || (known && sides.some((side) => side.trim().toLowerCase() === known))) {
    return sides;
  }
  return [value];
}

function dedupe(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function frontCover(pictures: IPicture[] | undefined): Picture | null {
  if (!pictures || pictures.length === 0) return null;
  const front = pictures.find((picture) => /front|cover/i.test(picture.type ?? "")) ?? pictures[0];
  if (!front || front.data.length === 0) return null;
  return { data: front.data, mimeType: normaliseMime(front.format) };
}

function normaliseMime(format: string): string {
  const lower = format.toLowerCase();
  if (lower.includes("/")) return lower === "image/jpg" ? "image/jpeg" : lower;
  // Some taggers store only "JPG"/"PNG".
  return lower === "png" ? "image/png" : "image/jpeg";
}

function isExplicit(metadata: IAudioMetadata): boolean {
  // rtng: 1 or 4 = explicit, 2 = clean, 0 = none. The text tags use the same numbers.
  const value = nativeValue(metadata, ["rtng", "ITUNESADVISORY", "TXXX:ITUNESADVISORY"]);
  if (value === null) return false;
  return value === "1" || value === "4" || value.toLowerCase() === "explicit";
}

function nativeValue(metadata: IAudioMetadata, ids: readonly string[]): string | null {
  const wanted = new Set(ids.map((id) => id.toLowerCase()));
  for (const tags of Object.values(metadata.native)) {
    const tag = tags.find((candidate: ITag) => wanted.has(candidate.id.toLowerCase()));
    if (tag === undefined) continue;
    const value: unknown = tag.value;
    if (typeof value === "string" || typeof value === "number") return String(value).trim();
  }
  return null;
}

function normaliseDate(value: string | undefined): string | null {
  const match = value?.trim().match(/^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?/);
  if (!match) return null;
  const [, year = "", month, day] = match;
  const parts = [year, month?.padStart(2, "0"), day?.padStart(2, "0")];
  return parts.filter((part): part is string => Boolean(part)).join("-");
}

function normaliseIsrc(value: string | null | undefined): string | null {
  const compact = value?.replace(/[-\s]/g, "").toUpperCase();
  return compact && /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/.test(compact) ? compact : null;
}

function uuidOrNull(value: string | undefined): string | null {
  const lower = value?.trim().toLowerCase();
  return lower && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(lower) ? lower : null;
}

function clean(value: string | undefined | null): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function positive(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : null;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
