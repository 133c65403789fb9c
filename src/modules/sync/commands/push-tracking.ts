import { sql } from 'kysely';
import { ConnectorError } from '../../../connectors/types.ts';
import type { AppContext } from '../../../context.ts';
import { appendTimeline } from '../../timeline/index.ts';
import { storeConnectorFor } from '../connector-for.ts';

// Pushes a parcel's tracking to the store as a fulfilment (Shopify: fulfillmentCreate with tracking
// info; WooCommerce: order meta + a customer note, see its connector). The parcel id is the
// idempotency key; the connector also recognises the tracking number already on the order. Recoup
// sends its own "shipped" email, so the store is asked not to notify the customer again.

const TRACKING_URLS: Record<string, (n: string) => string> = {
  ups: (n) => `https://www.ups.com/track?tracknum=${n}`,
  usps: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  fedex: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  dhl: (n) => `https://www.dhl.com/en/express/tracking.html?AWB=${n}`,
  'royal mail': (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${n}`,
  'canada post': (n) => `https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=${n}`,
};

export function trackingUrlFor(carrier: string | null, trackingNumber: string): string {
  const known = carrier ? TRACKING_URLS[carrier.trim().toLowerCase()] : undefined;
  const n = encodeURIComponent(trackingNumber);
  return known ? known(n) : `https://t.17track.net/en#nums=${n}`;
}

export async function pushTracking(ctx: Pick<AppContext, 'db' | 'config'>, parcelId: string): Promise<'pushed' | 'skipped' | 'failed' | 'already'> {
  const p = await ctx.db
    .selectFrom('parcels')
    .innerJoin('orders', 'orders.id', 'parcels.order_id')
    .innerJoin('shops', 'shops.id', 'orders.shop_id')
    .select(['parcels.id', 'parcels.workspace_id', 'parcels.order_id', 'parcels.supplier_order_id', 'parcels.tracking_number', 'parcels.carrier', 'orders.external_id', 'orders.shop_id', 'shops.platform'])
    .where('parcels.id', '=', parcelId)
    .executeTakeFirst();
  if (!p || p.platform === 'manual' || !p.external_id) return 'skipped';
  await ctx.db.insertInto('store_pushes').values({ parcel_id: p.id, workspace_id: p.workspace_id, shop_id: p.shop_id }).onConflict((oc) => oc.column('parcel_id').doNothing()).execute();
  const intent = await ctx.db.updateTable('store_pushes').set((eb) => ({ attempts: eb('attempts', '+', 1), updated_at: sql<Date>`now()` }))
    .where('parcel_id', '=', p.id).where('status', 'in', ['pending', 'failed']).returning('attempts').executeTakeFirst();
  if (!intent) return 'already';
  // A parcel from one supplier order carries that order's lines; otherwise the whole order.
  const lines = p.supplier_order_id
    ? await ctx.db.selectFrom('supplier_order_lines').innerJoin('order_lines', 'order_lines.id', 'supplier_order_lines.order_line_id')
      .select(['order_lines.external_id', 'supplier_order_lines.quantity']).where('supplier_order_lines.supplier_order_id', '=', p.supplier_order_id).execute()
    : [];
  const linked = lines.filter((l) => l.external_id);
  try {
    const connector = await storeConnectorFor(ctx, p.shop_id);
    const pushed = await connector.pushFulfillment({
      orderExternalId: p.external_id, idempotencyKey: p.id, trackingNumber: p.tracking_number, carrier: p.carrier,
      trackingUrl: trackingUrlFor(p.carrier, p.tracking_number), notifyCustomer: false,
      ...(linked.length > 0 ? { lines: linked.map((l) => ({ lineExternalId: l.external_id!, quantity: l.quantity })) } : {}),
    });
    await ctx.db.transaction().execute(async (tx) => {
      await tx.updateTable('store_pushes').set({ status: 'pushed', external_id: pushed.externalId, last_error: null, updated_at: sql<Date>`now()` }).where('parcel_id', '=', p.id).execute();
      await appendTimeline(tx, {
        workspaceId: p.workspace_id, orderId: p.order_id, subjectType: 'parcel', subjectId: p.id, kind: 'parcel.pushed_to_store', actor: 'system',
        visibility: 'internal', summary: `Tracking ${p.tracking_number} sent to ${p.platform} as a fulfilment`, data: { externalId: pushed.externalId },
      });
    });
    return 'pushed';
  } catch (error) {
    const definitive = error instanceof ConnectorError && !(error as { outcomeUnknown?: boolean }).outcomeUnknown && error.kind !== 'unavailable' && error.kind !== 'rate_limited';
    await ctx.db.updateTable('store_pushes').set({ status: definitive ? 'failed' : 'pending', last_error: (error as Error).message.slice(0, 2000), updated_at: sql<Date>`now()` }).where('parcel_id', '=', p.id).execute();
    if (!definitive) throw error; // the job queue retries; the connector finds an earlier push by its tracking number
    await appendTimeline(ctx.db, {
      workspaceId: p.workspace_id, orderId: p.order_id, subjectType: 'parcel', subjectId: p.id, kind: 'parcel.push_failed', actor: 'system',
      visibility: 'internal', summary: `Could not send tracking ${p.tracking_number} to ${p.platform}: ${(error as Error).message}`,
    });
    return 'failed';
  }
}
