import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { requireRole, type Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { toShippingPreset, type ShippingPreset } from '../queries/sourcing-settings.ts';

export interface SaveShippingPresetInput {
  /** AliExpress product id; null: every product */
  productId: string | null;
  /** ISO 3166-1 alpha-2 destination; null: every destination */
  country: string | null;
  /** logistics_service_name, e.g. CAINIAO_FULFILLMENT_STD (from aliexpress.ds.freight.query) */
  shippingMethod: string;
}

/**
 * Sets the shipping method for a product to a country; leaving the product out makes the
 * country's default, leaving both out the global default. Saving the same scope replaces it.
 */
export async function saveShippingPreset(db: Executor, actor: Actor, input: SaveShippingPresetInput): Promise<ShippingPreset> {
  requireRole(actor, 'admin');
  const country = input.country?.toUpperCase() ?? null;
  if (country !== null && !/^[A-Z]{2}$/.test(country)) throw new AppError('VALIDATION_FAILED', `country "${input.country}" must be a 2-letter ISO code like US.`);
  const method = input.shippingMethod.trim();
  if (!/^[A-Za-z0-9_ -]{2,80}$/.test(method)) throw new AppError('VALIDATION_FAILED', `shippingMethod "${input.shippingMethod}" is not an AliExpress logistics service name (e.g. CAINIAO_FULFILLMENT_STD).`);
  const row = await db
    .insertInto('shipping_presets')
    .values({ id: newId('shippingPreset'), workspace_id: actor.workspaceId, product_id: input.productId, country, shipping_method: method, updated_by: actor.label })
    .onConflict((oc) =>
      oc.expression(sql`workspace_id, coalesce(product_id, ''), coalesce(country, '')`).doUpdateSet({ shipping_method: method, updated_by: actor.label, updated_at: new Date() }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toShippingPreset(row);
}
