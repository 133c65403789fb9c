import { mapAliExpressTrackingNode, type AliExpressTracking } from '../../../connectors/aliexpress/index.ts';
import type { AppContext } from '../../../context.ts';
import { addTrackingNumber, recordTrackingEvents } from '../../parcels/index.ts';
import { advanceSupplierOrder, supplierOrderLifecycle, type SupplierOrderStatus } from '../../suppliers/index.ts';
import { loadSupplierAccount } from '../accounts.repository.ts';
import { aliExpressClientFor } from '../clients.ts';
import { actionsTo, lifecycleTarget } from '../supplier-order-links.ts';

export interface SyncOutcome {
  supplierOrderId: string;
  from: SupplierOrderStatus;
  to: SupplierOrderStatus;
  platformStatus: string;
  parcels: number;
  newEvents: number;
}

const SHIPPED_DETAIL = new Set(['shipped', 'partly_shipped', 'delivered']);

/**
 * Reads one AliExpress supplier order (status, then tracking once something shipped) and brings
 * Recoup up to date: the lifecycle moved forward one step at a time, paid amount filled in once
 * paid, each tracking number handed to parcels with its checkpoints. Safe to repeat: a push and
 * a poll of the same news change things once.
 */
export async function syncSupplierOrder(ctx: Pick<AppContext, 'db' | 'clock' | 'config' | 'jobs'>, supplierOrderId: string, actor = 'AliExpress'): Promise<SyncOutcome> {
  const link = await ctx.db
    .selectFrom('supplier_order_links')
    .innerJoin('supplier_orders', 'supplier_orders.id', 'supplier_order_links.supplier_order_id')
    .select(['supplier_order_links.account_id', 'supplier_orders.workspace_id', 'supplier_orders.order_id', 'supplier_orders.external_id'])
    .where('supplier_order_links.supplier_order_id', '=', supplierOrderId)
    .executeTakeFirstOrThrow();
  const account = await loadSupplierAccount(ctx.db, ctx.config.secretKey, link.workspace_id, 'aliexpress', link.account_id);
  const client = aliExpressClientFor(ctx, account);
  const ae = await client.getOrder(link.external_id!, { withTracking: false });
  const tracking: AliExpressTracking | null =
    SHIPPED_DETAIL.has(ae.status ?? '') || ae.rawStatus === 'FINISH' ? await client.getTracking(link.external_id!) : null;
  const target = lifecycleTarget(ae);
  const now = ctx.clock.now();
  const firstScan = tracking?.parcels.flatMap((p) => p.events.map((e) => e.occurredAt)).filter((t): t is string => !!t).sort()[0];

  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('supplier_orders').select(['status', 'paid_minor']).where('id', '=', supplierOrderId).forUpdate().executeTakeFirstOrThrow();
    const from = row.status as SupplierOrderStatus;
    const at = { pay: ae.paidAt ? new Date(ae.paidAt) : now, ship: firstScan ? new Date(firstScan) : now, deliver: now, complete: now, cancel: now };
    for (const action of actionsTo(from, target)) {
      await advanceSupplierOrder(tx, { workspaceId: link.workspace_id, supplierOrderId, action, at: at[action], actor });
    }
    // Paid after it was placed (no auto-pay): what the buyer account paid is known only now.
    if (row.paid_minor === 0 && ae.paidMinor > 0) {
      await tx.updateTable('supplier_orders').set({ paid_minor: ae.paidMinor, updated_at: now }).where('id', '=', supplierOrderId).execute();
    }
    let newEvents = 0;
    for (const parcel of tracking?.parcels ?? []) {
      if (!parcel.trackingNumber) continue;
      const shippedAt = parcel.events.find((e) => e.occurredAt)?.occurredAt;
      const { parcelId } = await addTrackingNumber(
        tx,
        {
          workspaceId: link.workspace_id, orderId: link.order_id, supplierOrderId, trackingNumber: parcel.trackingNumber, carrier: parcel.carrier,
          shippedAt: shippedAt ? new Date(shippedAt) : now, promisedBy: parcel.etaAt ? new Date(parcel.etaAt) : null,
        },
        actor,
        { jobs: ctx.jobs, now },
      );
      const events = parcel.events
        .filter((e) => e.occurredAt)
        .map((e) => ({ occurredAt: new Date(e.occurredAt!), status: mapAliExpressTrackingNode(e.name, e.description), rawStatus: e.name, description: e.description || e.name }));
      if (events.length > 0) newEvents += (await recordTrackingEvents(tx, { parcelId, source: 'aliexpress', events }, actor, { now })).inserted;
    }
    const after = await tx.selectFrom('supplier_orders').select('status').where('id', '=', supplierOrderId).executeTakeFirstOrThrow();
    const to = after.status as SupplierOrderStatus;
    await tx
      .updateTable('supplier_order_links')
      .set({ platform_status: ae.rawStatus, detail_status: ae.status, logistics_status: ae.logisticsStatus, total_minor: ae.totalMinor, synced_at: now, final: supplierOrderLifecycle.isFinal(to) })
      .where('supplier_order_id', '=', supplierOrderId)
      .execute();
    return { supplierOrderId, from, to, platformStatus: ae.rawStatus, parcels: tracking?.parcels.length ?? 0, newEvents };
  });
}
