import type { ColumnType } from 'kysely';

// Column shapes shared by every table type.
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T = Record<string, unknown>> = ColumnType<T, string | T, string | T>;

export type Role = 'owner' | 'admin' | 'agent' | 'viewer';
export type Platform = 'manual' | 'shopify' | 'woocommerce';
export type SupplierPlatform = 'aliexpress' | 'cjdropshipping' | 'other';
export type Visibility = 'internal' | 'customer';
