import type { AppContext } from '../context.ts';
import type { DeliveryHandler } from '../modules/webhooks/index.ts';
import type { JobDefinition } from './queue.ts';

// Jobs and webhook handlers of the supplier platforms, AliExpress and CJ (filled in by that work).
export function supplierJobs(_ctx: AppContext): { jobs: JobDefinition<never>[]; webhookHandlers: Record<string, DeliveryHandler> } {
  return { jobs: [], webhookHandlers: {} };
}
