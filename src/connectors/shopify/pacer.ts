// Client-side mirror of Shopify's GraphQL leaky bucket. After every response we know how many
// points the shop had left when it answered (`throttleStatus`); between responses the bucket
// refills at `restoreRate`. Before sending a query we wait until the estimate covers the query's
// requested cost, so a lone client is never throttled. The estimate starts from the moment the
// answer *arrived*, which is later than when Shopify computed it: the error is on the safe side.

export interface ThrottleStatus { maximumAvailable: number; currentlyAvailable: number; restoreRate: number }

export class CostPacer {
  maximum: number;
  restoreRate: number;
  private available: number;
  private at: number;
  waitedMs = 0;

  constructor(
    defaults: { maximum?: number; restoreRate?: number } = {},
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    // Until the shop tells us, assume the smallest bucket Shopify has shipped (standard plan).
    this.maximum = defaults.maximum ?? 1000;
    this.restoreRate = defaults.restoreRate ?? 50;
    this.available = this.maximum;
    this.at = now();
  }

  estimate(): number {
    return Math.min(this.maximum, this.available + ((this.now() - this.at) / 1000) * this.restoreRate);
  }

  /** Waits until `cost` points should be available, then books them. */
  async reserve(cost: number): Promise<void> {
    const needed = Math.min(cost, this.maximum);
    for (;;) {
      const short = needed - this.estimate();
      if (short <= 0) break;
      const ms = Math.ceil((short / this.restoreRate) * 1000) + 1;
      this.waitedMs += ms;
      await this.sleep(ms);
    }
    this.available = this.estimate() - needed;
    this.at = this.now();
  }

  observe(status: ThrottleStatus | null | undefined): void {
    if (!status) return;
    this.maximum = status.maximumAvailable;
    this.restoreRate = status.restoreRate;
    this.available = status.currentlyAvailable;
    this.at = this.now();
  }
}
