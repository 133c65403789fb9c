import type { FreightOption } from '../../../connectors/aliexpress/index.ts';
import type { AppContext } from '../../../context.ts';
import type { Actor } from '../../../shared/actor.ts';
import { loadSupplierAccount } from '../accounts.repository.ts';
import { aliExpressClientFor } from '../clients.ts';
import { platformError } from '../platform-error.ts';

/** The shipping methods AliExpress offers for a product to a country: what a preset may name. */
export async function quoteFreight(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  actor: Actor,
  query: { productId: string; country: string; skuId?: string | null; quantity?: number; accountId?: string | null },
): Promise<{ available: boolean; reason: string | null; options: FreightOption[] }> {
  const account = await loadSupplierAccount(ctx.db, ctx.config.secretKey, actor.workspaceId, 'aliexpress', query.accountId);
  try {
    return await aliExpressClientFor(ctx, account).queryFreight({ productId: query.productId, country: query.country, skuId: query.skuId ?? null, quantity: query.quantity ?? 1 });
  } catch (error) {
    throw platformError(error, `AliExpress did not quote shipping for product ${query.productId} to ${query.country}`);
  }
}
