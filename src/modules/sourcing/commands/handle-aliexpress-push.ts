import { parseAliExpressPush } from '../../../connectors/aliexpress/index.ts';
import type { AppContext } from '../../../context.ts';
import { syncSupplierOrder, type SyncOutcome } from './sync-supplier-order.ts';

/**
 * A verified DROPSHIPPER_ORDER_STATUS_UPDATE: the push only says "something changed", so the
 * order is read again for the truth. An order Recoup does not follow (yet: the OrderCreated push
 * races the placement that records it) is left alone; the placement or the poll catches up.
 */
export async function handleAliExpressPush(ctx: Pick<AppContext, 'db' | 'clock' | 'config' | 'jobs'>, workspaceId: string, body: Buffer): Promise<SyncOutcome | null> {
  const push = parseAliExpressPush(body);
  const link = await ctx.db
    .selectFrom('supplier_order_links')
    .innerJoin('supplier_orders', 'supplier_orders.id', 'supplier_order_links.supplier_order_id')
    .select('supplier_orders.id')
    .where('supplier_order_links.workspace_id', '=', workspaceId)
    .where('supplier_orders.external_id', '=', push.orderId)
    .executeTakeFirst();
  if (!link) return null;
  return syncSupplierOrder(ctx, link.id, `AliExpress (${push.orderStatus})`);
}
