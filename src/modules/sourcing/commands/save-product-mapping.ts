import type { Executor } from '../../../db/database.ts';
import { requireRole, type Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { toProductMapping, type ProductMapping } from '../queries/sourcing-settings.ts';

export interface SaveProductMappingInput {
  /** the store's SKU, as on the order lines */
  sku: string;
  /** AliExpress product id */
  productId: string;
  /** from aliexpress.ds.product.get; "" for a product with one SKU */
  skuAttr?: string;
  /** the AliExpress store that sells it */
  supplierName: string;
  supplierStoreUrl?: string | null;
}

/** Says which AliExpress product a store SKU is bought as (one mapping per SKU; saving again replaces it). */
export async function saveProductMapping(db: Executor, actor: Actor, input: SaveProductMappingInput): Promise<ProductMapping> {
  requireRole(actor, 'admin');
  const sku = input.sku.trim();
  if (!sku) throw new AppError('VALIDATION_FAILED', 'sku: give the store SKU this mapping is for.');
  if (!/^\d{6,20}$/.test(input.productId)) throw new AppError('VALIDATION_FAILED', `productId "${input.productId}" is not an AliExpress product id (digits, as in the product URL).`);
  const values = {
    product_id: input.productId,
    sku_attr: input.skuAttr ?? '',
    supplier_name: input.supplierName.trim(),
    supplier_store_url: input.supplierStoreUrl ?? null,
    updated_by: actor.label,
    updated_at: new Date(),
  };
  const row = await db
    .insertInto('product_mappings')
    .values({ id: newId('productMapping'), workspace_id: actor.workspaceId, sku, ...values })
    .onConflict((oc) => oc.columns(['workspace_id', 'sku']).doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toProductMapping(row);
}
