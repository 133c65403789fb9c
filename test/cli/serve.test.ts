import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// `recoup serve` as a merchant runs it: embedded PostgreSQL in a data dir, CLI commands beside
// the running server, a clean stop, and a restart that finds the data again.

const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(tmpdir(), 'recoup-serve-'));
const env = { ...process.env, RECOUP_DATA_DIR: dataDir, DATABASE_URL: '', RECOUP_SECRET_KEY: '', LOG_LEVEL: 'silent' };
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startServe(port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const started = Date.now();
  while (Date.now() - started < 30_000) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false);
    if (ok && output.includes('Recoup is running')) return { child, seconds: (Date.now() - started) / 1000, output: () => output };
    if (child.exitCode !== null) throw new Error(`serve exited early:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`serve did not answer /healthz in 30 s:\n${output}`);
}

async function stop(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('recoup serve on the embedded database', () => {
  it('answers /healthz, works beside CLI commands, stops cleanly and keeps its data across a restart', async () => {
    const port = await freePort();
    const first = await startServe(port);
    console.log(`serve answered /healthz after ${first.seconds.toFixed(1)} s (first start, fresh data dir)`);
    expect(first.seconds).toBeLessThan(20);
    expect(first.output()).toMatch(/First run: sign in as owner@recoup\.local with password \S+/);

    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'token', 'create', '--name', 'ci'], { env });
    const token = stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^rcp_/);
    const created = await fetch(`http://127.0.0.1:${port}/api/v1/shops`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Kept Shop', platform: 'manual', currency: 'EUR' }),
    });
    expect(created.status).toBe(201);

    await stop(first.child);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false); // PostgreSQL stopped with it

    const second = await startServe(port);
    console.log(`serve answered /healthz after ${second.seconds.toFixed(1)} s (restart)`);
    expect(second.output()).not.toMatch(/First run/);
    const shops = await fetch(`http://127.0.0.1:${port}/api/v1/shops`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
    expect(shops.items.map((s: { name: string }) => s.name)).toEqual(['Kept Shop']);
    await stop(second.child);
  }, 90_000);

  it('refuses to boot with a malformed variable and names it', async () => {
    const result = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'migrate'], { env: { ...env, PORT: 'abc' } }).catch((e: { code: number; stderr: string }) => e);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining('PORT') });
    const noKey = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'migrate'], { env: { ...env, DATABASE_URL: 'postgres://x@127.0.0.1:1/x' } }).catch((e: { code: number; stderr: string }) => e);
    expect(noKey).toMatchObject({ code: 2, stderr: expect.stringContaining('RECOUP_SECRET_KEY is required') });
  });
});
