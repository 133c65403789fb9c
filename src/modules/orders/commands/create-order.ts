import type { Executor } from '../../../db/database.ts';
import { upsertCustomer } from '../../customers/index.ts';
import { appendTimeline } from '../../timeline/index.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { assertMinor, currencyExponent, sum } from '../../../shared/money.ts';

export interface CreateOrderInput {
  workspaceId: string;
  shopId: string;
  orderNumber: string;
  externalId?: string | null;
  placedAt: Date;
  currency: string;
  customer: { email: string | null; name: string | null; externalId?: string | null };
  shippingCountry: string | null;
  shippingAddress?: Record<string, unknown> | null;
  shippingMinor: number;
  /** already refunded by the platform before Recoup saw the order */
  refundedMinor?: number;
  lines: { externalId?: string | null; sku: string | null; title: string; quantity: number; unitPriceMinor: number }[];
}

/** Writes one order with its lines inside the caller's transaction. Returns the new order id. */
export async function createOrder(tx: Executor, input: CreateOrderInput, actor: string): Promise<string> {
  currencyExponent(input.currency);
  if (input.lines.length === 0) throw new AppError('VALIDATION_FAILED', `Order ${input.orderNumber} has no lines.`);
  for (const line of input.lines) {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) throw new AppError('VALIDATION_FAILED', `quantity of "${line.title}" must be a positive whole number.`);
    assertMinor(line.unitPriceMinor, 'unit price');
    if (line.unitPriceMinor < 0) throw new AppError('VALIDATION_FAILED', `unit price of "${line.title}" cannot be negative.`);
  }
  const totalMinor = sum(input.lines.map((l) => l.unitPriceMinor * l.quantity)) + assertMinor(input.shippingMinor, 'shipping');
  const existing = await tx.selectFrom('orders').select('id').where('shop_id', '=', input.shopId).where('order_number', '=', input.orderNumber).executeTakeFirst();
  if (existing) throw new AppError('CONFLICT', `Order ${input.orderNumber} already exists in this shop (${existing.id}).`);

  const customerId = await upsertCustomer(tx, { workspaceId: input.workspaceId, shopId: input.shopId, ...input.customer });
  const id = newId('order');
  await tx
    .insertInto('orders')
    .values({
      id,
      workspace_id: input.workspaceId,
      shop_id: input.shopId,
      external_id: input.externalId ?? null,
      order_number: input.orderNumber,
      customer_id: customerId,
      currency: input.currency.toUpperCase(),
      total_minor: totalMinor,
      shipping_minor: input.shippingMinor,
      refunded_minor: input.refundedMinor ?? 0,
      shipping_country: input.shippingCountry?.toUpperCase() ?? null,
      shipping_address: input.shippingAddress ? JSON.stringify(input.shippingAddress) : null,
      placed_at: input.placedAt,
    })
    .execute();
  await tx
    .insertInto('order_lines')
    .values(
      input.lines.map((line, position) => ({
        id: newId('orderLine'),
        order_id: id,
        position,
        external_id: line.externalId ?? null,
        sku: line.sku,
        title: line.title,
        quantity: line.quantity,
        unit_price_minor: line.unitPriceMinor,
      })),
    )
    .execute();
  await appendTimeline(tx, {
    workspaceId: input.workspaceId,
    orderId: id,
    subjectType: 'order',
    subjectId: id,
    kind: 'order.placed',
    actor,
    visibility: 'customer',
    summary: `Order ${input.orderNumber} placed`,
    occurredAt: input.placedAt,
  });
  return id;
}
