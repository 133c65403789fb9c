import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';

export interface CustomerHistory {
  customerId: string;
  email: string | null;
  name: string | null;
  orders: number;
  cases: number;
  casesByReason: Record<string, number>;
  refundedMinor: number;
}

/** Earlier claims and refunds of a customer, shown on every case. */
export async function customerHistory(db: Executor, customerId: string): Promise<CustomerHistory | null> {
  const customer = await db.selectFrom('customers').select(['id', 'email', 'name']).where('id', '=', customerId).executeTakeFirst();
  if (!customer) return null;
  const [orders, cases, refunded] = await Promise.all([
    db.selectFrom('orders').select(sql<number>`count(*)::int`.as('n')).where('customer_id', '=', customerId).executeTakeFirstOrThrow(),
    db.selectFrom('cases').select(['reason', sql<number>`count(*)::int`.as('n')]).where('customer_id', '=', customerId).groupBy('reason').execute(),
    db
      .selectFrom('ledger_entries')
      .innerJoin('orders', 'orders.id', 'ledger_entries.order_id')
      .select(sql<number>`coalesce(sum(ledger_entries.amount_minor), 0)::bigint`.as('n'))
      .where('orders.customer_id', '=', customerId)
      .where('ledger_entries.kind', 'in', ['refund', 'store_credit'])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    customerId: customer.id,
    email: customer.email,
    name: customer.name,
    orders: orders.n,
    cases: cases.reduce((a, c) => a + c.n, 0),
    casesByReason: Object.fromEntries(cases.map((c) => [c.reason, c.n])),
    refundedMinor: Number(refunded.n),
  };
}
