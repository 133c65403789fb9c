import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { ConnectorError, type DiscountRequest, type RefundRequest, type StoreConnector } from '../../../connectors/types.ts';
import type { AppContext } from '../../../context.ts';
import { completeResolution, failResolution } from '../../resolutions/index.ts';
import { storeConnectorFor } from '../connector-for.ts';
import { refreshStoreOrder } from './refresh-store-order.ts';

// Executes an approved resolution through the store, exactly once however often the job runs:
//  1. the intent is written first (store_executions, keyed by the resolution id), committed;
//  2. a lease on that row makes one worker at a time call the store; a dead worker's lease lapses
//     and the sweeper hands the work to another worker;
//  3. every call carries the resolution id as idempotency key, which the connector writes where the
//     platform keeps it (refund note/reason, discount title, coupon description);
//  4. any attempt after the first looks for that mark (findRefund/findDiscount) before calling again;
//  5. success completes the resolution and closes the intent in one transaction; a definitive
//     refusal fails the resolution (staff see it among failed actions); an unknown outcome is
//     retried by the job queue.

export const EXECUTION_LEASE_SECONDS = 600;
/** after this many attempts whose outcome stayed unknown, a person looks (after a last search for the mark) */
export const MAX_EXECUTION_ATTEMPTS = 12;

type Operation = { operation: 'refund'; request: RefundRequest } | { operation: 'store_credit'; request: RefundRequest } | { operation: 'discount'; request: DiscountRequest };
export type ExecutionOutcome = 'completed' | 'failed' | 'skipped' | 'busy';

/** Deterministic per resolution, so a retry asks for the same code. */
export const discountCodeFor = (resolutionId: string) => `RECOUP-${resolutionId.replace(/^[a-z]+_/, '').slice(-10).toUpperCase()}`;

export async function executeStoreResolution(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>, resolutionId: string): Promise<ExecutionOutcome> {
  const r = await ctx.db
    .selectFrom('resolutions')
    .innerJoin('cases', 'cases.id', 'resolutions.case_id')
    .innerJoin('orders', 'orders.id', 'resolutions.order_id')
    .innerJoin('shops', 'shops.id', 'cases.shop_id')
    .leftJoin('customers', 'customers.id', 'orders.customer_id')
    .select([
      'resolutions.id', 'resolutions.workspace_id', 'resolutions.kind', 'resolutions.status', 'resolutions.currency', 'resolutions.amount_minor', 'resolutions.details',
      'cases.number as case_number', 'cases.shop_id', 'shops.platform', 'orders.external_id as order_external_id', 'orders.order_number', 'customers.email as customer_email',
    ])
    .where('resolutions.id', '=', resolutionId)
    .executeTakeFirst();
  if (!r || r.status !== 'executing' || r.platform === 'manual') return 'skipped';
  if (r.kind === 'reship') {
    await failResolution(ctx, r.id, 'A reshipment is a new supplier order, placed on the supplier side (AliExpress or CJ); the store has nothing to execute. Place the supplier order, then record the reship.');
    return 'failed';
  }
  if (!r.order_external_id) {
    await failResolution(ctx, r.id, `Order ${r.order_number} is not linked to its ${r.platform} order (no external id); sync the shop, then retry.`);
    return 'failed';
  }
  const reason = String((r.details as { note?: unknown }).note ?? '') || `Recoup case #${r.case_number}`;
  const refund: RefundRequest = { orderExternalId: r.order_external_id, idempotencyKey: r.id, currency: r.currency, amountMinor: r.amount_minor, reason };
  const coupon: DiscountRequest = { idempotencyKey: r.id, code: discountCodeFor(r.id), currency: r.currency, amountMinor: r.amount_minor, customerEmail: r.customer_email };
  const op: Operation =
    r.kind === 'discount' ? { operation: 'discount', request: coupon }
      // WooCommerce has no store credit: its connector says to issue a coupon for the amount instead.
      : r.kind === 'store_credit' ? (r.platform === 'shopify' ? { operation: 'store_credit', request: { ...refund, toStoreCredit: true } } : { operation: 'discount', request: coupon })
        : { operation: 'refund', request: refund };

  // 1. The intent, committed before any call.
  await ctx.db
    .insertInto('store_executions')
    .values({ resolution_id: r.id, workspace_id: r.workspace_id, shop_id: r.shop_id, operation: op.operation, idempotency_key: r.id, request: JSON.stringify(op.request) })
    .onConflict((oc) => oc.column('resolution_id').doNothing())
    .execute();
  // A failed intent whose resolution staff sent again: the same intent, tried again (mark first).
  await ctx.db.updateTable('store_executions').set({ status: 'pending', updated_at: sql<Date>`now()` }).where('resolution_id', '=', r.id).where('status', '=', 'failed').execute();

  // 2. The lease: one caller at a time.
  const owner = randomUUID();
  const leased = await ctx.db
    .updateTable('store_executions')
    .set((eb) => ({ lease_owner: owner, lease_until: sql<Date>`now() + make_interval(secs => ${EXECUTION_LEASE_SECONDS})`, attempts: eb('attempts', '+', 1), updated_at: sql<Date>`now()` }))
    .where('resolution_id', '=', r.id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
    .returning(['attempts'])
    .executeTakeFirst();
  if (!leased) return 'busy';

  let connector: StoreConnector | null = null;
  try {
    connector = await storeConnectorFor(ctx, r.shop_id);
    // 4. After a crash or a lost answer: did the store already do it?
    const earlier = leased.attempts > 1 ? await findMark(connector, op) : null;
    if (earlier) return await finish(ctx, r.id, owner, earlier.externalId, earlier);
    if (leased.attempts > MAX_EXECUTION_ATTEMPTS) {
      return await refuse(ctx, r.id, owner, `Gave up after ${leased.attempts - 1} attempts whose outcome stayed unknown; the store shows nothing made for ${r.id}. Retry when the store is reachable.`);
    }
    // 3. The call, marked with the idempotency key.
    const made = op.operation === 'discount' ? await connector.createDiscount(op.request) : await connector.createRefund(op.request);
    return await finish(ctx, r.id, owner, made.externalId, made);
  } catch (error) {
    if (error instanceof ConnectorError && isDefinitive(error)) {
      if (error.kind === 'exceeds_refundable') {
        // Recoup's balance was behind the store's (a refund made in the store admin): catch up.
        if (connector) await refreshStoreOrder(ctx, r.shop_id, r.order_external_id, connector).catch(() => undefined);
        return await refuse(ctx, r.id, owner, `REFUND_EXCEEDS_REFUNDABLE: ${error.message}`);
      }
      return await refuse(ctx, r.id, owner, `${r.platform} refused: ${error.message}`);
    }
    // Unknown outcome or unreachable store: free the lease and let the job queue retry.
    await ctx.db.updateTable('store_executions').set({ lease_owner: null, lease_until: null, last_error: (error as Error).message.slice(0, 2000), updated_at: sql<Date>`now()` })
      .where('resolution_id', '=', r.id).where('lease_owner', '=', owner).execute();
    throw error;
  }
}

function isDefinitive(error: ConnectorError): boolean {
  // An OutcomeUnknownError is a ConnectorError too; only its mark can tell.
  if ((error as { outcomeUnknown?: boolean }).outcomeUnknown) return false;
  return error.kind !== 'unavailable' && error.kind !== 'rate_limited';
}

async function findMark(connector: StoreConnector, op: Operation): Promise<{ externalId: string } | null> {
  if (op.operation === 'discount') return connector.findDiscount(op.request.idempotencyKey, op.request.code);
  return connector.findRefund(op.request.orderExternalId, op.request.idempotencyKey);
}

async function finish(ctx: Pick<AppContext, 'db' | 'clock'>, resolutionId: string, owner: string, externalId: string, result: object): Promise<ExecutionOutcome> {
  await ctx.db.transaction().execute(async (tx) => {
    const intent = await tx.updateTable('store_executions')
      .set({ status: 'succeeded', external_id: externalId, result: JSON.stringify(result), lease_owner: null, lease_until: null, last_error: null, updated_at: sql<Date>`now()` })
      .where('resolution_id', '=', resolutionId).where('lease_owner', '=', owner).where('status', '=', 'pending')
      .returning('resolution_id').executeTakeFirst();
    if (!intent) return; // someone else settled it meanwhile
    const res = await tx.selectFrom('resolutions').select(['status', 'order_id', 'amount_minor', 'kind']).where('id', '=', resolutionId).forUpdate().executeTakeFirstOrThrow();
    if (res.status !== 'executing') return;
    if (res.kind !== 'discount' && res.kind !== 'reship') {
      // The store confirmed this refund; if a webhook already counted it on the order, count it once.
      await sql`update orders set refunded_minor = least(refunded_minor, total_minor - ${res.amount_minor}) where id = ${res.order_id} and refunded_minor > total_minor - ${res.amount_minor}`.execute(tx);
    }
    await completeResolution(tx, { resolutionId, externalId, actor: 'system', at: ctx.clock.now() });
  });
  return 'completed';
}

async function refuse(ctx: Pick<AppContext, 'db' | 'clock'>, resolutionId: string, owner: string, reason: string): Promise<ExecutionOutcome> {
  await ctx.db.updateTable('store_executions').set({ status: 'failed', last_error: reason.slice(0, 2000), lease_owner: null, lease_until: null, updated_at: sql<Date>`now()` })
    .where('resolution_id', '=', resolutionId).where('lease_owner', '=', owner).execute();
  await failResolution(ctx, resolutionId, reason);
  return 'failed';
}
