/**
 * Pure recovery policy. Every failure in the engine is described as data
 * (`PlayerErrorData`) and this function alone decides what to do about it, so
 * the behaviour is predictable and unit-testable without a browser.
 */

export type PlayerErrorType =
  /** hls.js network failure (manifest, playlist, key or fragment). */
  | "network"
  /** Decoding / MSE failure. */
  | "media"
  | "keySystem"
  | "mux"
  /** The app's `resolveSource` rejected. */
  | "source"
  /** `HTMLMediaElement.play()` rejected (e.g. autoplay policy). */
  | "playback"
  /** A subscriber of the player's events threw. */
  | "listener"
  | "other";

export interface PlayerErrorData {
  type: PlayerErrorType;
  /** hls.js `ErrorDetails` value or an engine-specific detail string. */
  details: string;
  fatal: boolean;
  trackId?: string;
  message?: string;
  httpStatus?: number;
  /** The decision taken by the error controller (filled in before emitting). */
  action?: RecoveryAction["kind"];
  /** The original exception, when there is one. */
  error?: unknown;
}

export type RecoveryAction =
  /** Non-fatal: hls.js or the browser recovers on its own; just report. */
  | { kind: "none" }
  /** Reload the same source from the current position after a delay. */
  | { kind: "retry"; delayMs: number; attempt: number }
  /** Ask the app for a fresh signed URL (expired / forbidden), then reload. */
  | { kind: "refreshSource" }
  /** hls.recoverMediaError(), optionally after swapAudioCodec(). */
  | { kind: "recoverMedia"; swapAudioCodec: boolean }
  /** Give up on this track and play the next one. */
  | { kind: "skip" }
  /** Stop trying: pause and surface the error to the user. */
  | { kind: "stop" };

export interface RecoveryState {
  networkRetries: number;
  sourceRefreshes: number;
  mediaRecoveries: number;
  /** Tracks skipped in a row because of errors; reset once playback progresses. */
  consecutiveSkips: number;
}

export interface RecoveryPolicy {
  maxNetworkRetries: number;
  baseRetryDelayMs: number;
  maxRetryDelayMs: number;
  maxSourceRefreshes: number;
  maxMediaRecoveries: number;
  /** Stops skipping through the whole queue when, e.g., the network is down. */
  maxConsecutiveSkips: number;
}

export const DEFAULT_RECOVERY_POLICY: RecoveryPolicy = {
  maxNetworkRetries: 3,
  baseRetryDelayMs: 500,
  maxRetryDelayMs: 8000,
  maxSourceRefreshes: 1,
  maxMediaRecoveries: 2,
  maxConsecutiveSkips: 3,
};

export const INITIAL_RECOVERY_STATE: RecoveryState = {
  networkRetries: 0,
  sourceRefreshes: 0,
  mediaRecoveries: 0,
  consecutiveSkips: 0,
};

export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
}

/** 401/403/410 on a signed URL almost always means it expired. */
function looksExpired(error: PlayerErrorData): boolean {
  const s = error.httpStatus;
  return s === 401 || s === 403 || s === 410;
}

export interface RecoveryContext {
  /** Whether skipping would play another track (queue has a next item). */
  hasNext: boolean;
}

export function decideRecovery(
  error: PlayerErrorData,
  state: RecoveryState,
  context: RecoveryContext,
  policy: RecoveryPolicy = DEFAULT_RECOVERY_POLICY,
): { action: RecoveryAction; state: RecoveryState } {
  if (!error.fatal || error.type === "listener") {
    return { action: { kind: "none" }, state };
  }

  const skipOrStop = (): { action: RecoveryAction; state: RecoveryState } => {
    const consecutiveSkips = state.consecutiveSkips + 1;
    if (!context.hasNext || consecutiveSkips > policy.maxConsecutiveSkips) {
      return { action: { kind: "stop" }, state: { ...state, consecutiveSkips } };
    }
    // Counters are per track: the next track starts with a clean slate.
    return {
      action: { kind: "skip" },
      state: { ...INITIAL_RECOVERY_STATE, consecutiveSkips },
    };
  };

  switch (error.type) {
    case "network":
    case "source": {
      if (
        error.type === "network" &&
        looksExpired(error) &&
        state.sourceRefreshes < policy.maxSourceRefreshes
      ) {
        return {
          action: { kind: "refreshSource" },
          state: { ...state, sourceRefreshes: state.sourceRefreshes + 1 },
        };
      }
      if (state.networkRetries < policy.maxNetworkRetries) {
        const attempt = state.networkRetries + 1;
        return {
          action: {
            kind: "retry",
            attempt,
            delayMs: backoffDelay(state.networkRetries, policy.baseRetryDelayMs, policy.maxRetryDelayMs),
          },
          state: { ...state, networkRetries: attempt },
        };
      }
      return skipOrStop();
    }
    case "media": {
      if (state.mediaRecoveries < policy.maxMediaRecoveries) {
        return {
          // hls.js's recommended sequence: plain recovery first, then retry
          // with the alternate audio codec if decoding keeps failing.
          action: {
            kind: "recoverMedia",
            swapAudioCodec: state.mediaRecoveries > 0,
          },
          state: { ...state, mediaRecoveries: state.mediaRecoveries + 1 },
        };
      }
      return skipOrStop();
    }
    case "playback":
      // Autoplay refusal and the like: retrying will not help, wait for the user.
      return { action: { kind: "stop" }, state };
    case "keySystem":
    case "mux":
    case "other":
      return skipOrStop();
  }
}

/** Called once playback makes real progress: the track is healthy again. */
export function recoveryAfterProgress(state: RecoveryState): RecoveryState {
  if (
    state.networkRetries === 0 &&
    state.sourceRefreshes === 0 &&
    state.mediaRecoveries === 0 &&
    state.consecutiveSkips === 0
  ) {
    return state;
  }
  return INITIAL_RECOVERY_STATE;
}
