import { CacheUnavailableError } from "./cache";

// After a call times out, calls fail at once for this long: a hung server then costs one
// request a timeout now and then, not every cache call of every request.
export const QUIET_AFTER_TIMEOUT_MS = 3000;

/** How the Redis engines call their server: any failure means the cache is unavailable. */
export class RemoteCalls {
  private quietUntil = 0;

  constructor(private readonly timeoutMs: number) {}

  async run<T>(command: () => Promise<T>): Promise<T> {
    if (Date.now() < this.quietUntil) {
      throw new CacheUnavailableError(new Error("the cache timed out moments ago"));
    }
    const started = Date.now();
    // Our own deadline, from the call: a client's command timeout may start only when the
    // command is written (ioredis holds commands behind an unanswered auto-pipeline).
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      return await Promise.race([command(), deadline]);
    } catch (error) {
      if (Date.now() - started >= this.timeoutMs) this.quietUntil = Date.now() + QUIET_AFTER_TIMEOUT_MS;
      throw new CacheUnavailableError(error);
    } finally {
      clearTimeout(timer);
    }
  }
}
