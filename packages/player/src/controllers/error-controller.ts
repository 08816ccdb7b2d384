/**
 * The single place where failures are turned into recovery actions. Other
 * parts of the engine only *report* errors here; they never retry on their own.
 */
import {
  DEFAULT_RECOVERY_POLICY,
  decideRecovery,
  INITIAL_RECOVERY_STATE,
  recoveryAfterProgress,
  type PlayerErrorData,
  type RecoveryAction,
  type RecoveryPolicy,
  type RecoveryState,
} from "../error-policy";
import type { Scheduler } from "../telemetry";

export interface ErrorControllerHost {
  hasNext(): boolean;
  /** Reloads the current track at the current position (same or fresh source). */
  reload(freshSource: boolean): void;
  recoverMedia(swapAudioCodec: boolean): void;
  skip(): void;
  stop(error: PlayerErrorData): void;
  report(error: PlayerErrorData): void;
}

export class ErrorController {
  private state: RecoveryState = INITIAL_RECOVERY_STATE;
  private retryTimer: unknown = null;
  private readonly policy: RecoveryPolicy;

  constructor(
    private readonly host: ErrorControllerHost,
    private readonly scheduler: Scheduler,
    policy: Partial<RecoveryPolicy> = {},
  ) {
    this.policy = { ...DEFAULT_RECOVERY_POLICY, ...policy };
  }

  handle(error: PlayerErrorData): RecoveryAction {
    const { action, state } = decideRecovery(
      error,
      this.state,
      { hasNext: this.host.hasNext() },
      this.policy,
    );
    this.state = state;
    this.host.report({ ...error, action: action.kind });
    switch (action.kind) {
      case "none":
        break;
      case "retry":
        this.cancelRetry();
        this.retryTimer = this.scheduler.setTimeout(() => {
          this.retryTimer = null;
          this.host.reload(false);
        }, action.delayMs);
        break;
      case "refreshSource":
        this.host.reload(true);
        break;
      case "recoverMedia":
        this.host.recoverMedia(action.swapAudioCodec);
        break;
      case "skip":
        this.host.skip();
        break;
      case "stop":
        this.host.stop(error);
        break;
    }
    return action;
  }

  /** Playback progressed: the current track is healthy, forget past failures. */
  onProgress(): void {
    this.state = recoveryAfterProgress(this.state);
  }

  /** A different track was chosen by the user: pending retries are moot. */
  onTrackChange(userInitiated: boolean): void {
    this.cancelRetry();
    const skips = userInitiated ? 0 : this.state.consecutiveSkips;
    this.state = { ...INITIAL_RECOVERY_STATE, consecutiveSkips: skips };
  }

  destroy(): void {
    this.cancelRetry();
  }

  private cancelRetry(): void {
    if (this.retryTimer === null) return;
    this.scheduler.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
