import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { migrate, openDatabase, type OpenedDatabase } from './db/database.ts';
import { buildServer } from './http/server.ts';
import { JobQueue } from './jobs/queue.ts';
import { jobDefinitions } from './jobs/registry.ts';
import { systemClock, type Clock } from './shared/clock.ts';

export interface Recoup {
  ctx: AppContext;
  database: OpenedDatabase;
  server: FastifyInstance | null;
  url: string | null;
  stop(): Promise<void>;
}

/**
 * Starts Recoup: database (embedded or DATABASE_URL), migrations, the job queue, then the HTTP
 * server and/or the workers. `recoup serve` runs both; `recoup worker` only the workers; CLI
 * commands neither (they still get a queue to enqueue into).
 */
export async function startRecoup(config: Config, options: { serve: boolean; work: boolean; clock?: Clock; logger?: boolean; port?: number }): Promise<Recoup> {
  const database = await openDatabase(config);
  try {
    await migrate(database.db);
    const jobs = new JobQueue(database.url, { supervise: options.work, schedule: options.work });
    const ctx: AppContext = { db: database.db, jobs, clock: options.clock ?? systemClock, config };
    const definitions = jobDefinitions(ctx);
    await jobs.start(definitions);
    if (options.work) for (const definition of definitions) await jobs.work(definition);
    let server: FastifyInstance | null = null;
    let url: string | null = null;
    if (options.serve) {
      server = await buildServer(ctx, { logger: options.logger });
      url = await server.listen({ port: options.port ?? config.port, host: config.host });
    }
    let stopped = false;
    return {
      ctx,
      database,
      server,
      url,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await server?.close();
        await jobs.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
