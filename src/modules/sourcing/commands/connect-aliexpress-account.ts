import { createAliExpressClient } from '../../../connectors/aliexpress/index.ts';
import type { AppContext } from '../../../context.ts';
import { requireRole, type Actor } from '../../../shared/actor.ts';
import { seal } from '../../../shared/crypto.ts';
import { newId } from '../../../shared/ids.ts';
import { toAccountView, type SupplierAccountView } from '../accounts.repository.ts';
import { platformError } from '../platform-error.ts';

export const ALIEXPRESS_BASE_URL = 'https://api-sg.aliexpress.com';

export interface ConnectAliExpressInput {
  name: string;
  appKey: string;
  appSecret: string;
  /** the OAuth authorization code AliExpress handed the callback; it works once */
  code: string;
  /** the simulator's URL in tests and the demo */
  baseUrl?: string | null;
  autoPay?: boolean;
}

/**
 * Connects (or re-authorises) an AliExpress buyer account: the code is exchanged for tokens at
 * once, and the app secret and tokens are stored sealed. Nothing is stored if AliExpress refuses.
 */
export async function connectAliExpressAccount(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>, actor: Actor, input: ConnectAliExpressInput): Promise<SupplierAccountView> {
  requireRole(actor, 'admin');
  const baseUrl = (input.baseUrl ?? ALIEXPRESS_BASE_URL).replace(/\/+$/, '');
  const client = createAliExpressClient({ baseUrl, appKey: input.appKey, appSecret: input.appSecret, now: () => ctx.clock.now(), getAccessToken: () => '', retryBaseMs: 100 });
  let token;
  try {
    token = await client.createToken(input.code);
  } catch (error) {
    throw platformError(error, 'AliExpress did not accept the authorisation', {
      auth: 'Check the app key and secret, and authorise again: a code works once and only for about 30 minutes.',
    });
  }
  const key = ctx.config.secretKey;
  const now = ctx.clock.now();
  const values = {
    base_url: baseUrl,
    login: input.appKey,
    secret_encrypted: seal(input.appSecret, key),
    access_token_encrypted: seal(token.accessToken, key),
    refresh_token_encrypted: seal(token.refreshToken, key),
    access_expires_at: new Date(token.expiresAt),
    refresh_expires_at: token.refreshExpiresAt ? new Date(token.refreshExpiresAt) : null,
    external_user_id: token.userId || null,
    buyer_account: token.account,
    auto_pay: input.autoPay ?? true,
    enabled: true,
    last_error: null,
    updated_at: now,
  };
  const row = await ctx.db
    .insertInto('supplier_accounts')
    .values({ id: newId('supplierAccount'), workspace_id: actor.workspaceId, platform: 'aliexpress', name: input.name, ...values })
    .onConflict((oc) => oc.columns(['workspace_id', 'platform', 'name']).doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAccountView(row);
}
