import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  cancelCjDispute, connectAliExpressAccount, connectCjAccount, fileCjDispute, listProductMappings, listShippingPresets, listSupplierAccounts,
  placeSupplierOrders, quoteFreight, saveProductMapping, saveShippingPreset, syncSupplierOrder,
} from '../../modules/sourcing/index.ts';
import { getSupplierOrder } from '../../modules/suppliers/index.ts';
import { requireRole } from '../../shared/actor.ts';
import { actorOf } from '../auth.ts';
import { idParam } from './schemas.ts';

const country = z.string().regex(/^[A-Za-z]{2}$/, 'must be a 2-letter ISO country code like US');
const aeProductId = z.string().regex(/^\d{6,20}$/, 'must be an AliExpress product id (digits)');
const address = z
  .object({
    name: z.string().min(2).max(64), line1: z.string().min(1).max(256), line2: z.string().max(256).nullable(), city: z.string().min(1).max(128),
    region: z.string().min(1).max(128), postalCode: z.string().min(1).max(20), country, phone: z.string().min(5).max(24),
    phoneCountryCode: z.string().regex(/^\+?\d{1,4}$/), cpf: z.string().max(20).nullable(),
  })
  .partial();

// Supplier accounts (AliExpress, CJ), product mapping, shipping presets, placing and following
// supplier orders, and CJ's dispute API.
export function sourcingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/sourcing/accounts', { schema: { tags: ['sourcing'], summary: 'Connected AliExpress and CJdropshipping accounts (secrets and tokens are never returned)' } }, async (request) => ({
      items: await listSupplierAccounts(ctx.db, actorOf(request).workspaceId),
    }));
    app.post(
      '/sourcing/accounts/aliexpress',
      {
        schema: {
          tags: ['sourcing'],
          summary: 'Connect (or re-authorise) an AliExpress buyer account with the OAuth code from the consent page; point the app’s push at the returned webhookPath',
          body: z.object({
            name: z.string().min(1).max(100), appKey: z.string().min(3).max(64), appSecret: z.string().min(8).max(200), code: z.string().min(4).max(500),
            baseUrl: z.url().nullable().optional(), autoPay: z.boolean().optional(),
          }),
        },
      },
      async (request, reply) => reply.status(201).send(await connectAliExpressAccount(ctx, actorOf(request), request.body)),
    );
    app.post(
      '/sourcing/accounts/cjdropshipping',
      {
        schema: {
          tags: ['sourcing'],
          summary: 'Connect a CJdropshipping account with its email and API key',
          body: z.object({ name: z.string().min(1).max(100), email: z.email(), apiKey: z.string().min(8).max(200), baseUrl: z.url().nullable().optional(), requestsPerSecond: z.number().int().min(1).max(100).nullable().optional() }),
        },
      },
      async (request, reply) => reply.status(201).send(await connectCjAccount(ctx, actorOf(request), request.body)),
    );

    app.get('/sourcing/product-mappings', { schema: { tags: ['sourcing'], summary: 'Which AliExpress product each store SKU is bought as' } }, async (request) => ({
      items: await listProductMappings(ctx.db, actorOf(request).workspaceId),
    }));
    app.put(
      '/sourcing/product-mappings',
      {
        schema: {
          tags: ['sourcing'],
          summary: 'Map a store SKU to an AliExpress product, variant (sku_attr) and store',
          body: z.object({ sku: z.string().min(1).max(200), productId: aeProductId, skuAttr: z.string().max(500).default(''), supplierName: z.string().min(1).max(200), supplierStoreUrl: z.url().nullable().optional() }),
        },
      },
      async (request) => saveProductMapping(ctx.db, actorOf(request), request.body),
    );
    app.get('/sourcing/shipping-presets', { schema: { tags: ['sourcing'], summary: 'Shipping methods per product and destination, with country and global defaults' } }, async (request) => ({
      items: await listShippingPresets(ctx.db, actorOf(request).workspaceId),
    }));
    app.put(
      '/sourcing/shipping-presets',
      {
        schema: {
          tags: ['sourcing'],
          summary: 'Set the shipping method for a product to a country (leave productId out for the country default, both out for the global default)',
          body: z.object({ productId: aeProductId.nullable().default(null), country: country.nullable().default(null), shippingMethod: z.string().min(2).max(80) }),
        },
      },
      async (request) => saveShippingPreset(ctx.db, actorOf(request), request.body),
    );
    app.get(
      '/sourcing/freight',
      {
        schema: {
          tags: ['sourcing'],
          summary: 'Shipping methods AliExpress offers for a product to a country (what presets may name)',
          querystring: z.object({ productId: aeProductId, country, skuId: z.string().max(40).optional(), quantity: z.coerce.number().int().min(1).max(999).optional(), accountId: z.string().optional() }),
        },
      },
      async (request) => quoteFreight(ctx, actorOf(request), request.query),
    );

    app.post(
      '/orders/:id/place-with-aliexpress',
      {
        schema: {
          tags: ['sourcing'],
          summary: 'Buy the order’s lines on AliExpress (idempotent: placing again never buys twice); one supplier order per AliExpress seller',
          params: idParam,
          body: z.object({ accountId: z.string().optional(), address: address.optional() }).default({}),
        },
      },
      async (request, reply) => {
        const placed = await placeSupplierOrders(ctx, actorOf(request), { orderId: request.params.id, ...request.body });
        return reply.status(placed.repeated ? 200 : 201).send(placed);
      },
    );
    app.post('/supplier-orders/:id/sync', { schema: { tags: ['sourcing'], summary: 'Read the supplier order from AliExpress now (status, tracking)', params: idParam } }, async (request) => {
      const actor = actorOf(request);
      requireRole(actor, 'agent');
      await getSupplierOrder(ctx.db, actor.workspaceId, request.params.id);
      await syncSupplierOrder(ctx, request.params.id, actor.label);
      return getSupplierOrder(ctx.db, actor.workspaceId, request.params.id);
    });

    app.post(
      '/disputes/:id/file-with-cj',
      {
        schema: {
          tags: ['disputes'],
          summary: 'File a prepared dispute with CJdropshipping through its dispute API (exactly once) and record it opened',
          params: idParam,
          body: z
            .object({
              lines: z.array(z.object({ lineItemId: z.string().min(1).max(64), quantity: z.number().int().min(1) })).min(1).optional(),
              reasonId: z.number().int().min(1).optional(),
              message: z.string().min(1).max(500).optional(),
              imageUrls: z.array(z.url()).max(6).optional(),
            })
            .default({}),
        },
      },
      async (request) => fileCjDispute(ctx, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/disputes/:id/cancel-with-cj',
      { schema: { tags: ['disputes'], summary: 'Withdraw a dispute on CJdropshipping and record it cancelled', params: idParam, body: z.object({ note: z.string().max(2000).optional() }).default({}) } },
      async (request) => cancelCjDispute(ctx, actorOf(request), request.params.id, request.body.note),
    );
  };
}
