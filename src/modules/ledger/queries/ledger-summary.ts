import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import type { LedgerKind } from '../../../db/schema.ts';
import { emptyTotals, summarizeMoney, type MoneySummary, type MoneyTotals } from '../money-summary.ts';

const FIELD: Record<LedgerKind, keyof MoneyTotals> = {
  refund: 'refundedMinor',
  store_credit: 'storeCreditMinor',
  discount: 'discountMinor',
  reship_cost: 'reshipCostMinor',
  recovery: 'recoveredMinor',
};

/**
 * Money of one case: ledger entries plus what the customer and the supplier were paid for its
 * lines (shipping counts as paid by the customer when the case covers the whole order, as a full
 * refund then returns it too).
 */
export async function caseMoney(db: Executor, caseId: string): Promise<MoneySummary> {
  const kase = await db.selectFrom('cases').innerJoin('orders', 'orders.id', 'cases.order_id').select(['orders.id', 'orders.currency', 'orders.shipping_minor']).where('cases.id', '=', caseId).executeTakeFirstOrThrow();
  const lines = await db
    .selectFrom('order_lines')
    .leftJoin('case_lines', (join) => join.onRef('case_lines.order_line_id', '=', 'order_lines.id').on('case_lines.case_id', '=', caseId))
    .leftJoin('supplier_order_lines', 'supplier_order_lines.order_line_id', 'order_lines.id')
    .select(['order_lines.quantity', 'order_lines.unit_price_minor', 'case_lines.quantity as claimed', 'supplier_order_lines.quantity as supplied', 'supplier_order_lines.cost_minor'])
    .where('order_lines.order_id', '=', kase.id)
    .execute();
  let paid = 0;
  let cost = 0;
  for (const line of lines) {
    if (!line.claimed) continue;
    paid += line.unit_price_minor * line.claimed;
    // cost of the affected quantity, pro rata to what the supplier line covered
    if (line.cost_minor !== null && line.supplied) cost += Math.round((line.cost_minor * Math.min(line.claimed, line.supplied)) / line.supplied);
  }
  if (lines.every((l) => l.claimed === l.quantity)) paid += kase.shipping_minor;
  const totals: MoneyTotals = { ...emptyTotals(kase.currency), customerPaidMinor: paid, supplierCostMinor: cost };
  const entries = await db.selectFrom('ledger_entries').select(['kind', sql<number>`sum(amount_minor)::bigint`.as('total')]).where('case_id', '=', caseId).groupBy('kind').execute();
  for (const entry of entries) totals[FIELD[entry.kind]] = Number(entry.total) as never;
  return summarizeMoney(totals);
}

export interface LedgerRow {
  key: string;
  currency: string;
  refundedMinor: number;
  storeCreditMinor: number;
  reshipCostMinor: number;
  recoveredMinor: number;
  costMinor: number;
}

/** Refunded vs recovered grouped by month, supplier, shop, order or case, per currency. */
export async function ledgerByGroup(
  db: Executor,
  filter: { workspaceId: string; groupBy: 'month' | 'supplier' | 'shop' | 'order' | 'case'; from?: Date; to?: Date; shopId?: string },
): Promise<LedgerRow[]> {
  const key =
    filter.groupBy === 'month'
      ? sql<string>`to_char(date_trunc('month', ledger_entries.occurred_at), 'YYYY-MM')`
      : filter.groupBy === 'supplier'
        ? sql<string>`coalesce(ledger_entries.supplier_id, 'none')`
        : filter.groupBy === 'order'
          ? sql<string>`ledger_entries.order_id`
          : filter.groupBy === 'case'
            ? sql<string>`coalesce(ledger_entries.case_id, 'none')`
            : sql<string>`ledger_entries.shop_id`;
  let query = db
    .selectFrom('ledger_entries')
    .select([
      key.as('key'),
      'currency',
      sql<number>`sum(amount_minor) filter (where kind = 'refund')`.as('refunded'),
      sql<number>`sum(amount_minor) filter (where kind = 'store_credit')`.as('store_credit'),
      sql<number>`sum(amount_minor) filter (where kind = 'reship_cost')`.as('reship'),
      sql<number>`sum(amount_minor) filter (where kind = 'recovery')`.as('recovered'),
    ])
    .where('workspace_id', '=', filter.workspaceId);
  if (filter.from) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('occurred_at', '<', filter.to);
  if (filter.shopId) query = query.where('shop_id', '=', filter.shopId);
  const rows = await query.groupBy([key, 'currency']).orderBy(key).execute();
  return rows.map((r) => {
    const refunded = Number(r.refunded ?? 0);
    const credit = Number(r.store_credit ?? 0);
    const reship = Number(r.reship ?? 0);
    const recovered = Number(r.recovered ?? 0);
    return { key: r.key, currency: r.currency, refundedMinor: refunded, storeCreditMinor: credit, reshipCostMinor: reship, recoveredMinor: recovered, costMinor: refunded + credit + reship - recovered };
  });
}
