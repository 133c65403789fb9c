// Delivers signed webhooks one at a time per lane (so "out of order" means exactly what a test
// asked for), retries failures with the platform's back-off, and on demand duplicates or shuffles
// a batch. With several lanes, deliveries with the same `lane` key (e.g. one parcel) stay in order
// while different parcels go out in parallel, as a real sender's workers do.
// Shared with sandbox/17track through this folder's index.ts.

export interface OutgoingWebhook { url: string; body: string; headers: Record<string, string>; lane?: string }

export interface WebhookChaos {
  /** share of deliveries sent twice (0..1) */
  duplicateRate?: number;
  /** deliver each batch in a shuffled order */
  shuffle?: boolean;
}

export interface WebhookStats { delivered: number; failedAttempts: number; retried: number; duplicated: number; gaveUp: number }

export interface WebhookSenderOptions {
  attempts: number;
  /** delay before retry number `retry` (1-based) */
  retryDelayMs: (retry: number) => number;
  random: () => number;
  timeoutMs?: number;
  /** parallel lanes; 1 (the default) sends strictly one after the other */
  lanes?: number;
}

interface Queued extends OutgoingWebhook { attempt: number }

export function createWebhookSender(options: WebhookSenderOptions) {
  const laneCount = Math.max(1, options.lanes ?? 1);
  const queues: Queued[][] = Array.from({ length: laneCount }, () => []);
  const running = new Array<boolean>(laneCount).fill(false);
  const laneOf = (item: OutgoingWebhook) => {
    if (laneCount === 1 || !item.lane) return 0;
    let h = 0;
    for (const c of item.lane) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    return h % laneCount;
  };
  const timers = new Set<NodeJS.Timeout>();
  const stats: WebhookStats = { delivered: 0, failedAttempts: 0, retried: 0, duplicated: 0, gaveUp: 0 };
  let chaos: WebhookChaos = {};
  let closed = false;
  let waiters: (() => void)[] = [];

  const isIdle = () => queues.every((q) => q.length === 0) && timers.size === 0 && running.every((r) => !r);
  function settle() {
    if (!isIdle()) return;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  }

  async function sendOne(item: Queued): Promise<boolean> {
    try {
      const response = await fetch(item.url, {
        method: 'POST',
        headers: item.headers,
        body: item.body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      return false;
    }
  }

  async function pump(lane: number) {
    if (running[lane]) return;
    running[lane] = true;
    const queue = queues[lane]!;
    while (queue.length > 0 && !closed) {
      const item = queue.shift()!;
      if (await sendOne(item)) {
        stats.delivered++;
        continue;
      }
      stats.failedAttempts++;
      if (item.attempt >= options.attempts) {
        stats.gaveUp++;
        continue;
      }
      stats.retried++;
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (closed) return settle();
        queue.push({ ...item, attempt: item.attempt + 1 });
        void pump(lane);
      }, options.retryDelayMs(item.attempt));
      timers.add(timer);
    }
    running[lane] = false;
    settle();
  }

  return {
    enqueue(batch: OutgoingWebhook[]) {
      if (closed || batch.length === 0) return;
      const items: Queued[] = [];
      for (const webhook of batch) {
        items.push({ ...webhook, attempt: 1 });
        if (chaos.duplicateRate && options.random() < chaos.duplicateRate) {
          items.push({ ...webhook, attempt: 1 });
          stats.duplicated++;
        }
      }
      if (chaos.shuffle) {
        for (let i = items.length - 1; i > 0; i--) {
          const j = Math.floor(options.random() * (i + 1));
          [items[i], items[j]] = [items[j]!, items[i]!];
        }
      }
      for (const item of items) queues[laneOf(item)]!.push(item);
      for (let lane = 0; lane < laneCount; lane++) void pump(lane);
    },
    setChaos(next: WebhookChaos) {
      chaos = { ...next };
    },
    /** resolves once every queued delivery and pending retry has finished */
    idle(): Promise<void> {
      if (isIdle()) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    stats: () => ({ ...stats }),
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const queue of queues) queue.length = 0;
      settle();
    },
  };
}

export type WebhookSender = ReturnType<typeof createWebhookSender>;
