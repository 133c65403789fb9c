import { startRecoup } from '../app.ts';
import { connectDemoPlatforms, seedDemo, startMailSink } from '../demo/index.ts';
import { createUser } from '../modules/staff/index.ts';
import { configOrExit, stopOnSignals } from './run.ts';

export const DEMO_LOGIN = { email: 'demo@recoup.local', password: 'recoup-demo-2026' };

/**
 * `recoup demo`: Recoup on its own data dir (.recoup-demo), filled with a living business on first
 * run, with local simulators of Shopify, WooCommerce, AfterShip and an SMTP inbox connected.
 */
export async function demo(options: { port?: number; orders: number }) {
  process.env.RECOUP_DATA_DIR ??= './.recoup-demo';
  // Customer emails go over real SMTP to a local inbox unless SMTP_URL says otherwise.
  const mail = process.env.SMTP_URL ? null : await startMailSink();
  if (mail) process.env.SMTP_URL = mail.smtpUrl;
  const config = configOrExit();
  const recoup = await startRecoup(config, { serve: true, work: true, port: options.port });
  const hasOrders = await recoup.ctx.db.selectFrom('orders').select('id').limit(1).executeTakeFirst();
  const world = await connectDemoPlatforms(recoup.ctx, !hasOrders).catch((error: Error) => {
    console.warn(`  (simulators not started: ${error.message}; the demo data works without them)`);
    return null;
  });
  stopOnSignals(async () => {
    await recoup.stop();
    await world?.close();
    await mail?.close();
  });
  if (!hasOrders) {
    console.log(`Seeding ${options.orders} demo orders…`);
    const summary = await seedDemo(recoup.ctx, { orders: options.orders });
    await createUser(recoup.ctx.db, { ...DEMO_LOGIN, name: 'Demo Owner', role: 'owner' }, 'demo').catch(() => undefined);
    console.log(`  ${summary.orders} orders, ${summary.parcels} parcels, ${summary.cases} cases in ${summary.shops} shops`);
  }
  console.log(`Recoup demo at ${config.publicUrl} — sign in as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
  console.log(`  API docs: ${config.publicUrl}/api/docs; data in ${config.dataDir} (delete it to start over)`);
  for (const line of world?.lines ?? []) console.log(line);
  if (mail) console.log(`  customer emails go to a local SMTP inbox at ${mail.smtpUrl}`);
}
