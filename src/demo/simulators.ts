import { SMTPServer } from 'smtp-server';
import { startAfterShipSandbox } from '../../sandbox/aftership/index.ts';
import { startShopifySandbox } from '../../sandbox/shopify/index.ts';
import { startWooCommerceSandbox } from '../../sandbox/woocommerce/index.ts';
import type { AppContext } from '../context.ts';
import { saveTrackingConnection } from '../modules/parcels/index.ts';
import { connectShop } from '../modules/shops/index.ts';
import { ensureWorkspace } from '../modules/staff/index.ts';
import { backfillShop } from '../modules/sync/index.ts';
import { systemActor } from '../shared/actor.ts';

// The outside world for `recoup demo`: a Shopify store, a WooCommerce store, AfterShip and a mail
// inbox, all local simulators in this process, connected the way a merchant connects the real ones.

export interface DemoWorld {
  smtpUrl: string;
  mailsReceived(): number;
  close(): Promise<void>;
}

/** A local SMTP inbox that accepts every message (so customer emails are sent for real). */
export async function startMailSink(): Promise<DemoWorld> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };
  return { smtpUrl: `smtp://127.0.0.1:${port}`, mailsReceived: () => received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Starts the store and tracking simulators (fixed ports and keys, so a restarted demo finds the
 * shops it connected before) and, on first run, connects and backfills them.
 */
export async function connectDemoPlatforms(ctx: AppContext, firstRun: boolean): Promise<{ lines: string[]; close(): Promise<void> }> {
  const workspaceId = await ensureWorkspace(ctx.db);
  const actor = { ...systemActor(workspaceId), label: 'demo' };
  const shopify = await startShopifySandbox({ port: 4101, seedOrders: 80, seed: 3, bucketSize: 2000, restoreRate: 2000, accessToken: 'shpat_demo', apiSecret: 'demo-shopify-secret' });
  const woo = await startWooCommerceSandbox({ port: 4102, seedOrders: 60, seed: 4, consumerKey: 'ck_demo', consumerSecret: 'cs_demo', webhookSecret: 'demo-woo-secret' });
  const aftership = await startAfterShipSandbox({ port: 4105, apiKey: 'demo-aftership-key', webhookSecret: 'demo-aftership-secret' });
  const close = async () => {
    await Promise.allSettled([shopify.close(), woo.close(), aftership.close()]);
  };
  const lines = [`  simulators: Shopify ${shopify.url}, WooCommerce ${woo.url}, AfterShip ${aftership.url}`];
  if (!firstRun) return { lines, close };
  const deps = { db: ctx.db, secretKey: ctx.config.secretKey };
  const sShop = await connectShop(deps, actor, { name: 'Gadget Corner (Shopify)', platform: 'shopify', currency: shopify.currency, credentials: { shopDomainOrUrl: shopify.url, accessToken: shopify.accessToken, apiSecret: shopify.apiSecret } });
  const wShop = await connectShop(deps, actor, {
    name: 'Maison Lumière (WooCommerce)', platform: 'woocommerce', currency: woo.currency,
    credentials: { baseUrl: woo.url, consumerKey: woo.consumerKey, consumerSecret: woo.consumerSecret, webhookSecret: woo.webhookSecret },
  });
  await backfillShop(ctx, sShop.id);
  await backfillShop(ctx, wShop.id);
  await saveTrackingConnection(ctx.db, ctx.config.secretKey, actor, { provider: 'aftership', apiKey: aftership.apiKey, webhookSecret: aftership.webhookSecret, baseUrl: aftership.url });
  return { lines: [...lines, '  (both stores connected and backfilled; AfterShip connected for tracking)'], close };
}
