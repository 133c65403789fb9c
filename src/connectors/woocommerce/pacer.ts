// Keeps a client inside a host's "N requests per second" limit. The host counts requests in a
// sliding second, so we keep the start times of our last N requests and wait until the oldest
// is more than a second (plus a safety margin for network jitter) in the past. After a 429 every
// request waits out the Retry-After, since the whole client shares the host's budget.

export class RatePacer {
  private starts: number[] = [];
  private blockedUntil = 0;
  waitedMs = 0;

  constructor(
    readonly perSecond: number,
    private readonly marginMs = 15,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    if (!(perSecond > 0)) throw new Error('requestsPerSecond must be positive');
  }

  /** Waits for a free slot, then books it. Concurrent callers are served one slot each. */
  async acquire(): Promise<void> {
    for (;;) {
      const now = this.now();
      let wait = this.blockedUntil - now;
      const window = 1000 + this.marginMs;
      while (this.starts.length > 0 && this.starts[0]! <= now - window) this.starts.shift();
      if (this.starts.length >= Math.max(1, Math.floor(this.perSecond))) wait = Math.max(wait, this.starts[0]! + window - now);
      if (wait <= 0) {
        this.starts.push(now);
        return;
      }
      this.waitedMs += wait;
      await this.sleep(Math.ceil(wait));
    }
  }

  /** The host said "not before": hold every request until then. */
  block(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.now() + ms);
  }
}
