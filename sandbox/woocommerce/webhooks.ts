import { createHash, createHmac } from 'node:crypto';

// Outgoing webhooks as WC_Webhook sends them: body = wp_json_encode(REST representation) (which
// escapes "/" and non-ASCII), X-WC-Webhook-Signature = base64(HMAC-SHA256(secret, body)), and a
// creation ping whose form body is `webhook_id=N` with no signature. Failures are counted and the
// webhook is disabled after more than 5 in a row. Beyond WooCommerce (which never retries), the
// simulator can retry, duplicate, and hold deliveries to release them out of order.

export type WebhookTopic = 'order.created' | 'order.updated' | 'order.deleted' | 'coupon.created';

export interface SimWebhook { id: number; name: string; topic: WebhookTopic; deliveryUrl: string; secret: string; status: 'active' | 'paused' | 'disabled'; failureCount: number }

export interface WebhookDelivery {
  webhookId: number; deliveryId: string; topic: WebhookTopic; url: string; body: string; headers: Record<string, string>;
  attempts: { at: number; status: number | null; error?: string }[]; delivered: boolean;
}

export interface DispatcherOptions { siteUrl: () => string; retryDelaysMs?: number[]; timeoutMs?: number; maxFailures?: number }

/** wp_json_encode with WordPress's default flags: "\/" and \uXXXX escapes, as PHP's json_encode makes them. */
export function phpJsonEncode(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export const USER_AGENT = 'WooCommerce/9.4.3 Hookshot (WordPress/6.7.1)';

export class WebhookDispatcher {
  readonly webhooks = new Map<number, SimWebhook>();
  readonly deliveries: WebhookDelivery[] = [];
  private nextId = 1;
  private timers = new Set<NodeJS.Timeout>();
  private inFlight = new Set<Promise<void>>();
  private held: (() => void)[] | null = null;
  private closed = false;

  constructor(private readonly options: DispatcherOptions) {}

  /** Creates an active webhook and sends the creation ping, as saving one in wp-admin does. */
  async register(input: { deliveryUrl: string; topic?: WebhookTopic; secret: string; name?: string }): Promise<{ webhook: SimWebhook; ping: { status: number | null; error?: string } }> {
    const webhook: SimWebhook = {
      id: this.nextId++, name: input.name ?? `Recoup ${input.topic ?? 'order.updated'}`, topic: input.topic ?? 'order.updated',
      deliveryUrl: input.deliveryUrl, secret: input.secret, status: 'active', failureCount: 0,
    };
    this.webhooks.set(webhook.id, webhook);
    try {
      const response = await fetch(webhook.deliveryUrl, {
        method: 'POST', body: `webhook_id=${webhook.id}`, signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', 'user-agent': USER_AGENT },
      });
      await response.arrayBuffer().catch(() => undefined);
      return { webhook, ping: { status: response.status } };
    } catch (error) {
      return { webhook, ping: { status: null, error: (error as Error).message } };
    }
  }

  /** Deliveries stop being sent until release(); then they go out in the order asked for. */
  hold(): void {
    this.held ??= [];
  }

  release(options: { reverse?: boolean } = {}): void {
    const queued = this.held ?? [];
    this.held = null;
    for (const send of options.reverse ? queued.reverse() : queued) send();
  }

  /** Sends `payload` to every active webhook on `topic`; `duplicate` extra copies carry the same delivery id. */
  emit(topic: WebhookTopic, payload: unknown, options: { duplicate?: number } = {}): WebhookDelivery[] {
    if (this.closed) return [];
    const body = phpJsonEncode(payload);
    const [resource, event] = topic.split('.') as [string, string];
    const made: WebhookDelivery[] = [];
    for (const webhook of this.webhooks.values()) {
      if (webhook.topic !== topic || webhook.status !== 'active') continue;
      // WC_Webhook::get_new_delivery_id(): wp_hash(id . time()) — two events within one second share it.
      const deliveryId = createHash('md5').update(`sim-salt:${webhook.id}${Math.floor(Date.now() / 1000)}`).digest('hex');
      const headers: Record<string, string> = {
        'content-type': 'application/json', 'user-agent': USER_AGENT, 'x-wc-webhook-source': `${this.options.siteUrl()}/`,
        'x-wc-webhook-topic': topic, 'x-wc-webhook-resource': resource, 'x-wc-webhook-event': event,
        'x-wc-webhook-signature': createHmac('sha256', webhook.secret).update(body).digest('base64'),
        'x-wc-webhook-id': String(webhook.id), 'x-wc-webhook-delivery-id': deliveryId,
      };
      for (let copy = 0; copy <= (options.duplicate ?? 0); copy++) {
        const delivery: WebhookDelivery = { webhookId: webhook.id, deliveryId, topic, url: webhook.deliveryUrl, body, headers, attempts: [], delivered: false };
        this.deliveries.push(delivery);
        made.push(delivery);
        const send = () => this.track(this.attempt(webhook, delivery, 0));
        if (this.held) this.held.push(send);
        else send();
      }
    }
    return made;
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private async attempt(webhook: SimWebhook, delivery: WebhookDelivery, retry: number): Promise<void> {
    if (this.closed) return;
    let status: number | null = null;
    let error: string | undefined;
    try {
      const response = await fetch(delivery.url, { method: 'POST', headers: delivery.headers, body: delivery.body, redirect: 'manual', signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000) });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (e) {
      error = (e as Error).message;
    }
    delivery.attempts.push({ at: Date.now(), status, ...(error ? { error } : {}) });
    if (status !== null && ((status >= 200 && status < 300) || status === 301 || status === 302)) {
      delivery.delivered = true;
      webhook.failureCount = 0;
      return;
    }
    webhook.failureCount++;
    if (webhook.failureCount > (this.options.maxFailures ?? 5)) webhook.status = 'disabled';
    const delay = this.options.retryDelaysMs?.[retry];
    if (delay === undefined || this.closed || webhook.status !== 'active') return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(this.attempt(webhook, delivery, retry + 1));
    }, delay);
    this.timers.add(timer);
  }

  /** Resolves when nothing is being sent and no retry is waiting. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || this.timers.size > 0) {
      if (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
      else await new Promise((r) => setTimeout(r, 10));
    }
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
