import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { JobQueue } from './queue.ts';

describe('jobs enqueued inside a business transaction', () => {
  let t: TestDatabase;
  let jobs: JobQueue;
  beforeAll(async () => {
    t = await createTestDatabase();
    jobs = new JobQueue(t.url, { supervise: false, schedule: false });
    await jobs.start([{ name: 'test.job', retryLimit: 0, retryDelaySeconds: 1 }]);
  });
  afterAll(async () => {
    await jobs.stop();
    await t.drop();
  });

  it('exist only if the transaction commits', async () => {
    await expect(
      t.db.transaction().execute(async (tx) => {
        await jobs.enqueue(tx, 'test.job', { n: 1 });
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect(await jobs.boss.fetch('test.job')).toEqual([]);

    await t.db.transaction().execute((tx) => jobs.enqueue(tx, 'test.job', { n: 2 }));
    const fetched = await jobs.boss.fetch<{ n: number }>('test.job');
    expect(fetched.map((j) => j.data)).toEqual([{ n: 2 }]);
  });
});
