import type { StoreConnector } from '../../../connectors/types.ts';
import type { AppContext } from '../../../context.ts';
import { storeConnectorFor } from '../connector-for.ts';
import { saveStoreOrders } from '../store-orders.ts';

/** Reads one order from the store now and writes its state (after a refusal, or a refunds/create webhook). */
export async function refreshStoreOrder(ctx: Pick<AppContext, 'db' | 'config'>, shopId: string, orderExternalId: string, connector?: StoreConnector): Promise<boolean> {
  const shop = await ctx.db.selectFrom('shops').select(['id', 'workspace_id']).where('id', '=', shopId).executeTakeFirstOrThrow();
  const order = await (connector ?? (await storeConnectorFor(ctx, shopId))).getOrder(orderExternalId);
  if (!order) return false;
  await ctx.db.transaction().execute((tx) => saveStoreOrders(tx, { id: shop.id, workspaceId: shop.workspace_id }, [order], 'store'));
  return true;
}
