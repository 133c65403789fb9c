import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { isSandboxPlatform, SANDBOXES } from '../../sandbox/index.ts';
import { migrate, openDatabase } from '../db/database.ts';
import { exportOrdersCsv, importOrdersCsv } from '../modules/imports/index.ts';
import { createShop } from '../modules/shops/index.ts';
import { createApiToken, createUser } from '../modules/staff/index.ts';
import { configOrExit, withRecoup } from './run.ts';
import { demo } from './demo.ts';
import { importShop } from './import-shop.ts';
import { serve } from './serve.ts';

const program = new Command('recoup').description('Recoup: the operations desk for dropshippers').showHelpAfterError();

const port = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number 0-65535');
  return n;
};

program
  .command('serve')
  .description('run the API, the dashboard and the workers in one process')
  .option('--port <port>', 'HTTP port (default: PORT or 3000)', port)
  .action((options: { port?: number }) => serve(options));

program
  .command('worker')
  .description('run the job workers alone (add as many as you like against one database)')
  .action(() => serve({ workersOnly: true }));

program
  .command('demo')
  .description('run Recoup with a demo business (own data dir .recoup-demo) to see the whole product')
  .option('--port <port>', 'HTTP port (default: PORT or 3000)', port)
  .option('--orders <n>', 'how many demo orders on first run', (v) => Number(v), 300)
  .action((options: { port?: number; orders: number }) => demo(options));

program
  .command('migrate')
  .description('bring the database schema up to date (also done on every start)')
  .action(async () => {
    const database = await openDatabase(configOrExit());
    try {
      const applied = await migrate(database.db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
    } finally {
      await database.close();
    }
  });

const user = program.command('user').description('staff accounts');
user
  .command('create')
  .description('create a staff account')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .addOption(new Option('--role <role>').choices(['owner', 'admin', 'agent', 'viewer']).default('agent'))
  .option('--password <password>', 'at least 10 characters (default: RECOUP_PASSWORD, or one is generated and printed)')
  .action(async (o: { email: string; name: string; role: 'owner' | 'admin' | 'agent' | 'viewer'; password?: string }) => {
    const generated = !o.password && !process.env.RECOUP_PASSWORD;
    const password = o.password ?? process.env.RECOUP_PASSWORD ?? crypto.randomUUID().replaceAll('-', '').slice(0, 16);
    await withRecoup(async ({ ctx }) => {
      const created = await createUser(ctx.db, { email: o.email, name: o.name, role: o.role, password });
      console.log(`Created ${created.role} ${created.email} (${created.id})${generated ? `; password: ${password}` : ''}`);
    });
  });

const token = program.command('token').description('API tokens');
token
  .command('create')
  .description('create an API token and print it once')
  .requiredOption('--name <name>', 'what the token is for, e.g. "zapier"')
  .addOption(new Option('--role <role>').choices(['admin', 'agent', 'viewer']).default('admin'))
  .action(async (o: { name: string; role: 'admin' | 'agent' | 'viewer' }) => {
    await withRecoup(async ({ ctx }) => {
      const created = await createApiToken(ctx.db, { name: o.name, role: o.role });
      console.log(created.token);
    });
  });

const shop = program.command('shop').description('shops');
shop
  .command('create')
  .description('add a manual shop (orders from CSV); connect Shopify or WooCommerce from the dashboard')
  .requiredOption('--name <name>')
  .requiredOption('--currency <code>', 'ISO 4217, e.g. USD')
  .action(async (o: { name: string; currency: string }) => {
    await withRecoup(async ({ ctx }, actor) => {
      const created = await createShop({ db: ctx.db, secretKey: ctx.config.secretKey }, actor, { name: o.name, platform: 'manual', currency: o.currency });
      console.log(`Created manual shop ${created.name}: ${created.id}`);
    });
  });
shop
  .command('list')
  .description('list shops')
  .action(async () => {
    await withRecoup(async ({ ctx }, actor) => {
      const rows = await ctx.db.selectFrom('shops').select(['id', 'name', 'platform', 'currency']).where('workspace_id', '=', actor.workspaceId).execute();
      for (const r of rows) console.log(`${r.id}\t${r.platform}\t${r.currency}\t${r.name}`);
    });
  });

program
  .command('import')
  .description('import data')
  .argument('<what>', '"orders" (from a CSV file) or "shop" (backfill a connected shop)')
  .argument('<file-or-shop>', 'CSV file for orders; shop id for shop')
  .option('--shop <id>', 'for orders: the shop they belong to (see `recoup shop list`)')
  .action(async (what: string, file: string, o: { shop?: string }) => {
    if (what === 'shop') return withRecoup((recoup, actor) => importShop(recoup, actor, file));
    if (what !== 'orders') program.error(`Cannot import "${what}": import "orders" from CSV, or "shop" to backfill a connected shop.`);
    if (!o.shop) program.error('Say which shop the orders belong to: --shop shp_… (see `recoup shop list`).');
    let csv: string;
    try {
      csv = readFileSync(file, 'utf8');
    } catch {
      program.error(`Cannot read ${file}: check the path.`);
    }
    await withRecoup(async ({ ctx }, actor) => {
      const report = await importOrdersCsv(ctx, actor, { shopId: o.shop!, csv, onProgress: (done, total) => process.stderr.write(`\r${done}/${total} orders`) });
      process.stderr.write('\n');
      console.log(`Imported ${report.orders.imported} orders; ${report.orders.alreadyThere} were already there; ${report.orders.failed} not imported.`);
      for (const e of report.errors) console.log(`  line ${e.line}${e.orderNumber ? ` (order ${e.orderNumber})` : ''}: ${e.message}`);
      if (report.orders.failed > 0) process.exitCode = 1;
    });
  });

program
  .command('export')
  .description('export data')
  .argument('<what>', 'orders')
  .option('--shop <id>', 'only this shop')
  .option('--out <file>', 'write to a file instead of standard output')
  .action(async (what: string, o: { shop?: string; out?: string }) => {
    if (what !== 'orders') program.error(`Cannot export "${what}": only "orders" can be exported.`);
    await withRecoup(async ({ ctx }, actor) => {
      const csv = await exportOrdersCsv(ctx.db, { workspaceId: actor.workspaceId, shopId: o.shop });
      if (o.out) writeFileSync(o.out, csv);
      else process.stdout.write(csv);
    });
  });

program
  .command('sandbox')
  .description(`run a local simulator of a platform: ${Object.keys(SANDBOXES).join(', ')}`)
  .argument('<platform>', Object.entries(SANDBOXES).map(([name, s]) => `${name}: ${s.description}`).join('\n'))
  .option('--port <port>', 'port to listen on (default: the platform\'s own, 4101-4106)', port)
  .allowUnknownOption()
  .allowExcessArguments()
  .helpOption('--usage', 'show this help (other options go to the simulator, e.g. --seed-orders 500)')
  .action((platform: string, o: { port?: number }, command: Command) => {
    if (!isSandboxPlatform(platform)) return program.error(`No simulator for "${platform}": choose one of ${Object.keys(SANDBOXES).join(', ')}.`);
    const entry = SANDBOXES[platform];
    // The simulator runs as its own script; signals are passed on so Ctrl-C stops it cleanly.
    const child = spawn(process.execPath, ['--import', 'tsx', entry.main, '--port', String(o.port ?? entry.defaultPort), ...command.args.slice(1)], { stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
    child.on('exit', (code) => process.exit(code ?? 0));
  });

await program.parseAsync();
