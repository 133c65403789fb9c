import type { AppContext } from '../context.ts';
import { followCjDisputes, handleAliExpressPush, pollSupplierOrders, refreshAliExpressTokens } from '../modules/sourcing/index.ts';
import type { DeliveryHandler } from '../modules/webhooks/index.ts';
import type { JobDefinition } from './queue.ts';

// Jobs and webhook handlers of the supplier platforms, AliExpress and CJ: the status push, the
// poll under it, token renewal, and following disputes filed with CJ.
export function supplierJobs(ctx: AppContext): { jobs: JobDefinition<never>[]; webhookHandlers: Record<string, DeliveryHandler> } {
  const report = (name: string, failed: { error: string }[]) => {
    if (failed.length > 0) console.error(`[${name}] ${failed.length} failed; first: ${failed[0]!.error}`);
  };
  const jobs = [
    {
      name: 'sourcing.poll-orders',
      retryLimit: 2,
      retryDelaySeconds: 60,
      cron: '*/30 * * * *',
      handle: async () => report('sourcing.poll-orders', (await pollSupplierOrders(ctx)).failed),
    } satisfies JobDefinition<object>,
    {
      name: 'sourcing.refresh-tokens',
      retryLimit: 2,
      retryDelaySeconds: 60,
      cron: '*/15 * * * *',
      handle: async () => {
        await refreshAliExpressTokens(ctx);
      },
    } satisfies JobDefinition<object>,
    {
      name: 'sourcing.follow-cj-disputes',
      retryLimit: 2,
      retryDelaySeconds: 60,
      cron: '*/30 * * * *',
      handle: async () => report('sourcing.follow-cj-disputes', (await followCjDisputes(ctx)).failed),
    } satisfies JobDefinition<object>,
  ];
  const aliexpress: DeliveryHandler = async (delivery) => {
    if (!delivery.workspaceId) return; // verified against an account, so always set
    await handleAliExpressPush(ctx, delivery.workspaceId, delivery.body);
  };
  return { jobs: jobs as unknown as JobDefinition<never>[], webhookHandlers: { aliexpress } };
}
