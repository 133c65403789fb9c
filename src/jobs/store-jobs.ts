import type { AppContext } from '../context.ts';
import type { DeliveryHandler } from '../modules/webhooks/index.ts';
import { failResolution } from '../modules/resolutions/index.ts';
import type { JobDefinition } from './queue.ts';

// Jobs and webhook handlers of the store integrations (filled in by that work).
export function storeJobs(ctx: AppContext): { jobs: JobDefinition<never>[]; webhookHandlers: Record<string, DeliveryHandler> } {
  const jobs = [
    {
      name: 'resolution.execute',
      retryLimit: 0,
      retryDelaySeconds: 30,
      // Store connectors (Shopify, WooCommerce) are not wired in yet: say so on the resolution
      // instead of pretending, so staff see it among failed actions and can act in the store.
      handle: async (data: { resolutionId: string }) => {
        await failResolution(ctx, data.resolutionId, 'This shop’s platform connector is not available yet; refund in the store admin and record it.');
      },
    } satisfies JobDefinition<{ resolutionId: string }>,
  ];
  return { jobs: jobs as unknown as JobDefinition<never>[], webhookHandlers: {} };
}
