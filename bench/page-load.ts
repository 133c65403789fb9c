import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startRecoup } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/index.ts';
import { createUser } from '../src/modules/staff/index.ts';

// How long each dashboard screen takes to show its data in real Chromium, on the demo business
// (embedded PostgreSQL, the built web app). Each screen is opened by a full page load, five
// times; the median and the worst are printed. Needs web/dist (npm install builds it).
//   node --import tsx bench/page-load.ts [--orders 300]

const flag = process.argv.indexOf('--orders');
const orders = flag > 0 ? Number(process.argv[flag + 1]) : 300;
const dataDir = mkdtempSync(path.join(tmpdir(), 'recoup-page-bench-'));
const config = loadConfig({ RECOUP_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' });
const recoup = await startRecoup(config, { serve: true, work: false, port: 0 });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  await seedDemo(recoup.ctx, { orders, seed: 7 });
  await createUser(recoup.ctx.db, { email: 'bench@recoup.local', name: 'Bench', password: 'bench password 1', role: 'owner' });
  const base = recoup.url!.replace('0.0.0.0', '127.0.0.1');
  const order = await recoup.ctx.db.selectFrom('orders').select('id').orderBy('placed_at', 'desc').executeTakeFirstOrThrow();
  const kase = await recoup.ctx.db.selectFrom('cases').select('id').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${base}/`);
  await page.getByLabel('Email').fill('bench@recoup.local');
  await page.getByLabel('Password').fill('bench password 1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Today' }).waitFor();

  // Each screen is "loaded" when its data is on it (a table row or a chart), not when the HTML is.
  const only = process.env.SCREEN;
  const screens: [string, string, string][] = [
    ['home', '/', 'table tbody tr'],
    ['orders', '/orders', 'table tbody tr'],
    ['order detail', `/orders/${order.id}`, 'h2, h3'],
    ['cases', '/cases', 'table tbody tr'],
    ['case detail', `/cases/${kase.id}`, 'h2, h3'],
    ['suppliers', '/suppliers', 'table tbody tr'],
    ['analytics', '/analytics', '.recharts-surface'],
    ['settings', '/settings', 'table tbody tr'],
  ];
  console.log(`Dashboard page loads, ${orders} demo orders, embedded PostgreSQL, headless Chromium (full navigation each time)`);
  for (const [name, url, ready] of screens.filter(([n]) => !only || n === only)) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await page.goto(`${base}${url}`);
      await page.locator(ready).first().waitFor({ timeout: 15_000 });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`  ${name.padEnd(13)} median ${times[2]!.toFixed(0).padStart(4)} ms   worst ${times[4]!.toFixed(0).padStart(4)} ms`);
  }
} finally {
  await browser.close();
  await recoup.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
