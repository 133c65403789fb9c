import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../src/context.ts';
import { loadConfig } from '../../src/config.ts';
import { buildServer } from '../../src/http/server.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { jobDefinitions } from '../../src/jobs/registry.ts';
import { createShop } from '../../src/modules/shops/index.ts';
import { createApiToken, createUser, ensureWorkspace } from '../../src/modules/staff/index.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: ReturnType<typeof fixedClock>;
  database: TestDatabase;
  token: string;
  shopId: string;
  workspaceId: string;
  /** calls the API as the owner token; `as: null` sends no credentials */
  api(method: string, url: string, body?: unknown, as?: string | null): Promise<{ status: number; body: any }>;
  /** runs every queued job now, as a worker would */
  drainJobs(): Promise<number>;
  close(): Promise<void>;
}

/** A real Recoup (HTTP layer, PostgreSQL, pg-boss) on a fresh database, with a clock the test moves. */
export async function startTestApp(options: { now?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = fixedClock(options.now ?? '2026-03-01T09:00:00Z');
  const config = loadConfig({ DATABASE_URL: database.url, RECOUP_SECRET_KEY: 'ab'.repeat(32), LOG_LEVEL: 'silent', ...options.env });
  const jobs = new JobQueue(database.url, { supervise: false, schedule: false });
  const ctx: AppContext = { db: database.db, jobs, clock, config };
  const definitions = jobDefinitions(ctx);
  await jobs.start(definitions);
  const app = await buildServer(ctx);
  await app.ready();
  await createUser(database.db, { email: 'owner@test.local', name: 'Owner', password: 'correct horse battery', role: 'owner' });
  const { token } = await createApiToken(database.db, { name: 'tests', role: 'admin' });
  const workspaceId = await ensureWorkspace(database.db);
  const shop = await createShop({ db: database.db, secretKey: config.secretKey }, systemActor(workspaceId), { name: 'Gadget Corner', platform: 'manual', currency: 'USD' });

  const api: TestApp['api'] = async (method, url, body, as) => {
    const auth = as === undefined ? token : as;
    const response = await app.inject({
      method: method as 'GET',
      url,
      headers: auth ? { authorization: `Bearer ${auth}` } : {},
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : null };
  };

  const drainJobs = async () => {
    let ran = 0;
    // Stored webhooks are processed on a nudge sent after commit; run the sweep so none waits on timing.
    await definitions.find((d) => d.name === 'webhook.sweep')!.handle({} as never);
    for (const definition of definitions) {
      for (;;) {
        const batch = await jobs.boss.fetch<never>(definition.name, { batchSize: 50 });
        if (!batch || batch.length === 0) break;
        for (const job of batch) {
          await definition.handle(job.data);
          await jobs.boss.complete(definition.name, job.id);
          ran++;
        }
      }
    }
    return ran;
  };

  return {
    app,
    ctx,
    clock,
    database,
    token,
    shopId: shop.id,
    workspaceId,
    api,
    drainJobs,
    close: async () => {
      await app.close();
      await jobs.stop();
      await database.drop();
    },
  };
}
