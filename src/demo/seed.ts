import type { AppContext } from '../context.ts';
import { CASE_REASONS, confirmDetails, openCase, recordMessage, requestInfo, verifyCase, waiveSupplier, type CaseReason } from '../modules/cases/index.ts';
import { prepareDispute, recordDisputeEvent } from '../modules/disputes/index.ts';
import { createOrder } from '../modules/orders/index.ts';
import { addTrackingNumber, recordTrackingEvents, scanParcelTrouble } from '../modules/parcels/index.ts';
import { approveResolution, executeResolution, proposeResolution } from '../modules/resolutions/index.ts';
import { createShop } from '../modules/shops/index.ts';
import { ensureWorkspace } from '../modules/staff/index.ts';
import { recordSupplierOrder } from '../modules/suppliers/index.ts';
import { systemActor, type Actor } from '../shared/actor.ts';
import { DAY_MS, fixedClock } from '../shared/clock.ts';
import { isAppError } from '../shared/errors.ts';
import { COUNTRIES, CARRIERS, FIRST_NAMES, LAST_NAMES, PRODUCTS, SHIPPING_METHODS, SUPPLIERS, random } from './catalog.ts';
import { journey, type JourneyKind } from './journeys.ts';

export interface DemoSummary {
  shops: number;
  orders: number;
  parcels: number;
  cases: number;
}

const JOURNEYS: [JourneyKind, number][] = [['delivered', 0.62], ['moving', 0.12], ['stalled', 0.1], ['customs', 0.04], ['returned', 0.04], ['lost', 0.04], ['failed_attempt', 0.04]];

/**
 * A living business: a few hundred orders over the last ~80 days, parcels in every state, and
 * cases at every step, all written through the same commands staff use.
 */
export async function seedDemo(ctx: AppContext, options: { orders?: number; seed?: number; now?: Date } = {}): Promise<DemoSummary> {
  const rnd = random(options.seed ?? 7);
  const now = options.now ?? ctx.clock.now();
  const clock = fixedClock(now);
  const at = { ...ctx, clock };
  const workspaceId = await ensureWorkspace(ctx.db);
  const actor: Actor = { ...systemActor(workspaceId), type: 'user', label: 'alex@gadgetcorner.demo' };
  const shops = [
    await createShop({ db: ctx.db, secretKey: ctx.config.secretKey }, actor, { name: 'Gadget Corner', platform: 'manual', currency: 'USD', branding: { color: '#2563eb' } }),
    await createShop({ db: ctx.db, secretKey: ctx.config.secretKey }, actor, { name: 'Maison Lumière', platform: 'manual', currency: 'EUR', branding: { color: '#b45309' } }),
  ];
  const summary: DemoSummary = { shops: shops.length, orders: 0, parcels: 0, cases: 0 };
  const count = options.orders ?? 300;

  for (let i = 0; i < count; i++) {
    const shop = rnd.chance(0.75) ? shops[0]! : shops[1]!;
    const placedAt = new Date(now.getTime() - (80 * i) / count * DAY_MS - rnd.int(0, 20) * 3_600_000);
    const country = shop.currency === 'EUR' ? rnd.pick(['FR', 'DE', 'FR', 'BE', 'NL']) : rnd.pick(COUNTRIES);
    const first = rnd.pick(FIRST_NAMES);
    const last = rnd.pick(LAST_NAMES);
    const email = `${first}.${last}${rnd.int(1, 99)}@example.com`.toLowerCase().normalize('NFD').replace(/[^\x20-\x7e]/g, '');
    const picks = [rnd.pick(PRODUCTS), ...(rnd.chance(0.25) ? [rnd.pick(PRODUCTS)] : [])].filter((p, k, all) => all.findIndex((q) => q.sku === p.sku) === k);
    const lines = picks.map((p) => ({ sku: p.sku, title: p.title, quantity: rnd.chance(0.15) ? 2 : 1, unitPriceMinor: p.price }));

    clock.set(placedAt);
    const orderId = await ctx.db.transaction().execute((tx) =>
      createOrder(tx, { workspaceId, shopId: shop.id, orderNumber: `#${(shop === shops[0] ? 1000 : 5000) + count - i}`, placedAt, currency: shop.currency, customer: { email, name: `${first} ${last}` }, shippingCountry: country, shippingMinor: rnd.pick([0, 0, 499, 299]), lines }, actor.label),
    );
    summary.orders++;
    const orderLines = await ctx.db.selectFrom('order_lines').select(['id', 'sku', 'quantity']).where('order_id', '=', orderId).orderBy('position').execute();

    const age = (now.getTime() - placedAt.getTime()) / DAY_MS;
    const shipped = age > 4 && !rnd.chance(0.03);
    const shippedAt = shipped ? new Date(placedAt.getTime() + rnd.int(2, 4) * DAY_MS) : null;
    const supplier = SUPPLIERS[picks[0]!.supplier]!;
    const supplierOrderId = await ctx.db.transaction().execute((tx) =>
      recordSupplierOrder(
        tx,
        {
          workspaceId,
          orderId,
          supplier: { platform: supplier.platform, name: supplier.name },
          externalId: String(8_100_000_000_000_000 + i * 7919),
          buyerAccount: 'buyer-main',
          currency: shop.currency,
          paidMinor: picks.reduce((sum, p, k) => sum + p.cost * lines[k]!.quantity, 0),
          shippingMethod: rnd.pick(SHIPPING_METHODS),
          placedAt: new Date(placedAt.getTime() + 3 * 3_600_000),
          paidAt: new Date(placedAt.getTime() + 3 * 3_600_000),
          shippedAt,
          lines: orderLines.map((l, k) => ({ orderLineId: l.id, quantity: l.quantity, costMinor: picks[k]!.cost * l.quantity })),
        },
        actor.label,
        clock.now(),
      ),
    );
    if (!shippedAt || rnd.chance(0.03)) continue; // not shipped yet, or shipped without a tracking number

    const roll = rnd.next();
    let acc = 0;
    const kind = JOURNEYS.find(([, p]) => (acc += p) >= roll)?.[0] ?? 'delivered';
    const pace = country === 'BR' ? 1.8 : rnd.pick([0.8, 1, 1, 1.2, 1.5]);
    const trackingNumber = `LP${String(10_000_000_000 + i * 104_729).slice(0, 11)}CN`;
    const { parcelId } = await ctx.db.transaction().execute((tx) =>
      addTrackingNumber(tx, { workspaceId, orderId, supplierOrderId, trackingNumber, carrier: rnd.pick(CARRIERS), shippedAt, promisedBy: new Date(shippedAt.getTime() + 20 * DAY_MS) }, 'supplier', { jobs: ctx.jobs, now }),
    );
    summary.parcels++;
    const events = journey(kind, shippedAt, country, pace).filter((e) => e.occurredAt <= now);
    if (events.length) await ctx.db.transaction().execute((tx) => recordTrackingEvents(tx, { parcelId, source: 'aftership', events }, 'aftership'));

    const lastEventAt = events.at(-1)?.occurredAt ?? shippedAt;
    const troubled = kind !== 'delivered' && kind !== 'moving';
    if (!(troubled ? rnd.chance(0.55) : rnd.chance(0.1))) continue;
    const reason: CaseReason = troubled ? (kind === 'stalled' && rnd.chance(0.3) ? 'late_delivery' : 'not_received') : rnd.pick(CASE_REASONS.filter((r) => !['not_received', 'late_delivery', 'other'].includes(r)));
    const openedAt = new Date(Math.min(now.getTime() - 3_600_000, lastEventAt.getTime() + rnd.int(1, 6) * DAY_MS));
    await walkCase(at, clock, actor, rnd, { orderId, supplierOrderId, reason, openedAt, now });
    summary.cases++;
  }
  clock.set(now);
  await scanParcelTrouble(at);
  return summary;
}

/** Takes a case as far as a randomly chosen step, the way staff would. */
async function walkCase(
  ctx: AppContext,
  clock: ReturnType<typeof fixedClock>,
  actor: Actor,
  rnd: ReturnType<typeof random>,
  input: { orderId: string; supplierOrderId: string; reason: CaseReason; openedAt: Date; now: Date },
) {
  const step = rnd.int(0, 11);
  let t = input.openedAt.getTime();
  const tick = (hours: number) => {
    t = Math.min(input.now.getTime() - 60_000, t + hours * 3_600_000);
    clock.set(new Date(t));
  };
  clock.set(input.openedAt);
  const customer: Actor = { ...actor, type: step % 2 === 0 ? 'customer' : 'user', label: step % 2 === 0 ? 'customer' : actor.label };
  const kase = await openCase(ctx, customer, { orderId: input.orderId, reason: input.reason, description: 'Reported from the demo data.' });
  try {
    if (step === 0) return;
    tick(5);
    if (step === 1) {
      await requestInfo(ctx, actor, kase.id, 'Could you send a photo of the item and of the box?');
      return;
    }
    await confirmDetails(ctx, actor, kase.id);
    tick(2);
    await verifyCase(ctx, actor, kase.id);
    if (step === 2) return;
    tick(3);
    await recordMessage(ctx, actor, { caseId: kase.id, channel: 'supplier', direction: 'outbound', body: 'Hello, the customer reports a problem with this order. Can you help?' });
    if (step === 3) return;
    tick(20);
    if (step === 11) {
      const reship = await proposeResolution(ctx, actor, { caseId: kase.id, kind: 'reship', reshipCostMinor: 700 });
      await approveResolution(ctx, actor, reship.id);
      await executeResolution(ctx, actor, reship.id, {});
      await waiveSupplier(ctx, actor, kase.id, 'Supplier sent a replacement at cost; not worth a dispute');
      return;
    }
    const dispute = await prepareDispute(ctx, actor, { caseId: kase.id, supplierOrderId: input.supplierOrderId });
    if (step === 4) return;
    tick(4);
    await recordDisputeEvent(ctx, actor, dispute.id, { type: 'opened', externalId: `AE-${kase.number}` });
    if (step === 5) return;
    tick(6);
    const kind = rnd.chance(0.2) ? 'partial_refund' : 'full_refund';
    const resolution = await proposeResolution(ctx, actor, { caseId: kase.id, kind, percent: kind === 'partial_refund' ? 30 : undefined });
    if (step === 6) return;
    await approveResolution(ctx, actor, resolution.id);
    if (step === 7) return;
    tick(1);
    await executeResolution(ctx, actor, resolution.id, { externalReference: `manual-${kase.number}` });
    if (step === 8) return;
    tick(24 * rnd.int(3, 9));
    if (step === 9) await recordDisputeEvent(ctx, actor, dispute.id, { type: 'won' });
    else await recordDisputeEvent(ctx, actor, dispute.id, rnd.chance(0.5) ? { type: 'lost' } : { type: 'partly_won', recoveredMinor: Math.floor(dispute.amountMinor / 2) });
  } catch (error) {
    // A window already closed, or a step the state no longer allows: the case stays where it got to.
    if (!isAppError(error)) throw error;
  }
}
