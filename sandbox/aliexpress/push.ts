// DROPSHIPPER_ORDER_STATUS_UPDATE pushes, POSTed to the URL the app registered. The body is the
// documented message; the signature sits in the `Authorization` header as lowercase hex
// HMAC-SHA256(app secret, app key + raw body), the IOP push convention (see the report: not in
// the research, unverified). Faults: duplicate every push, or sign with the wrong secret.
import { createHmac } from 'node:crypto';

export interface PushRecord {
  body: string;
  orderId: string;
  orderStatus: string;
  attempt: number;
  status: number | null;
  error: string | null;
}

export interface PushOptions { duplicate?: boolean; badSignature?: boolean }

export function createPushSender(deps: { appKey: string; appSecret: string; now: () => number }) {
  let url: string | null = null;
  let faults: PushOptions = {};
  const log: PushRecord[] = [];
  const inFlight = new Set<Promise<void>>();

  function sign(body: string, secret: string) {
    return createHmac('sha256', secret).update(deps.appKey + body, 'utf8').digest('hex');
  }

  async function deliver(body: string, orderId: string, orderStatus: string, attempt: number) {
    const record: PushRecord = { body, orderId, orderStatus, attempt, status: null, error: null };
    log.push(record);
    try {
      const response = await fetch(url!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: sign(body, faults.badSignature ? `${deps.appSecret}x` : deps.appSecret) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      record.status = response.status;
      await response.arrayBuffer();
    } catch (error) {
      record.error = (error as Error).message;
    }
  }

  function track(promise: Promise<void>) {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
  }

  return {
    log,
    setUrl(next: string | null) { url = next; },
    setFaults(next: PushOptions) { faults = { ...next }; },
    /** Sends one status message now (no-op without a URL); duplicates it when that fault is on. */
    send(message: { orderId: string; buyerId: string; sellerId: string; orderStatus: string }) {
      if (!url) return;
      const body = JSON.stringify({
        data: { buyerId: Number(message.buyerId), orderId: Number(message.orderId), orderStatus: message.orderStatus },
        message_type: 53,
        seller_id: message.sellerId,
        site: 'ae_global',
        timestamp: Math.floor(deps.now() / 1000),
      });
      track(deliver(body, message.orderId, message.orderStatus, 1));
      if (faults.duplicate) track(deliver(body, message.orderId, message.orderStatus, 2));
    },
    /** Resolves once every push sent so far has been answered (or failed). */
    async flush() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
