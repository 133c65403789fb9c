import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { AppError } from '../../../shared/errors.ts';
import { loadLines, selectOrders, toOrder, type Order } from '../orders.repository.ts';

export interface OrderFilter {
  workspaceId: string;
  shopIds?: string[] | null;
  shopId?: string;
  /** order number, customer email or name, or tracking number */
  q?: string;
  country?: string;
  placedFrom?: Date;
  placedTo?: Date;
  withOpenCase?: boolean;
  limit: number;
  cursor?: string | null;
}

// The cursor is the (placed_at, id) of the last row seen: stable while new orders arrive.
const encodeCursor = (placedAt: string, id: string) => Buffer.from(JSON.stringify([placedAt, id])).toString('base64url');
function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return value as [string, string];
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION_FAILED', 'cursor is not one this API gave out; start again without it.');
}

export async function listOrders(db: Executor, filter: OrderFilter): Promise<{ items: Order[]; nextCursor: string | null }> {
  let query = selectOrders(db).where('orders.workspace_id', '=', filter.workspaceId);
  if (filter.shopIds) query = query.where('orders.shop_id', 'in', filter.shopIds.length ? filter.shopIds : ['-']);
  if (filter.shopId) query = query.where('orders.shop_id', '=', filter.shopId);
  if (filter.country) query = query.where('orders.shipping_country', '=', filter.country.toUpperCase());
  if (filter.placedFrom) query = query.where('orders.placed_at', '>=', filter.placedFrom);
  if (filter.placedTo) query = query.where('orders.placed_at', '<', filter.placedTo);
  if (filter.withOpenCase) {
    query = query.where(({ exists, selectFrom }) => exists(selectFrom('cases').select('cases.id').whereRef('cases.order_id', '=', 'orders.id').where('cases.closed_at', 'is', null)));
  }
  if (filter.q) {
    const q = filter.q.trim();
    const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('orders.order_number', '=', q),
        eb('orders.order_number', '=', `#${q.replace(/^#/, '')}`),
        eb('customers.email', 'ilike', like),
        eb('customers.name', 'ilike', like),
        eb.exists(eb.selectFrom('parcels').select('parcels.id').whereRef('parcels.order_id', '=', 'orders.id').where('parcels.tracking_number', '=', q.toUpperCase())),
      ]),
    );
  }
  if (filter.cursor) {
    const [placedAt, id] = decodeCursor(filter.cursor);
    query = query.where(sql<boolean>`(orders.placed_at, orders.id) < (${new Date(placedAt)}, ${id})`);
  }
  const rows = await query.orderBy('orders.placed_at', 'desc').orderBy('orders.id', 'desc').limit(filter.limit + 1).execute();
  const page = rows.slice(0, filter.limit);
  const lines = await loadLines(db, page.map((r) => r.id));
  const items = page.map((row) => toOrder(row, lines.get(row.id) ?? []));
  const last = page.at(-1);
  return { items, nextCursor: rows.length > filter.limit && last ? encodeCursor(last.placed_at.toISOString(), last.id) : null };
}
