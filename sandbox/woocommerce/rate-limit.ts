// A host's request limit in front of WordPress (WooCommerce core has none; managed hosts, WAFs and
// Cloudflare rules do). Sliding window: at most `perSecond` accepted requests in any 1000 ms.
// Refused requests get 429 + Retry-After and do not use up the window, like nginx limit_req.

export interface RateStats {
  limitPerSecond: number | null;
  requests: number;
  throttled: number;
  /** most accepted requests seen inside any 1000 ms window */
  maxObservedRate: number;
}

export class SlidingWindowLimiter {
  private accepted: number[] = [];
  private head = 0;
  requests = 0;
  throttled = 0;
  maxObservedRate = 0;

  constructor(public perSecond: number | null, private readonly now: () => number = () => performance.now()) {}

  /** null = go ahead; otherwise the seconds to put in Retry-After. */
  admit(): number | null {
    const now = this.now();
    this.requests++;
    while (this.head < this.accepted.length && this.accepted[this.head]! <= now - 1000) this.head++;
    if (this.head > 4096) {
      this.accepted = this.accepted.slice(this.head);
      this.head = 0;
    }
    const inWindow = this.accepted.length - this.head;
    if (this.perSecond !== null && inWindow >= this.perSecond) {
      this.throttled++;
      const freeAt = this.accepted[this.head]! + 1000;
      return Math.max(1, Math.ceil((freeAt - now) / 1000));
    }
    this.accepted.push(now);
    this.maxObservedRate = Math.max(this.maxObservedRate, inWindow + 1);
    return null;
  }

  stats(): RateStats {
    return { limitPerSecond: this.perSecond, requests: this.requests, throttled: this.throttled, maxObservedRate: this.maxObservedRate };
  }

  reset(): void {
    this.accepted = [];
    this.head = 0;
    this.requests = 0;
    this.throttled = 0;
    this.maxObservedRate = 0;
  }
}
