// Fixed one-second windows per key, as AfterShip describes its limit ("requests left for the
// 1-second window"). Shared with sandbox/17track through this folder's index.ts.
export interface RateDecision { allowed: boolean; limit: number; remaining: number; resetUnix: number; retryAfterSeconds: number }

export function createRateLimiter(now: () => number = Date.now) {
  const windows = new Map<string, { second: number; count: number }>();
  let throttled = 0;
  return {
    take(key: string, limit: number): RateDecision {
      const second = Math.floor(now() / 1000);
      let window = windows.get(key);
      if (!window || window.second !== second) {
        window = { second, count: 0 };
        windows.set(key, window);
      }
      const allowed = window.count < limit;
      if (allowed) window.count++;
      else throttled++;
      return { allowed, limit, remaining: Math.max(0, limit - window.count), resetUnix: second + 1, retryAfterSeconds: 1 };
    },
    get throttled() {
      return throttled;
    },
  };
}
