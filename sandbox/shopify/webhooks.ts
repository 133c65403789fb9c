import { createHmac, randomUUID } from 'node:crypto';

// Webhook delivery as Shopify does it: POST of the REST JSON, signed with
// base64(HMAC-SHA256(app secret, raw body)), X-Shopify-* headers; `X-Shopify-Webhook-Id` stays
// the same across retries and duplicates. Non-2xx (or no answer within the timeout) is retried
// with exponential backoff (Shopify: 8 retries over 4 hours; here the delays are configurable so
// tests run in milliseconds). Duplicates and out-of-order delivery are available on demand.

export type WebhookTopic = 'orders/create' | 'orders/updated' | 'refunds/create' | 'fulfillments/create';

export interface WebhookDelivery {
  webhookId: string; eventId: string; topic: string; url: string; attempt: number;
  status: number | null; error: string | null; deliveredAt: string;
}

interface Subscription { url: string; topics: string[] | null }
interface Pending { topic: string; body: string; webhookId: string; eventId: string; triggeredAt: string }

export interface WebhookOptions {
  apiSecret: string;
  shopDomain: string;
  apiVersion: string;
  /** delay before retry n (ms); length = number of retries. Default 8 retries, 50 ms doubling. */
  retryDelaysMs?: number[];
  timeoutMs?: number;
}

export class WebhookDispatcher {
  readonly deliveries: WebhookDelivery[] = [];
  private subscriptions: Subscription[] = [];
  private paused: Pending[] | null = null;
  private inFlight = new Set<Promise<void>>();
  private timers = new Map<NodeJS.Timeout, () => void>();
  private closed = false;
  private readonly retryDelaysMs: number[];

  constructor(private readonly options: WebhookOptions) {
    this.retryDelaysMs = options.retryDelaysMs ?? [50, 100, 200, 400, 800, 1600, 3200, 6400];
  }

  subscribe(url: string, topics?: WebhookTopic[]): void {
    this.subscriptions.push({ url, topics: topics ?? null });
  }

  unsubscribeAll(): void {
    this.subscriptions = [];
  }

  /** Signs a body exactly as Shopify does; exposed so tests can forge or check signatures. */
  sign(body: string | Buffer): string {
    return createHmac('sha256', this.options.apiSecret).update(body).digest('base64');
  }

  /** Queues one event for every matching subscription; `duplicate` re-sends it n more times. */
  emit(topic: string, payload: unknown, options: { duplicate?: number } = {}): { webhookId: string; eventId: string } {
    const pending: Pending = { topic, body: JSON.stringify(payload), webhookId: randomUUID(), eventId: randomUUID(), triggeredAt: new Date().toISOString() };
    for (let i = 0; i <= (options.duplicate ?? 0); i++) this.enqueue(pending);
    return { webhookId: pending.webhookId, eventId: pending.eventId };
  }

  /** Holds deliveries until `release`, which can send them reversed or shuffled (out of order). */
  pause(): void {
    this.paused ??= [];
  }

  release(order: 'fifo' | 'reverse' | 'shuffle' = 'fifo', seed = 1): void {
    const held = this.paused ?? [];
    this.paused = null;
    if (order === 'reverse') held.reverse();
    if (order === 'shuffle') {
      let s = seed;
      for (let i = held.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const j = s % (i + 1);
        [held[i], held[j]] = [held[j]!, held[i]!];
      }
    }
    for (const p of held) this.enqueue(p);
  }

  /** Resolves when nothing is queued, being sent or waiting for a retry. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  close(): void {
    this.closed = true;
    for (const [timer, resolve] of this.timers) {
      clearTimeout(timer);
      resolve();
    }
    this.timers.clear();
  }

  private enqueue(pending: Pending): void {
    if (this.paused) {
      this.paused.push(pending);
      return;
    }
    for (const sub of this.subscriptions) {
      if (sub.topics && !sub.topics.includes(pending.topic)) continue;
      this.track(this.deliver(sub.url, pending, 1));
    }
  }

  private track(promise: Promise<void>): void {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
  }

  private async deliver(url: string, p: Pending, attempt: number): Promise<void> {
    if (this.closed) return;
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        body: p.body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
        headers: {
          'content-type': 'application/json',
          'x-shopify-topic': p.topic,
          'x-shopify-hmac-sha256': this.sign(p.body),
          'x-shopify-shop-domain': this.options.shopDomain,
          'x-shopify-api-version': this.options.apiVersion,
          'x-shopify-webhook-id': p.webhookId,
          'x-shopify-event-id': p.eventId,
          'x-shopify-triggered-at': p.triggeredAt,
        },
      });
      status = response.status;
      await response.arrayBuffer();
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    this.deliveries.push({ webhookId: p.webhookId, eventId: p.eventId, topic: p.topic, url, attempt, status, error, deliveredAt: new Date().toISOString() });
    const ok = status !== null && status >= 200 && status < 300;
    const delay = this.retryDelaysMs[attempt - 1];
    if (ok || delay === undefined || this.closed) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => { this.timers.delete(timer); resolve(); }, delay);
      this.timers.set(timer, resolve);
    });
    await this.deliver(url, p, attempt + 1);
  }
}
