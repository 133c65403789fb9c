import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';

// AliExpress blocks buyer accounts that dispute too much. The ratio is disputes filed over
// supplier orders placed, per buyer account, over a rolling window; the threshold is editable
// (workspace settings.disputeRatioWarning), 5% by default.
export const DEFAULT_DISPUTE_RATIO_WARNING = 0.05;

export interface BuyerAccountRatio {
  buyerAccount: string;
  orders: number;
  disputes: number;
  ratio: number;
  warning: boolean;
}

export async function buyerAccountRatios(db: Executor, workspaceId: string, now: Date, days = 90): Promise<BuyerAccountRatio[]> {
  const workspace = await db.selectFrom('workspaces').select('settings').where('id', '=', workspaceId).executeTakeFirst();
  const threshold = Number((workspace?.settings as { disputeRatioWarning?: number } | undefined)?.disputeRatioWarning ?? DEFAULT_DISPUTE_RATIO_WARNING);
  const since = new Date(now.getTime() - days * 86_400_000);
  const { rows } = await sql<{ account: string; orders: number; disputes: number }>`
    select coalesce(so.buyer_account, 'default') as account,
      count(distinct so.id)::int as orders,
      count(distinct d.id) filter (where d.opened_at >= ${since})::int as disputes
    from supplier_orders so
    left join disputes d on d.supplier_order_id = so.id and d.opened_at is not null
    where so.workspace_id = ${workspaceId} and coalesce(so.placed_at, so.created_at) >= ${since}
    group by 1 order by 1
  `.execute(db);
  return rows.map((r) => {
    const ratio = r.orders ? r.disputes / r.orders : 0;
    return { buyerAccount: r.account, orders: r.orders, disputes: r.disputes, ratio, warning: ratio >= threshold };
  });
}
