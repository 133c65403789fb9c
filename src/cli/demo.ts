import { startRecoup } from '../app.ts';
import { seedDemo } from '../demo/index.ts';
import { createUser } from '../modules/staff/index.ts';
import { configOrExit, stopOnSignals } from './run.ts';

export const DEMO_LOGIN = { email: 'demo@recoup.local', password: 'recoup-demo-2026' };

/** `recoup demo`: Recoup on its own data dir (.recoup-demo), filled with a living business on first run. */
export async function demo(options: { port?: number; orders: number }) {
  process.env.RECOUP_DATA_DIR ??= './.recoup-demo';
  const config = configOrExit();
  const recoup = await startRecoup(config, { serve: true, work: true, port: options.port });
  stopOnSignals(recoup.stop);
  const hasOrders = await recoup.ctx.db.selectFrom('orders').select('id').limit(1).executeTakeFirst();
  if (!hasOrders) {
    console.log(`Seeding ${options.orders} demo orders…`);
    const summary = await seedDemo(recoup.ctx, { orders: options.orders });
    await createUser(recoup.ctx.db, { ...DEMO_LOGIN, name: 'Demo Owner', role: 'owner' }, 'demo').catch(() => undefined);
    console.log(`  ${summary.orders} orders, ${summary.parcels} parcels, ${summary.cases} cases in ${summary.shops} shops`);
  }
  console.log(`Recoup demo at ${config.publicUrl} — sign in as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
  console.log(`  API docs: ${config.publicUrl}/api/docs; data in ${config.dataDir} (delete it to start over)`);
}
