import { mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { startRecoup, type Recoup } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { seedDemo, type DemoSummary } from '../../../src/demo/index.ts';
import { createUser } from '../../../src/modules/staff/index.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

// A real Recoup (HTTP server and workers) on a fresh database with the demo business, the built
// web app, and Debian's Chromium driven by playwright-core.

const ROOT = path.resolve(import.meta.dirname, '../../..');
const WEB = path.join(ROOT, 'web');
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');
export const STAFF = { email: 'owner@browser.test', password: 'correct horse battery staple' };

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

/** Builds web/dist when it is missing or older than web/src (the server serves what exists at boot). */
export async function ensureWebBuilt(): Promise<void> {
  let built = 0;
  try {
    built = statSync(path.join(WEB, 'dist', 'index.html')).mtimeMs;
  } catch {
    built = 0;
  }
  const sources = Math.max(newest(path.join(WEB, 'src')), statSync(path.join(WEB, 'index.html')).mtimeMs, statSync(path.join(WEB, 'vite.config.ts')).mtimeMs);
  if (built > sources) return;
  await build({ configFile: path.join(WEB, 'vite.config.ts'), logLevel: 'warn' });
}

export interface Harness {
  recoup: Recoup;
  database: TestDatabase;
  browser: Browser;
  baseUrl: string;
  demo: DemoSummary;
  shoot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(options: { orders?: number } = {}): Promise<Harness> {
  await ensureWebBuilt();
  const database = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: database.url, RECOUP_SECRET_KEY: 'ab'.repeat(32), LOG_LEVEL: 'silent' });
  const recoup = await startRecoup(config, { serve: true, work: true, port: 0 });
  const address = recoup.server!.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const demo = await seedDemo(recoup.ctx, { orders: options.orders ?? 120, seed: 11 });
  await createUser(recoup.ctx.db, { ...STAFF, name: 'Browser Owner', role: 'owner' }, 'test');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    recoup,
    database,
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    demo,
    shoot: async (page, name) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    close: async () => {
      await browser.close().catch(() => undefined);
      await recoup.stop();
      await database.drop();
    },
  };
}

/** Fails the test on any script error in the page, so a broken screen is never a silent pass. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
