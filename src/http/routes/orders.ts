import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { listCases } from '../../modules/cases/index.ts';
import { createOrder, getOrder, listOrders } from '../../modules/orders/index.ts';
import { addTrackingNumber, listParcels } from '../../modules/parcels/index.ts';
import { listResolutions, orderRefundable } from '../../modules/resolutions/index.ts';
import { getShop } from '../../modules/shops/index.ts';
import { listSupplierOrders } from '../../modules/suppliers/index.ts';
import { listTimeline } from '../../modules/timeline/index.ts';
import { requireRole, requireShop } from '../../shared/actor.ts';
import { AppError } from '../../shared/errors.ts';
import { actorOf } from '../auth.ts';
import { currency, idParam, isoDate, minor, pageQuery } from './schemas.ts';

const createOrderBody = z.object({
  shopId: z.string(),
  orderNumber: z.string().min(1).max(64),
  placedAt: isoDate,
  currency,
  customer: z.object({ email: z.email().nullable(), name: z.string().max(200).nullable() }),
  shippingCountry: z.string().regex(/^[A-Za-z]{2}$/, 'must be a 2-letter ISO country code').nullable(),
  shippingMinor: minor.default(0),
  lines: z.array(z.object({ sku: z.string().max(100).nullable().default(null), title: z.string().min(1).max(300), quantity: z.number().int().min(1).max(10_000), unitPriceMinor: minor })).min(1).max(500),
});

export function orderRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/orders',
      {
        schema: {
          tags: ['orders'],
          summary: 'List orders, newest first, with filters and cursor pagination',
          querystring: z.object({
            ...pageQuery,
            shopId: z.string().optional(),
            q: z.string().max(200).optional().describe('order number, customer email or name, or tracking number'),
            country: z.string().length(2).optional(),
            placedFrom: isoDate.optional(),
            placedTo: isoDate.optional(),
            withOpenCase: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
          }),
        },
      },
      async (request) => {
        const actor = actorOf(request);
        return listOrders(ctx.db, { ...request.query, workspaceId: actor.workspaceId, shopIds: actor.shopIds });
      },
    );

    app.get('/orders/:id', { schema: { tags: ['orders'], summary: 'One order with supplier orders, parcels, cases, refundable balance and its whole timeline', params: idParam } }, async (request) => {
      const actor = actorOf(request);
      const order = await getOrder(ctx.db, actor.workspaceId, request.params.id);
      requireShop(actor, order.shopId);
      const filter = { workspaceId: actor.workspaceId, orderId: order.id };
      const [supplierOrders, parcels, cases, resolutions, refundable, timeline] = await Promise.all([
        listSupplierOrders(ctx.db, filter),
        listParcels(ctx.db, { ...filter, withEvents: true }),
        listCases(ctx.db, { ...filter, limit: 100 }),
        listResolutions(ctx.db, filter),
        orderRefundable(ctx.db, order.id),
        listTimeline(ctx.db, filter),
      ]);
      return { ...order, supplierOrders, parcels, cases: cases.items, resolutions, refundable, timeline };
    });

    app.post('/orders', { schema: { tags: ['orders'], summary: 'Create an order in a manual shop', body: createOrderBody } }, async (request, reply) => {
      const actor = actorOf(request);
      requireRole(actor, 'agent');
      const shop = await getShop(ctx.db, actor.workspaceId, request.body.shopId);
      requireShop(actor, shop.id);
      if (shop.platform !== 'manual') throw new AppError('SHOP_NOT_MANUAL', `Shop ${shop.name} is connected to ${shop.platform}; create the order there and it will sync.`);
      const id = await ctx.db.transaction().execute((tx) => createOrder(tx, { ...request.body, workspaceId: actor.workspaceId }, actor.label));
      return reply.status(201).send(await getOrder(ctx.db, actor.workspaceId, id));
    });

    app.post(
      '/orders/:id/parcels',
      {
        schema: {
          tags: ['parcels'],
          summary: 'Add a tracking number to an order',
          params: idParam,
          body: z.object({ trackingNumber: z.string().min(1).max(60), carrier: z.string().max(80).nullable().default(null), supplierOrderId: z.string().nullable().default(null), shippedAt: isoDate.nullable().default(null) }),
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        requireRole(actor, 'agent');
        const order = await getOrder(ctx.db, actor.workspaceId, request.params.id);
        requireShop(actor, order.shopId);
        const result = await ctx.db.transaction().execute((tx) => addTrackingNumber(tx, { workspaceId: actor.workspaceId, orderId: order.id, ...request.body }, actor.label, { jobs: ctx.jobs, now: ctx.clock.now() }));
        return reply.status(result.created ? 201 : 200).send(result);
      },
    );
  };
}
