import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { Executor } from '../db/database.ts';

// The job queue is pg-boss on Recoup's own PostgreSQL. `enqueue` takes the caller's transaction,
// so a job exists exactly when the business change that asks for it has committed (an outbox
// without a second table).

export interface JobDefinition<D> {
  name: string;
  retryLimit: number;
  retryDelaySeconds: number;
  /** handlers must be idempotent: pg-boss delivers at least once */
  handle(data: D): Promise<void>;
  batchSize?: number;
  cron?: string;
}

export class JobQueue {
  readonly boss: PgBoss;
  private started = false;

  constructor(connectionString: string, private readonly options: { supervise: boolean; schedule: boolean }) {
    this.boss = new PgBoss({
      connectionString,
      max: 4,
      supervise: options.supervise,
      schedule: options.schedule,
      migrate: true,
    });
    // Connection errors while shutting down are expected (the database may stop first).
    this.boss.on('error', (error) => {
      if (this.started) console.error('[jobs]', error.message);
    });
  }

  async start(queues: readonly Pick<JobDefinition<unknown>, 'name' | 'retryLimit' | 'retryDelaySeconds'>[]): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    for (const queue of queues) {
      await this.boss.createQueue(queue.name, { name: queue.name, retryLimit: queue.retryLimit, retryDelay: queue.retryDelaySeconds, retryBackoff: true });
    }
    this.started = true;
  }

  /** Adds a job inside `tx`: it is visible to workers only once `tx` commits. */
  async enqueue(tx: Executor, name: string, data: object, options: { singletonKey?: string; startAfter?: Date } = {}): Promise<void> {
    await this.boss.send(name, data, {
      ...options,
      db: { executeSql: async (text, values) => tx.executeQuery(CompiledQuery.raw(text, values)) as Promise<{ rows: unknown[] }> },
    });
  }

  private readonly nudges = new Map<string, { last: number; timer: NodeJS.Timeout | null }>();

  /**
   * Asks for a job after a commit whose own rows are the durable record (an outbox table with a
   * sweep job behind it), so a lost nudge only delays the work. At most one send per key every
   * 200 ms from this process: a burst of webhooks costs one job, not one per delivery.
   */
  nudge(name: string, data: object, key: string): void {
    const state = this.nudges.get(key) ?? { last: 0, timer: null };
    this.nudges.set(key, state);
    const send = () => {
      state.last = Date.now();
      state.timer = null;
      if (this.started) this.boss.send(name, data, { singletonKey: key, singletonSeconds: 1, singletonNextSlot: true }).catch(() => undefined);
    };
    const wait = 200 - (Date.now() - state.last);
    if (wait <= 0 && !state.timer) send();
    else if (!state.timer) state.timer = setTimeout(send, Math.max(0, wait));
  }

  async work<D>(definition: JobDefinition<D>): Promise<void> {
    const batchSize = definition.batchSize ?? 1;
    let workerId: string | null = null;
    workerId = await this.boss.work<D>(definition.name, { batchSize, pollingIntervalSeconds: 1 }, async (jobs) => {
      // pg-boss marks the whole batch failed if this throws; each failed job is retried on its own.
      for (const job of jobs) await definition.handle(job.data);
      // A full batch means more are waiting: fetch again at once instead of sleeping out the poll.
      if (jobs.length === batchSize && workerId) this.boss.notifyWorker(workerId);
    });
    if (definition.cron && this.options.schedule) await this.boss.schedule(definition.name, definition.cron, {});
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    for (const state of this.nudges.values()) if (state.timer) clearTimeout(state.timer);
    await this.boss.stop({ graceful: true, timeout: 10_000, wait: true });
  }
}
