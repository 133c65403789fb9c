import type { Executor } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import { unseal } from '../../shared/crypto.ts';
import { AppError, notFound } from '../../shared/errors.ts';

export type SourcingPlatform = 'aliexpress' | 'cjdropshipping';

/** What staff see of a supplier account: never a secret or token, only their dates. */
export interface SupplierAccountView {
  id: string;
  platform: SourcingPlatform;
  name: string;
  baseUrl: string;
  /** AliExpress app key or CJ email */
  login: string;
  buyerAccount: string | null;
  externalUserId: string | null;
  accessExpiresAt: string | null;
  refreshExpiresAt: string | null;
  autoPay: boolean;
  requestsPerSecond: number | null;
  enabled: boolean;
  lastError: string | null;
  /** where to point AliExpress's DROPSHIPPER_ORDER_STATUS_UPDATE push */
  webhookPath: string | null;
  updatedAt: string;
}

/** An account with its secrets opened, for the platform clients only. */
export interface SupplierAccount extends SupplierAccountView {
  workspaceId: string;
  secret: string;
  accessToken: string | null;
  refreshToken: string | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toAccountView(row: Row<'supplier_accounts'>): SupplierAccountView {
  return {
    id: row.id,
    platform: row.platform,
    name: row.name,
    baseUrl: row.base_url,
    login: row.login,
    buyerAccount: row.buyer_account,
    externalUserId: row.external_user_id,
    accessExpiresAt: iso(row.access_expires_at),
    refreshExpiresAt: iso(row.refresh_expires_at),
    autoPay: row.auto_pay,
    requestsPerSecond: row.requests_per_second,
    enabled: row.enabled,
    lastError: row.last_error,
    webhookPath: row.platform === 'aliexpress' ? `/webhooks/aliexpress/${row.id}` : null,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function openAccount(row: Row<'supplier_accounts'>, key: Buffer): SupplierAccount {
  return {
    ...toAccountView(row),
    workspaceId: row.workspace_id,
    secret: unseal(row.secret_encrypted, key),
    accessToken: row.access_token_encrypted ? unseal(row.access_token_encrypted, key) : null,
    refreshToken: row.refresh_token_encrypted ? unseal(row.refresh_token_encrypted, key) : null,
  };
}

export async function listSupplierAccounts(db: Executor, workspaceId: string): Promise<SupplierAccountView[]> {
  const rows = await db.selectFrom('supplier_accounts').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').execute();
  return rows.map(toAccountView);
}

/**
 * The account to use: the one named, or the workspace's only enabled account on that platform.
 * Refuses with a message that says which account to connect or name.
 */
export async function loadSupplierAccount(db: Executor, key: Buffer, workspaceId: string, platform: SourcingPlatform, accountId?: string | null): Promise<SupplierAccount> {
  let query = db.selectFrom('supplier_accounts').selectAll().where('workspace_id', '=', workspaceId).where('platform', '=', platform);
  if (accountId) query = query.where('id', '=', accountId);
  else query = query.where('enabled', '=', true);
  const rows = await query.orderBy('created_at').limit(2).execute();
  const label = platform === 'aliexpress' ? 'AliExpress buyer account' : 'CJdropshipping account';
  if (accountId && rows.length === 0) throw notFound(label, accountId);
  if (rows.length === 0) throw new AppError('VALIDATION_FAILED', `No ${label} is connected; connect one in Settings → Sourcing first.`);
  if (rows.length > 1) throw new AppError('VALIDATION_FAILED', `accountId: this workspace has several ${label}s; say which one to use.`);
  if (!rows[0]!.enabled) throw new AppError('CONFLICT', `The ${label} ${rows[0]!.name} is disabled; enable it first.`);
  return openAccount(rows[0]!, key);
}
