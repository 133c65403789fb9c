import { AliExpressError, type AliExpressOrder, type PlaceOrderRequest } from '../../../connectors/aliexpress/index.ts';
import type { AppContext } from '../../../context.ts';
import { requireRole, requireShop, type Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { getOrder } from '../../orders/index.ts';
import { listSupplierOrders, recordSupplierOrder, type SupplierOrder } from '../../suppliers/index.ts';
import { loadSupplierAccount } from '../accounts.repository.ts';
import { aliExpressClientFor } from '../clients.ts';
import { platformError } from '../platform-error.ts';
import { listShippingPresets, pickShippingMethod } from '../queries/sourcing-settings.ts';
import { aliExpressAddressFor, type AddressOverride } from '../shipping-address.ts';
import { lifecycleTarget } from '../supplier-order-links.ts';

export interface PlaceSupplierOrdersInput {
  orderId: string;
  accountId?: string | null;
  address?: AddressOverride;
}

export interface PlacedSupplierOrders {
  outOrderId: string;
  /** true when this store order had been placed before: nothing new was created */
  repeated: boolean;
  supplierOrders: SupplierOrder[];
}

/** AliExpress's idempotency key for a store order: the same store order never becomes two purchases. */
export const outOrderIdFor = (orderId: string) => `recoup-${orderId}`;

const HINTS: [RegExp, string][] = [
  [/ADDRESS|INVALID_ZONE|INVALID_COUNTRIES|CPF/, 'Correct the shipping address (in the store, or send "address" with this request) and place the order again.'],
  [/DELIVERY_METHOD_NOT_EXIST/, 'Choose a shipping method AliExpress offers for this product and destination in Settings → Sourcing → shipping presets (GET /api/v1/sourcing/freight lists them).'],
  [/INVENTORY_HOLD_ERROR/, 'Map the SKU to another AliExpress product or variant, or wait for stock.'],
  [/ERROR_WHEN_BUILD_FOR_PLACE_ORDER/, 'Check the product mapping (product id and sku_attr) of this order’s SKUs.'],
];

/**
 * Buys a store order's lines on AliExpress: products from the SKU mappings, shipping methods from
 * the presets, one request carrying out_order_id derived from the store order (so a repeat never
 * buys twice). AliExpress answers one order per seller; each becomes a supplier order with its
 * lines and what was paid. A refusal records nothing.
 */
export async function placeSupplierOrders(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>, actor: Actor, input: PlaceSupplierOrdersInput): Promise<PlacedSupplierOrders> {
  requireRole(actor, 'agent');
  const order = await getOrder(ctx.db, actor.workspaceId, input.orderId);
  requireShop(actor, order.shopId);
  const outOrderId = outOrderIdFor(order.id);
  const recorded = async () => {
    const links = await ctx.db.selectFrom('supplier_order_links').select('supplier_order_id').where('workspace_id', '=', actor.workspaceId).where('out_order_id', '=', outOrderId).execute();
    const ids = new Set(links.map((l) => l.supplier_order_id));
    return (await listSupplierOrders(ctx.db, { workspaceId: actor.workspaceId, orderId: order.id })).filter((s) => ids.has(s.id));
  };
  const before = await recorded();
  if (before.length > 0) return { outOrderId, repeated: true, supplierOrders: before };
  if (order.cancelledAt) throw new AppError('CONFLICT', `Order ${order.orderNumber} was cancelled on ${order.cancelledAt.slice(0, 10)}; it is not placed with a supplier.`);

  // What to buy: every line's SKU must be mapped, and every product needs a shipping method.
  const skus = [...new Set(order.lines.map((l) => l.sku).filter((s): s is string => !!s))];
  const mappings = skus.length ? await ctx.db.selectFrom('product_mappings').selectAll().where('workspace_id', '=', actor.workspaceId).where('sku', 'in', skus).execute() : [];
  const bySku = new Map(mappings.map((m) => [m.sku, m]));
  const unmapped = order.lines.filter((l) => !l.sku || !bySku.has(l.sku)).map((l) => l.sku ?? `"${l.title}" (no SKU)`);
  if (unmapped.length > 0) throw new AppError('VALIDATION_FAILED', `No AliExpress product is mapped for ${unmapped.join(', ')} on order ${order.orderNumber}; map each SKU in Settings → Sourcing first.`);
  const address = aliExpressAddressFor(order.orderNumber, order.shippingAddress, await customerPhone(ctx, order.customer?.id ?? null), input.address);
  const presets = await listShippingPresets(ctx.db, actor.workspaceId);
  const items = order.lines.map((line) => {
    const mapping = bySku.get(line.sku!)!;
    const shippingMethod = pickShippingMethod(presets, mapping.product_id, address.country);
    if (!shippingMethod) {
      throw new AppError('VALIDATION_FAILED', `No shipping method is set for product ${mapping.product_id} (SKU ${line.sku}) to ${address.country}; add a preset for it, a default for ${address.country}, or a global default.`);
    }
    return { line, mapping, request: { productId: mapping.product_id, skuAttr: mapping.sku_attr, quantity: line.quantity, shippingMethod } };
  });

  const account = await loadSupplierAccount(ctx.db, ctx.config.secretKey, actor.workspaceId, 'aliexpress', input.accountId);
  const client = aliExpressClientFor(ctx, account);
  const request: PlaceOrderRequest = { outOrderId, address, items: items.map((i) => i.request), tryToPay: account.autoPay };
  let aeOrders: AliExpressOrder[];
  try {
    const placed = await client.placeOrder(request);
    aeOrders = await Promise.all(placed.orderIds.map((id) => client.getOrder(id, { withTracking: false })));
  } catch (error) {
    const code = error instanceof AliExpressError ? (error.code ?? '') : '';
    const hint = HINTS.find(([pattern]) => pattern.test(code))?.[1];
    throw platformError(error, `AliExpress did not place order ${order.orderNumber}`, hint ? { invalid: hint, not_found: hint } : undefined);
  }

  const now = ctx.clock.now();
  // The first orders from a new AliExpress store race to create its supplier row; the loser's
  // transaction hits the unique name and simply runs again, finding it.
  await retryOnUniqueViolation(() => ctx.db.transaction().execute(async (tx) => {
    // One recorder per store order at a time; a concurrent placement that got here first wins.
    await tx.selectFrom('orders').select('id').where('id', '=', order.id).forUpdate().execute();
    const already = await tx.selectFrom('supplier_order_links').select('supplier_order_id').where('workspace_id', '=', actor.workspaceId).where('out_order_id', '=', outOrderId).executeTakeFirst();
    if (already) return;
    const unused = [...items];
    for (const ae of aeOrders) {
      const lines = ae.lines.flatMap((aeLine) => {
        const index = unused.findIndex((i) => i.request.productId === aeLine.productId && i.request.quantity === aeLine.quantity);
        const match = index >= 0 ? index : unused.findIndex((i) => i.request.productId === aeLine.productId);
        if (match < 0) return [];
        const [item] = unused.splice(match, 1);
        return [{ orderLineId: item!.line.id, quantity: item!.line.quantity, costMinor: aeLine.unitPriceMinor * aeLine.quantity + aeLine.shippingMinor, mapping: item!.mapping }];
      });
      if (lines.length === 0) throw new AppError('PLATFORM_REJECTED', `AliExpress order ${ae.orderId} holds none of the products asked for; check it on AliExpress before placing again.`);
      const target = lifecycleTarget(ae);
      const paid = target !== null && target !== 'placed' && target !== 'cancelled';
      const mapping = lines[0]!.mapping;
      const supplierOrderId = await recordSupplierOrder(
        tx,
        {
          workspaceId: actor.workspaceId,
          orderId: order.id,
          supplier: { platform: 'aliexpress', name: mapping.supplier_name, storeUrl: ae.store?.url ?? mapping.supplier_store_url, externalId: ae.store?.id ?? null },
          externalId: ae.orderId,
          buyerAccount: account.buyerAccount ?? account.name,
          currency: ae.currency,
          paidMinor: ae.paidMinor,
          shippingMethod: [...new Set(items.filter((i) => lines.some((l) => l.orderLineId === i.line.id)).map((i) => i.request.shippingMethod))].join(', '),
          placedAt: ae.createdAt ? new Date(ae.createdAt) : now,
          paidAt: paid ? (ae.paidAt ? new Date(ae.paidAt) : now) : null,
          status: paid ? 'paid' : 'placed',
          lines: lines.map(({ orderLineId, quantity, costMinor }) => ({ orderLineId, quantity, costMinor })),
        },
        actor.label,
        now,
      );
      await tx
        .insertInto('supplier_order_links')
        .values({
          supplier_order_id: supplierOrderId, workspace_id: actor.workspaceId, account_id: account.id, out_order_id: outOrderId,
          platform_status: ae.rawStatus, detail_status: ae.status, logistics_status: ae.logisticsStatus, total_minor: ae.totalMinor, synced_at: now,
        })
        .execute();
    }
  }));
  return { outOrderId, repeated: false, supplierOrders: await recorded() };
}

async function customerPhone(ctx: Pick<AppContext, 'db'>, customerId: string | null): Promise<string | null> {
  if (!customerId) return null;
  const row = await ctx.db.selectFrom('customers').select('phone').where('id', '=', customerId).executeTakeFirst();
  return row?.phone ?? null;
}

async function retryOnUniqueViolation<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if ((error as { code?: string }).code !== '23505' || attempt >= 2) throw error;
    }
  }
}
