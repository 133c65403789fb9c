import type { Tx } from '../../../db/database.ts';
import type { SupplierPlatform } from '../../../db/schema.ts';
import { appendTimeline } from '../../timeline/index.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { assertMinor, currencyExponent } from '../../../shared/money.ts';
import type { SupplierOrderStatus } from '../supplier-orders.states.ts';
import { refreshDisputeWindow } from './refresh-dispute-window.ts';

export interface RecordSupplierOrderInput {
  workspaceId: string;
  orderId: string;
  supplier: { platform: SupplierPlatform; name: string; storeUrl?: string | null; externalId?: string | null };
  externalId: string | null;
  buyerAccount?: string | null;
  currency: string;
  paidMinor: number;
  shippingMethod: string | null;
  placedAt: Date;
  paidAt?: Date | null;
  shippedAt?: Date | null;
  status?: SupplierOrderStatus;
  lines: { orderLineId: string; quantity: number; costMinor: number }[];
}

export async function upsertSupplier(tx: Tx, workspaceId: string, supplier: RecordSupplierOrderInput['supplier']): Promise<string> {
  const found = await tx
    .selectFrom('suppliers')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('platform', '=', supplier.platform)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', supplier.name.toLowerCase()))
    .executeTakeFirst();
  if (found) return found.id;
  const id = newId('supplier');
  await tx
    .insertInto('suppliers')
    .values({ id, workspace_id: workspaceId, platform: supplier.platform, name: supplier.name, store_url: supplier.storeUrl ?? null, external_id: supplier.externalId ?? null })
    .execute();
  return id;
}

/** Links store order lines to the supplier order that fulfils them, with what was paid. */
export async function recordSupplierOrder(tx: Tx, input: RecordSupplierOrderInput, actor: string, now: Date): Promise<string> {
  currencyExponent(input.currency);
  assertMinor(input.paidMinor, 'paid amount');
  if (input.lines.length === 0) throw new AppError('VALIDATION_FAILED', 'A supplier order needs at least one order line.');
  const supplierId = await upsertSupplier(tx, input.workspaceId, input.supplier);
  const status: SupplierOrderStatus = input.status ?? (input.shippedAt ? 'shipped' : input.paidAt ? 'paid' : 'placed');
  const id = newId('supplierOrder');
  await tx
    .insertInto('supplier_orders')
    .values({
      id,
      workspace_id: input.workspaceId,
      order_id: input.orderId,
      supplier_id: supplierId,
      external_id: input.externalId,
      buyer_account: input.buyerAccount ?? null,
      status,
      currency: input.currency.toUpperCase(),
      paid_minor: input.paidMinor,
      shipping_method: input.shippingMethod,
      placed_at: input.placedAt,
      paid_at: input.paidAt ?? null,
      shipped_at: input.shippedAt ?? null,
    })
    .execute();
  await tx
    .insertInto('supplier_order_lines')
    .values(input.lines.map((l) => ({ supplier_order_id: id, order_line_id: l.orderLineId, quantity: l.quantity, cost_minor: assertMinor(l.costMinor, 'line cost') })))
    .execute();
  await refreshDisputeWindow(tx, id, now);
  await appendTimeline(tx, {
    workspaceId: input.workspaceId,
    orderId: input.orderId,
    subjectType: 'supplier_order',
    subjectId: id,
    kind: 'supplier_order.recorded',
    actor,
    visibility: 'internal',
    summary: `Supplier order ${input.externalId ?? id} with ${input.supplier.name} (${status})`,
    data: { supplier: input.supplier.name, externalId: input.externalId, paidMinor: input.paidMinor },
    occurredAt: input.placedAt,
  });
  return id;
}
