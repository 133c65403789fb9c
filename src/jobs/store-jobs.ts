import type { AppContext } from '../context.ts';
import {
  backfillShop, executeStoreResolution, pushTracking, reconcileAllShops, reconcileShop, storeDeliveryHandler, sweepStoreExecutions,
} from '../modules/sync/index.ts';
import type { DeliveryHandler } from '../modules/webhooks/index.ts';
import type { JobDefinition } from './queue.ts';

// Jobs and webhook handlers of the store integrations (Shopify, WooCommerce): backfill,
// reconciliation, resolutions executed exactly once, tracking pushed as fulfilments.
export function storeJobs(ctx: AppContext): { jobs: JobDefinition<never>[]; webhookHandlers: Record<string, DeliveryHandler> } {
  const jobs = [
    {
      name: 'resolution.execute',
      // Unknown outcomes and unreachable stores are retried; every retry looks for the mark first.
      retryLimit: 10,
      retryDelaySeconds: 30,
      handle: async (data: { resolutionId: string }) => {
        await executeStoreResolution(ctx, data.resolutionId);
      },
    } satisfies JobDefinition<{ resolutionId: string }>,
    {
      name: 'store.executions-sweep',
      retryLimit: 1,
      retryDelaySeconds: 30,
      cron: '* * * * *',
      handle: async () => {
        await sweepStoreExecutions(ctx);
      },
    } satisfies JobDefinition<object>,
    {
      name: 'store.push-tracking',
      retryLimit: 10,
      retryDelaySeconds: 30,
      batchSize: 10,
      handle: async (data: { parcelId: string }) => {
        await pushTracking(ctx, data.parcelId);
      },
    } satisfies JobDefinition<{ parcelId: string }>,
    {
      name: 'store.backfill',
      // A stopped backfill resumes from its saved cursor.
      retryLimit: 5,
      retryDelaySeconds: 60,
      handle: async (data: { shopId: string; restart?: boolean }) => {
        await backfillShop(ctx, data.shopId, { restart: data.restart === true });
      },
    } satisfies JobDefinition<{ shopId: string; restart?: boolean }>,
    {
      name: 'store.reconcile',
      retryLimit: 2,
      retryDelaySeconds: 60,
      cron: '*/10 * * * *',
      handle: async (data: { shopId?: string }) => {
        if (data.shopId) await reconcileShop(ctx, data.shopId);
        else await reconcileAllShops(ctx);
      },
    } satisfies JobDefinition<{ shopId?: string }>,
  ];
  const handler = storeDeliveryHandler(ctx);
  return { jobs: jobs as unknown as JobDefinition<never>[], webhookHandlers: { shopify: handler, woocommerce: handler } };
}
