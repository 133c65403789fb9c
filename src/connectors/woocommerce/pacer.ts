// Keeps a client inside a host's "N requests per second" limit. The host counts requests in a
// sliding second by when they *arrive*, which we cannot see; what we can see is when the answer
// came back, and the arrival was before that. So each request holds a slot until its answer is
// in, and the slot stays booked for a second (plus a small margin) after that: safe by
// construction, at the cost of one response time per window. After a 429 every request waits
// out the Retry-After, since the whole client shares the host's budget.

interface Slot { doneAt: number | null }

export class RatePacer {
  private slots: Slot[] = [];
  private blockedUntil = 0;
  waitedMs = 0;

  constructor(
    readonly perSecond: number,
    private readonly marginMs = 10,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    if (!(perSecond > 0)) throw new Error('requestsPerSecond must be positive');
  }

  /** Waits for a free slot and books it; call the returned function when the answer has arrived. */
  async acquire(): Promise<() => void> {
    const limit = Math.max(1, Math.floor(this.perSecond));
    const window = 1000 + this.marginMs;
    for (;;) {
      const now = this.now();
      this.slots = this.slots.filter((s) => s.doneAt === null || s.doneAt > now - window);
      let wait = this.blockedUntil - now;
      if (this.slots.length >= limit) {
        const done = this.slots.filter((s) => s.doneAt !== null).map((s) => s.doneAt!);
        // All slots still in flight: look again shortly, one of them will finish.
        wait = Math.max(wait, done.length > 0 ? Math.min(...done) + window - now : 5);
      }
      if (wait <= 0) {
        const slot: Slot = { doneAt: null };
        this.slots.push(slot);
        return () => {
          slot.doneAt ??= this.now();
        };
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
