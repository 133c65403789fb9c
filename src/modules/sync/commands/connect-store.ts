import { ConnectorError } from '../../../connectors/types.ts';
import type { AppContext } from '../../../context.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { connectShop, parseStoreCredentials, type ConnectShopInput, type Shop } from '../../shops/index.ts';
import { connectorFromCredentials } from '../connector-for.ts';

/**
 * Connects a Shopify or WooCommerce shop: the credentials are tried with one small read first
 * (a wrong token is said now, not at the first backfill), then sealed and stored.
 */
export async function connectStore(ctx: Pick<AppContext, 'db' | 'config'>, actor: Actor, input: ConnectShopInput & { verify?: boolean }): Promise<Shop> {
  requireRole(actor, 'admin');
  const credentials = parseStoreCredentials(input.platform, input.credentials);
  if (input.verify !== false) {
    try {
      await connectorFromCredentials(credentials, { requestsPerSecond: input.requestsPerSecond }).listOrders({ cursor: null, pageSize: 1 });
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      const code = error.kind === 'unavailable' || error.kind === 'rate_limited' ? 'PLATFORM_UNAVAILABLE' : 'VALIDATION_FAILED';
      throw new AppError(code, `Could not read orders from the ${input.platform} shop with these credentials: ${error.message}`);
    }
  }
  return connectShop({ db: ctx.db, secretKey: ctx.config.secretKey }, actor, input);
}
