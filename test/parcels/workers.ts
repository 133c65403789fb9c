import { jobDefinitions } from '../../src/jobs/registry.ts';
import type { TestApp } from '../support/app.ts';

/**
 * Runs every queued job as pg-boss workers do: fetch a batch, handle each job, complete the batch
 * in one call. (test/support's drainJobs completes job by job, which dominates with 10,000 jobs.)
 */
export function batchWorkers(t: TestApp, batchSize = 500): () => Promise<number> {
  const definitions = jobDefinitions(t.ctx);
  return async () => {
    let ran = 0;
    // Stored webhooks are processed on a nudge sent after commit; the sweep makes that independent of timing.
    await definitions.find((d) => d.name === 'webhook.sweep')!.handle({} as never);
    for (let again = true; again; ) {
      again = false;
      for (const definition of definitions) {
        const batch = await t.ctx.jobs.boss.fetch<never>(definition.name, { batchSize });
        if (!batch || batch.length === 0) continue;
        for (const job of batch) await definition.handle(job.data);
        await t.ctx.jobs.boss.complete(definition.name, batch.map((j) => j.id));
        ran += batch.length;
        again = true;
      }
    }
    return ran;
  };
}
