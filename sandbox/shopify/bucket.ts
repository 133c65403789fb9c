// Shopify's GraphQL leaky bucket: `maximum` points, refilled continuously at `restoreRate` per
// second. A query is admitted only if its requested cost is available right now; the unused part
// (requested − actual) is given back afterwards. The simulator also records the lowest level the
// bucket ever reached, so a test can prove a client stayed inside the limit.

export interface BucketStats {
  maximumAvailable: number;
  restoreRate: number;
  admitted: number;
  throttled: number;
  pointsSpent: number;
  /** lowest `currentlyAvailable` seen right after admitting a query */
  lowestAvailable: number;
  /** the most points ever in use at once (maximumAvailable − lowestAvailable) */
  maxUsage: number;
  largestRequestedCost: number;
}

export class LeakyBucket {
  private available: number;
  private last: number;
  private stats = { admitted: 0, throttled: 0, pointsSpent: 0, lowestAvailable: Infinity, largestRequestedCost: 0 };

  constructor(readonly maximum: number, readonly restoreRate: number, private readonly now: () => number = () => performance.now()) {
    this.available = maximum;
    this.last = now();
  }

  current(): number {
    const now = this.now();
    this.available = Math.min(this.maximum, this.available + ((now - this.last) / 1000) * this.restoreRate);
    this.last = now;
    return this.available;
  }

  tryTake(cost: number): boolean {
    this.stats.largestRequestedCost = Math.max(this.stats.largestRequestedCost, cost);
    if (this.current() < cost) {
      this.stats.throttled++;
      return false;
    }
    this.available -= cost;
    this.stats.admitted++;
    this.stats.lowestAvailable = Math.min(this.stats.lowestAvailable, this.available);
    return true;
  }

  /** Returns the points a query was charged for but did not use. */
  refund(points: number, spent: number): void {
    this.current();
    this.available = Math.min(this.maximum, this.available + Math.max(0, points));
    this.stats.pointsSpent += spent;
  }

  /** Drains the bucket, e.g. to simulate another app on the same shop eating the budget. */
  drain(points = this.maximum): void {
    this.current();
    this.available = Math.max(0, this.available - points);
  }

  throttleStatus() {
    return { maximumAvailable: this.maximum, currentlyAvailable: Math.floor(this.current()), restoreRate: this.restoreRate };
  }

  report(): BucketStats {
    const lowest = this.stats.lowestAvailable === Infinity ? this.maximum : this.stats.lowestAvailable;
    return {
      maximumAvailable: this.maximum, restoreRate: this.restoreRate, admitted: this.stats.admitted, throttled: this.stats.throttled,
      pointsSpent: this.stats.pointsSpent, lowestAvailable: Math.floor(lowest), maxUsage: Math.ceil(this.maximum - lowest),
      largestRequestedCost: this.stats.largestRequestedCost,
    };
  }
}
