import type { AppContext } from '../context.ts';
import { runBulk } from '../modules/bulk/index.ts';
import { tagCaseSignals } from '../modules/cases/index.ts';
import { sendDeadlineReminders } from '../modules/disputes/index.ts';
import { runRules, scanRuleTriggers, type Trigger } from '../modules/rules/index.ts';
import { scanParcelTrouble } from '../modules/parcels/index.ts';
import { processDelivery, processPendingDeliveries, sourcesWithPendingDeliveries } from '../modules/webhooks/index.ts';
import type { JobDefinition } from './queue.ts';
import { storeJobs } from './store-jobs.ts';
import { supplierJobs } from './supplier-jobs.ts';
import { trackingJobs } from './tracking-jobs.ts';

// Every job Recoup runs, with its retry policy. Handlers are idempotent: pg-boss delivers at least once.
export function jobDefinitions(ctx: AppContext): JobDefinition<never>[] {
  const tracking = trackingJobs(ctx);
  const stores = storeJobs(ctx);
  const suppliers = supplierJobs(ctx);
  const webhookHandlers = { ...tracking.webhookHandlers, ...stores.webhookHandlers, ...suppliers.webhookHandlers };
  const jobs = [
    {
      name: 'webhook.process',
      retryLimit: 8,
      retryDelaySeconds: 5,
      batchSize: 20,
      // Nudged after deliveries are stored: drains everything pending for the source at once.
      handle: async (data: { source?: string; deliveryId?: string }) => {
        if (data.source) await processPendingDeliveries(ctx, data.source, webhookHandlers);
        else if (data.deliveryId) await processDelivery(ctx, data.deliveryId, webhookHandlers);
      },
    } satisfies JobDefinition<{ source?: string; deliveryId?: string }>,
    {
      name: 'webhook.sweep',
      retryLimit: 1,
      retryDelaySeconds: 30,
      cron: '* * * * *',
      // Catches deliveries whose nudge was lost (a process that died right after storing them).
      handle: async () => {
        for (const source of await sourcesWithPendingDeliveries(ctx)) await processPendingDeliveries(ctx, source, webhookHandlers);
      },
    } satisfies JobDefinition<object>,
    {
      name: 'case.opened',
      retryLimit: 5,
      retryDelaySeconds: 10,
      batchSize: 20,
      handle: async (data: { caseId: string }) => {
        await tagCaseSignals(ctx.db, data.caseId);
        await runRules(ctx, 'case.opened', data.caseId, 'opened');
      },
    } satisfies JobDefinition<{ caseId: string }>,
    {
      name: 'disputes.reminders',
      retryLimit: 2,
      retryDelaySeconds: 30,
      cron: '*/10 * * * *',
      handle: async () => {
        const workspace = await ctx.db.selectFrom('workspaces').select('settings').orderBy('created_at').executeTakeFirst();
        const days = (workspace?.settings as { reminderDays?: number[] } | undefined)?.reminderDays;
        await sendDeadlineReminders(ctx, days?.length ? days : undefined);
      },
    } satisfies JobDefinition<object>,
    {
      name: 'rules.run',
      retryLimit: 5,
      retryDelaySeconds: 10,
      batchSize: 20,
      handle: async (data: { trigger: Trigger; caseId: string; eventKey: string }) => {
        await runRules(ctx, data.trigger, data.caseId, data.eventKey);
      },
    } satisfies JobDefinition<{ trigger: Trigger; caseId: string; eventKey: string }>,
    {
      name: 'bulk.run',
      retryLimit: 3,
      retryDelaySeconds: 10,
      handle: async (data: { bulkId: string }) => {
        await runBulk(ctx, data.bulkId);
      },
    } satisfies JobDefinition<{ bulkId: string }>,
    {
      name: 'rules.scan',
      retryLimit: 2,
      retryDelaySeconds: 60,
      cron: '*/15 * * * *',
      handle: async () => {
        await scanRuleTriggers(ctx);
      },
    } satisfies JobDefinition<object>,
    {
      name: 'parcels.scan-trouble',
      retryLimit: 2,
      retryDelaySeconds: 60,
      cron: '*/15 * * * *',
      handle: async () => {
        await scanParcelTrouble(ctx);
      },
    } satisfies JobDefinition<object>,
  ];
  return [...(jobs as unknown as JobDefinition<never>[]), ...tracking.jobs, ...stores.jobs, ...suppliers.jobs];
}
