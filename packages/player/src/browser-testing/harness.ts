/**
 * Browser-side helpers of the player's tests: talk to the media server of the global setup,
 * build catalog tracks for its ladders, and wait for real playback to reach a state.
 */
import { inject } from "vitest";

import type { Listener } from "../emitter";
import type { PlayerEventMap } from "../events";
import { Player } from "../player";
import type { PlayerOptions } from "../player";
import type { TelemetryEvent } from "../telemetry";
import type { PlayableSource, Track } from "../types";
import type { FailRule, MediaTrack, RequestRecord } from "./media-protocol";

export const mediaBase = inject("mediaBase");
const tracks = new Map(inject("mediaTracks").map((t) => [t.id, t]));

export function mediaTrack(id: string): MediaTrack {
  const found = tracks.get(id);
  if (!found) throw new Error(`no media track ${id}`);
  return found;
}

/** The catalog's view of a served track (with its measured loudness). */
export function track(id: string, extra: Partial<Track> = {}): Track {
  const media = tracks.get(id);
  return {
    id,
    title: `Tone ${id}`,
    artists: [{ id: "ar1", name: "Oscillator" }],
    album: { id: "al1", title: "Test tones" },
    durationMs: Math.round((media?.sourceSeconds ?? 200) * 1000),
    ...(media?.loudnessLufs != null ? { loudnessLufs: media.loudnessLufs } : {}),
    ...(media?.truePeakDb != null ? { truePeakDb: media.truePeakDb } : {}),
    ...extra,
  };
}

/** A signed master playlist URL, valid for `ttlMs` (the `stream` procedure's answer). */
export async function grant(trackId: string, ttlMs = 600_000): Promise<PlayableSource> {
  const res = await fetch(`${mediaBase}/grant/${trackId}?ttlMs=${ttlMs}`);
  if (!res.ok) throw new Error(`grant ${trackId}: ${res.status}`);
  return (await res.json()) as PlayableSource;
}

export async function failNext(rule: FailRule): Promise<void> {
  await fetch(`${mediaBase}/control/fail`, { method: "POST", body: JSON.stringify(rule) });
}

/** Refuses every grant issued so far (as a secret rotation or a server clock ahead would). */
export async function revokeGrants(): Promise<void> {
  await fetch(`${mediaBase}/control/revoke`, { method: "POST" });
}

export async function resetServer(): Promise<void> {
  await fetch(`${mediaBase}/control/reset`, { method: "POST" });
}

/** Media requests the server answered since the last reset. */
export async function requests(): Promise<RequestRecord[]> {
  return (await (await fetch(`${mediaBase}/control/log`)).json()) as RequestRecord[];
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function waitFor(
  what: string,
  predicate: () => boolean,
  timeoutMs = 15_000,
  intervalMs = 10,
): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** Resolves with the next payload of `event` that satisfies `accept`. */
export function nextEvent<K extends keyof PlayerEventMap>(
  player: Player,
  event: K,
  accept: (payload: PlayerEventMap[K]) => boolean = () => true,
  timeoutMs = 15_000,
): Promise<PlayerEventMap[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out waiting for ${String(event)}`));
    }, timeoutMs);
    const listener: Listener<PlayerEventMap[K]> = (payload) => {
      if (!accept(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    };
    const off = player.on(event, listener);
  });
}

export interface PlayerFixture {
  player: Player;
  /** Every <audio> the player made, in creation order (active and standby). */
  elements: HTMLAudioElement[];
  /** Telemetry events as the app's `send` received them. */
  sent: TelemetryEvent[];
  /** Track ids passed to resolveSource, in call order. */
  resolved: string[];
}

const live = new Set<Player>();

/** A player on real <audio> elements and real hls.js, resolving sources from the media server. */
export function makePlayer(options: Partial<PlayerOptions> = {}): PlayerFixture {
  const elements: HTMLAudioElement[] = [];
  const sent: TelemetryEvent[] = [];
  const resolved: string[] = [];
  const player = new Player({
    resolveSource: (id) => {
      resolved.push(id);
      return grant(id);
    },
    createAudioElement: () => {
      const el = document.createElement("audio");
      elements.push(el);
      return el;
    },
    mediaSession: false,
    telemetry: { send: (events) => void sent.push(...events), maxEvents: 1 },
    ...options,
  });
  live.add(player);
  return { player, elements, sent, resolved };
}

/** Destroys every player the test made and forgets the server's failure rules and log. */
export async function cleanUp(): Promise<void> {
  for (const player of live) player.destroy();
  live.clear();
  await resetServer();
}

/** Waits until the active element's clock passes `seconds`. */
export function playedPast(player: Player, seconds: number, timeoutMs = 15_000): Promise<void> {
  return waitFor(
    `playback past ${seconds} s`,
    () => !player.paused && player.currentTime > seconds,
    timeoutMs,
  );
}
