import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { Clock } from './shared/clock.ts';

/** What commands and queries need from the outside world, built once by the composition root. */
export interface AppContext {
  db: Database;
  jobs: JobQueue;
  clock: Clock;
  config: Config;
}
