// A Recoup filled with demo data for working on the web app by hand:
//   node --import tsx test/browser/support/dev-server.ts [port]
// Uses the machine's PostgreSQL (ADMIN_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
// and a database `recoup_web_dev` that is filled once. Sign in as demo@recoup.local / recoup-demo-2026.
import { startRecoup } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { ensureDatabase } from '../../../src/db/database.ts';
import { seedDemo } from '../../../src/demo/index.ts';
import { createUser } from '../../../src/modules/staff/index.ts';

const adminUrl = process.env.ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = await ensureDatabase(adminUrl, 'recoup_web_dev');
const config = loadConfig({ DATABASE_URL: url, RECOUP_SECRET_KEY: 'ab'.repeat(32), LOG_LEVEL: 'warn', PORT: process.argv[2] ?? '3400' });
const recoup = await startRecoup(config, { serve: true, work: true });
if (!(await recoup.ctx.db.selectFrom('orders').select('id').limit(1).executeTakeFirst())) {
  console.log(JSON.stringify(await seedDemo(recoup.ctx, { orders: 300, seed: 7 })));
  await createUser(recoup.ctx.db, { email: 'demo@recoup.local', password: 'recoup-demo-2026', name: 'Demo Owner', role: 'owner' });
}
console.log(`dev server at ${recoup.url}`);
const stop = () => void recoup.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
