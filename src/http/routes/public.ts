import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { CASE_REASONS, getCase, listMessages, openCase, recordMessage, type Case } from '../../modules/cases/index.ts';
import { addEvidence, listEvidence, missingEvidence } from '../../modules/evidence/index.ts';
import { getOrder, type Order } from '../../modules/orders/index.ts';
import { listParcels } from '../../modules/parcels/index.ts';
import { getShop } from '../../modules/shops/index.ts';
import { listTimeline } from '../../modules/timeline/index.ts';
import { customerActor } from '../../shared/actor.ts';
import { DAY_MS } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';

// The customer's side under /api/public: no account. An order is found only by number + email
// (one answer for a wrong number and a wrong email, rate limited per IP) and is then reached with
// a signed, expiring access token; a case is reached by its random public token. Only what the
// customer may see leaves here: customer-visible timeline entries, the customer channel, no staff
// names, no supplier data, no other customer's anything.

const NO_MATCH = 'No order matches that number and email.';
const BAD_LINK = 'This tracking link is not valid or has expired; look your order up again.';
const TOKEN_DAYS = 7;

/** A small in-memory token bucket per client IP. One process's view only; good enough to slow guessing. */
export class TokenBucket {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly capacity: number,
    private readonly refillPerMinute: number,
  ) {}
  /** seconds to wait, or 0 when the request may go ahead (and a token was taken) */
  take(key: string, now = Date.now()): number {
    if (this.buckets.size > 50_000) this.buckets.clear(); // crude bound on memory under a flood
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 60_000) * this.refillPerMinute);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / this.refillPerMinute) * 60);
  }
}

function limit(bucket: TokenBucket, request: FastifyRequest, reply: FastifyReply) {
  const wait = bucket.take(request.ip);
  if (wait > 0) {
    reply.header('retry-after', String(wait));
    throw new AppError('RATE_LIMITED', `Too many attempts from your network; wait ${wait} seconds and try again.`);
  }
}

function sign(secret: Buffer, orderId: string, expires: number) {
  return createHmac('sha256', secret).update(`track:${orderId}:${expires}`).digest('base64url').slice(0, 32);
}

export function orderAccessToken(secret: Buffer, orderId: string, now: Date): string {
  const expires = Math.floor((now.getTime() + TOKEN_DAYS * DAY_MS) / 1000);
  return `${orderId}.${expires.toString(36)}.${sign(secret, orderId, expires)}`;
}

function orderIdFromToken(secret: Buffer, token: string, now: Date): string {
  const [orderId, exp, mac] = token.split('.');
  const expires = exp ? parseInt(exp, 36) : NaN;
  if (!orderId || !mac || !Number.isSafeInteger(expires) || expires * 1000 < now.getTime()) throw new AppError('NOT_FOUND', BAD_LINK);
  const expected = Buffer.from(sign(secret, orderId, expires));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError('NOT_FOUND', BAD_LINK);
  return orderId;
}

const CUSTOMER_STATUS: Record<string, 'received' | 'waiting_on_you' | 'in_progress' | 'resolved'> = {
  new: 'received',
  waiting_on_customer: 'waiting_on_you',
  ready_to_resolve: 'in_progress',
  resolving: 'in_progress',
  resolved: 'resolved',
};

const publicCaseSummary = (c: Pick<Case, 'number' | 'reason' | 'customerStatus' | 'createdAt' | 'closedAt' | 'publicToken'>) => ({
  number: c.number,
  reason: c.reason,
  status: CUSTOMER_STATUS[c.customerStatus] ?? 'in_progress',
  openedAt: c.createdAt,
  closedAt: c.closedAt,
  publicToken: c.publicToken,
});

async function shopFace(ctx: AppContext, workspaceId: string, shopId: string) {
  const shop = await getShop(ctx.db, workspaceId, shopId);
  return { name: shop.name, logoUrl: shop.branding.logoUrl ?? null, color: shop.branding.color ?? null, supportEmail: shop.branding.supportEmail ?? null };
}

async function publicOrderView(ctx: AppContext, order: Order) {
  const [shop, parcels, cases] = await Promise.all([
    shopFace(ctx, order.workspaceId, order.shopId),
    listParcels(ctx.db, { workspaceId: order.workspaceId, orderId: order.id, withEvents: true }),
    ctx.db.selectFrom('cases').select(['number', 'reason', 'customer_status', 'created_at', 'closed_at', 'public_token']).where('order_id', '=', order.id).orderBy('created_at', 'desc').execute(),
  ]);
  return {
    shop,
    order: {
      orderNumber: order.orderNumber,
      placedAt: order.placedAt,
      currency: order.currency,
      totalMinor: order.totalMinor,
      shippingCountry: order.shippingCountry,
      lines: order.lines.map((l) => ({ id: l.id, title: l.title, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor })),
    },
    parcels: parcels.map((p) => ({
      trackingNumber: p.trackingNumber,
      carrier: p.carrier,
      status: p.status,
      shippedAt: p.shippedAt,
      deliveredAt: p.deliveredAt,
      expectedBy: p.promisedBy,
      events: (p.events ?? []).map((e) => ({ occurredAt: e.occurredAt, status: e.status, description: e.description, location: e.location })).reverse(),
    })),
    cases: cases.map((c) =>
      publicCaseSummary({ number: c.number, reason: c.reason as Case['reason'], customerStatus: c.customer_status as Case['customerStatus'], createdAt: c.created_at.toISOString(), closedAt: c.closed_at?.toISOString() ?? null, publicToken: c.public_token }),
    ),
  };
}

async function caseByToken(ctx: AppContext, publicToken: string): Promise<{ kase: Case; workspaceId: string }> {
  const row = await ctx.db.selectFrom('cases').select(['id', 'workspace_id']).where('public_token', '=', publicToken).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No case matches this link.');
  return { kase: await getCase(ctx.db, row.workspace_id, row.id), workspaceId: row.workspace_id };
}

async function publicCaseView(ctx: AppContext, kase: Case, workspaceId: string) {
  const [order, timeline, messages, evidence] = await Promise.all([
    getOrder(ctx.db, workspaceId, kase.orderId),
    listTimeline(ctx.db, { workspaceId, caseId: kase.id }),
    listMessages(ctx.db, kase.id, true),
    listEvidence(ctx.db, kase.id),
  ]);
  const photos = evidence.filter((e) => e.kind === 'photo').length;
  const who = (author: string) => (author === 'customer' ? 'you' : 'shop');
  const events = timeline
    .filter((t) => t.visibility === 'customer' && !t.kind.startsWith('message.'))
    .map((t) => ({ type: 'event' as const, kind: t.kind, summary: t.summary, at: t.occurredAt }));
  const said = messages.map((m) => ({ type: 'message' as const, from: m.direction === 'inbound' ? ('you' as const) : who(m.author), body: m.body, at: m.createdAt }));
  return {
    shop: await shopFace(ctx, workspaceId, kase.shopId),
    orderNumber: order.orderNumber,
    accessToken: orderAccessToken(ctx.config.secretKey, order.id, ctx.clock.now()),
    case: {
      ...publicCaseSummary(kase),
      description: kase.description,
      lines: kase.lines.map((l) => ({ title: order.lines.find((o) => o.id === l.orderLineId)?.title ?? 'Item', quantity: l.quantity })),
      canReply: kase.closedAt === null,
      photos,
      photosWanted: missingEvidence(kase.reason, photos),
    },
    activity: [...events, ...said].sort((a, b) => a.at.localeCompare(b.at)),
  };
}

export function publicRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const lookups = new TokenBucket(10, 10);
    const writes = new TokenBucket(20, 10);
    const tokenParam = z.object({ publicToken: z.string().min(10).max(100) });

    app.post(
      '/track/lookup',
      {
        schema: {
          tags: ['public'],
          summary: 'Find an order by its number and the email it was placed with; answers an access token and the tracking view',
          body: z.object({ orderNumber: z.string().trim().min(1).max(64), email: z.string().trim().min(3).max(254) }),
        },
      },
      async (request, reply) => {
        limit(lookups, request, reply);
        const number = request.body.orderNumber.replace(/^#/, '');
        const found = await ctx.db
          .selectFrom('orders')
          .innerJoin('customers', 'customers.id', 'orders.customer_id')
          .select(['orders.id', 'orders.workspace_id'])
          .where('orders.order_number', 'in', [number, `#${number}`])
          .where(sql<string>`lower(customers.email)`, '=', request.body.email.toLowerCase())
          .orderBy('orders.placed_at', 'desc')
          .executeTakeFirst();
        if (!found) throw new AppError('NOT_FOUND', NO_MATCH);
        const order = await getOrder(ctx.db, found.workspace_id, found.id);
        return { accessToken: orderAccessToken(ctx.config.secretKey, order.id, ctx.clock.now()), ...(await publicOrderView(ctx, order)) };
      },
    );

    const accessParam = z.object({ accessToken: z.string().min(10).max(200) });
    const orderFor = async (token: string) => {
      const orderId = orderIdFromToken(ctx.config.secretKey, token, ctx.clock.now());
      const row = await ctx.db.selectFrom('orders').select('workspace_id').where('id', '=', orderId).executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', BAD_LINK);
      return getOrder(ctx.db, row.workspace_id, orderId);
    };

    app.get('/orders/:accessToken', { schema: { tags: ['public'], summary: 'The tracking view of an order, by the access token from a lookup', params: accessParam } }, async (request) =>
      publicOrderView(ctx, await orderFor(request.params.accessToken)),
    );

    app.post(
      '/orders/:accessToken/cases',
      {
        schema: {
          tags: ['public'],
          summary: 'Report a problem with the order (opens a case as the customer)',
          params: accessParam,
          body: z.object({
            reason: z.enum(CASE_REASONS),
            description: z.string().trim().min(1).max(5000),
            lines: z.array(z.object({ orderLineId: z.string().max(80), quantity: z.number().int().min(1) })).min(1).max(200).optional(),
          }),
        },
      },
      async (request, reply) => {
        limit(writes, request, reply);
        const order = await orderFor(request.params.accessToken);
        const kase = await openCase(ctx, customerActor(order.workspaceId, order.customer?.id ?? null), { orderId: order.id, ...request.body });
        return reply.status(201).send({ number: kase.number, publicToken: kase.publicToken });
      },
    );

    app.get('/cases/:publicToken', { schema: { tags: ['public'], summary: 'A case as its customer sees it: status, what happened, the messages', params: tokenParam } }, async (request) => {
      const { kase, workspaceId } = await caseByToken(ctx, request.params.publicToken);
      return publicCaseView(ctx, kase, workspaceId);
    });

    app.post(
      '/cases/:publicToken/messages',
      { schema: { tags: ['public'], summary: 'The customer writes to the shop on the case', params: tokenParam, body: z.object({ body: z.string().trim().min(1).max(5000) }) } },
      async (request, reply) => {
        limit(writes, request, reply);
        const { kase, workspaceId } = await caseByToken(ctx, request.params.publicToken);
        await recordMessage(ctx, customerActor(workspaceId, kase.customerId), { caseId: kase.id, channel: 'customer', direction: 'inbound', body: request.body.body });
        return reply.status(201).send(await publicCaseView(ctx, await getCase(ctx.db, workspaceId, kase.id), workspaceId));
      },
    );

    app.post(
      '/cases/:publicToken/evidence',
      { schema: { tags: ['public'], summary: 'The customer adds a photo (multipart field "file"); cleaned of metadata before it is kept', params: tokenParam, consumes: ['multipart/form-data'] } },
      async (request, reply) => {
        limit(writes, request, reply);
        const { kase, workspaceId } = await caseByToken(ctx, request.params.publicToken);
        if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the photo as multipart/form-data in a field named "file".');
        const part = await request.file();
        if (!part) throw new AppError('VALIDATION_FAILED', 'file: no file was sent.');
        await addEvidence(ctx, customerActor(workspaceId, kase.customerId), { caseId: kase.id, file: await part.toBuffer(), filename: part.filename });
        return reply.status(201).send(await publicCaseView(ctx, await getCase(ctx.db, workspaceId, kase.id), workspaceId));
      },
    );
  };
}
