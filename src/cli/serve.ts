import { randomBytes } from 'node:crypto';
import { startRecoup } from '../app.ts';
import { createUser, ensureWorkspace } from '../modules/staff/index.ts';
import { configOrExit, stopOnSignals } from './run.ts';

/** `recoup serve` (API + dashboard + workers) and `recoup worker` (workers only). */
export async function serve(options: { port?: number; workersOnly?: boolean }) {
  const config = configOrExit();
  const started = Date.now();
  const recoup = await startRecoup(config, { serve: !options.workersOnly, work: true, logger: false, port: options.port });
  stopOnSignals(recoup.stop);
  await ensureWorkspace(recoup.ctx.db);
  const users = await recoup.ctx.db.selectFrom('users').select('id').limit(1).execute();
  if (options.workersOnly) {
    console.log(`Recoup workers running (${recoup.database.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}). Ctrl-C stops them.`);
    return;
  }
  const url = config.publicUrl;
  const lines = [
    `Recoup is running at ${url} (${((Date.now() - started) / 1000).toFixed(1)} s, ${recoup.database.embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL from DATABASE_URL'})`,
    `  API docs: ${url}/api/docs`,
  ];
  if (users.length === 0) {
    // First run: an owner account so the merchant can sign in at once; the password is shown once.
    const password = randomBytes(12).toString('base64url');
    await createUser(recoup.ctx.db, { email: 'owner@recoup.local', name: 'Owner', password, role: 'owner' }, 'first-run');
    lines.push('', `First run: sign in as owner@recoup.local with password ${password}`, '  (or create your own account: npx recoup user create --email you@shop.com --name You --role owner)');
  }
  console.log(lines.join('\n'));
}
