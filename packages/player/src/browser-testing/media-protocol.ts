/** What the media server of the browser tests tells the tests (shared by both sides). */

export interface MediaTrack {
  id: string;
  /** Duration of the HLS ladder: the source plus the encoder's priming samples. */
  seconds: number;
  /** Duration of the source, as the catalog records it. */
  sourceSeconds: number;
  frequency: number;
  loudnessLufs: number | null;
  truePeakDb: number | null;
}

/** The next `times` requests whose path contains `match` are answered with `status`. */
export interface FailRule {
  match: string;
  status: number;
  times: number;
  /** With status 200: serve the segment with its audio frames replaced by noise (a decode error). */
  corrupt?: boolean;
}

export interface RequestRecord {
  path: string;
  status: number;
  at: number;
}

declare module "vitest" {
  export interface ProvidedContext {
    mediaBase: string;
    mediaTracks: MediaTrack[];
  }
}
