import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { installAuth } from './auth.ts';
import { installErrorHandling } from './errors.ts';
import { authRoutes } from './routes/auth.ts';
import { automationRoutes } from './routes/automation.ts';
import { caseRoutes } from './routes/cases.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { evidenceRoutes } from './routes/evidence.ts';
import { moneyRoutes } from './routes/money.ts';
import { orderRoutes } from './routes/orders.ts';
import { parcelRoutes } from './routes/parcels.ts';
import { publicRoutes } from './routes/public.ts';
import { queueRoutes } from './routes/queues.ts';
import { publicNotificationRoutes } from './routes/public-notifications.ts';
import { shopRoutes } from './routes/shops.ts';
import { staffRoutes } from './routes/staff.ts';
import { sourcingRoutes } from './routes/sourcing.ts';
import { storeRoutes } from './routes/stores.ts';
import { supplierRoutes } from './routes/suppliers.ts';
import { trackingRoutes } from './routes/tracking.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { installWeb } from './static.ts';
import { MAX_EVIDENCE_BYTES } from '../modules/evidence/index.ts';

/** The composition root of the HTTP side: one Fastify instance with every route wired to `ctx`. */
export async function buildServer(ctx: AppContext, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: ctx.config.logLevel } : false,
    bodyLimit: 1_048_576,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 5 } });
  installAuth(app, ctx.db);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Recoup API', version: '1', description: 'Orders, parcels, cases, supplier disputes, resolutions and the money. Authenticate with a session cookie or `Authorization: Bearer rcp_…`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'recoup_session' } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    await sql`select 1`.execute(ctx.db);
    return reply.send({ ok: true });
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(authRoutes(ctx));
      await api.register(shopRoutes(ctx));
      await api.register(orderRoutes(ctx));
      await api.register(parcelRoutes(ctx));
      await api.register(supplierRoutes(ctx));
      await api.register(caseRoutes(ctx));
      await api.register(evidenceRoutes(ctx));
      await api.register(moneyRoutes(ctx));
      await api.register(automationRoutes(ctx));
      await api.register(staffRoutes(ctx));
      await api.register(queueRoutes(ctx));
      await api.register(dashboardRoutes(ctx));
      await api.register(trackingRoutes(ctx));
      await api.register(storeRoutes(ctx));
      await api.register(sourcingRoutes(ctx));
    },
    { prefix: '/api/v1' },
  );
  await app.register(publicRoutes(ctx), { prefix: '/api/public' });
  await app.register(publicNotificationRoutes(ctx), { prefix: '/api/public' });
  await app.register(webhookRoutes(ctx), { prefix: '/webhooks' });
  await installWeb(app);
  return app;
}
