import { ConnectorError, type FulfillmentRequest } from '../types.ts';
import { OutcomeUnknownError, type WooRestClient } from './client.ts';

// WooCommerce core has no fulfillments and no tracking fields (that is the paid Shipment Tracking
// extension). We keep the tracking in order meta `recoup_tracking` (a list, one entry per
// idempotency key, so a retry finds its own entry), tell the customer with a customer note, and
// mark the order completed when the whole order has shipped. The note is recorded in the entry so
// a retry after a lost answer does not write it twice.

interface TrackingEntry { key: string; tracking_number: string; carrier: string | null; tracking_url: string | null; lines: { id: string; quantity: number }[] | null; shipped_at: string; note_id: number | null }
interface OrderMeta { id: number; status: string; meta_data: { id: number; key: string; value: unknown }[] }
interface NoteJson { id: number; note: string; customer_note: boolean }

export const TRACKING_META_KEY = 'recoup_tracking';

export function fulfillmentApi(client: WooRestClient, options: { completeOrder: boolean }) {
  const entriesOf = (order: OrderMeta): TrackingEntry[] => {
    const value = order.meta_data.find((m) => m.key === TRACKING_META_KEY)?.value;
    return Array.isArray(value) ? (value as TrackingEntry[]) : [];
  };
  const save = (orderId: string, entries: TrackingEntry[], status?: string) =>
    client.request<OrderMeta>('PUT', `/orders/${orderId}`, { body: { meta_data: [{ key: TRACKING_META_KEY, value: entries }], ...(status ? { status } : {}) }, idempotent: true });

  async function pushFulfillment(request: FulfillmentRequest): Promise<{ externalId: string }> {
    if (!/^\d+$/.test(request.orderExternalId)) throw new ConnectorError(`"${request.orderExternalId}" is not a WooCommerce order id.`, 'invalid');
    if (!request.trackingNumber.trim()) throw new ConnectorError('A tracking number is required.', 'invalid');
    const orderId = request.orderExternalId;
    const externalId = `${orderId}:${request.idempotencyKey}`;
    const { data: order } = await client.request<OrderMeta>('GET', `/orders/${orderId}`);
    let entries = entriesOf(order);
    let entry = entries.find((e) => e.key === request.idempotencyKey);
    if (!entry) {
      entry = {
        key: request.idempotencyKey, tracking_number: request.trackingNumber.trim(), carrier: request.carrier, tracking_url: request.trackingUrl,
        lines: request.lines?.map((l) => ({ id: l.lineExternalId, quantity: l.quantity })) ?? null, shipped_at: new Date().toISOString(), note_id: null,
      };
      entries = [...entries, entry];
      const wholeOrder = !request.lines?.length;
      const complete = options.completeOrder && wholeOrder && !['completed', 'refunded', 'cancelled'].includes(order.status);
      // Replacing the whole list under one key is safe to repeat: the same write gives the same meta.
      await save(orderId, entries, complete ? 'completed' : undefined);
    }
    if (entry.note_id === null) {
      entry.note_id = await writeNoteOnce(orderId, shippedNote(request), request.notifyCustomer);
      await save(orderId, entries.map((e) => (e.key === entry!.key ? entry! : e)));
    }
    return { externalId };
  }

  /** Notes have no idempotency key: before each (re)try, look for the exact text among the order's notes. */
  async function writeNoteOnce(orderId: string, text: string, customerNote: boolean): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      const { data: notes } = await client.request<NoteJson[]>('GET', `/orders/${orderId}/notes`, { query: { type: customerNote ? 'customer' : 'internal' } });
      const found = notes.find((n) => n.note === text);
      if (found) return found.id;
      try {
        return (await client.request<NoteJson>('POST', `/orders/${orderId}/notes`, { body: { note: text, customer_note: customerNote } })).data.id;
      } catch (error) {
        if (!(error instanceof OutcomeUnknownError) || attempt >= 3) throw error;
      }
    }
  }

  return { pushFulfillment };
}

function shippedNote(request: FulfillmentRequest): string {
  const via = request.carrier ? ` with ${request.carrier}` : '';
  const link = request.trackingUrl ? ` Track it here: ${request.trackingUrl}` : '';
  return `Your order has shipped${via}. Tracking number: ${request.trackingNumber.trim()}.${link}`;
}
