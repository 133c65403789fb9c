import type { Executor } from '../../../db/database.ts';
import type { Row } from '../../../db/schema.ts';

export interface ProductMapping {
  id: string;
  sku: string;
  productId: string;
  skuAttr: string;
  supplierName: string;
  supplierStoreUrl: string | null;
  updatedBy: string;
  updatedAt: string;
}

export interface ShippingPreset {
  id: string;
  productId: string | null;
  country: string | null;
  shippingMethod: string;
  /** which orders it applies to, most specific first */
  scope: 'product_country' | 'product' | 'country' | 'global';
  updatedBy: string;
  updatedAt: string;
}

export const toProductMapping = (row: Row<'product_mappings'>): ProductMapping => ({
  id: row.id, sku: row.sku, productId: row.product_id, skuAttr: row.sku_attr, supplierName: row.supplier_name,
  supplierStoreUrl: row.supplier_store_url, updatedBy: row.updated_by, updatedAt: row.updated_at.toISOString(),
});

export const toShippingPreset = (row: Row<'shipping_presets'>): ShippingPreset => ({
  id: row.id, productId: row.product_id, country: row.country, shippingMethod: row.shipping_method,
  scope: row.product_id ? (row.country ? 'product_country' : 'product') : row.country ? 'country' : 'global',
  updatedBy: row.updated_by, updatedAt: row.updated_at.toISOString(),
});

export async function listProductMappings(db: Executor, workspaceId: string): Promise<ProductMapping[]> {
  return (await db.selectFrom('product_mappings').selectAll().where('workspace_id', '=', workspaceId).orderBy('sku').execute()).map(toProductMapping);
}

export async function listShippingPresets(db: Executor, workspaceId: string): Promise<ShippingPreset[]> {
  const rows = await db.selectFrom('shipping_presets').selectAll().where('workspace_id', '=', workspaceId).orderBy('product_id').orderBy('country').execute();
  return rows.map(toShippingPreset);
}

/** The preset for a product to a country: product+country, then product, then country, then global. */
export function pickShippingMethod(presets: ShippingPreset[], productId: string, country: string): string | null {
  const order: ShippingPreset['scope'][] = ['product_country', 'product', 'country', 'global'];
  const fits = presets.filter((p) => (p.productId === null || p.productId === productId) && (p.country === null || p.country === country));
  fits.sort((a, b) => order.indexOf(a.scope) - order.indexOf(b.scope));
  return fits[0]?.shippingMethod ?? null;
}
