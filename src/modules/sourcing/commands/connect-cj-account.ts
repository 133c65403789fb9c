import { createCjClient, type CjTokens } from '../../../connectors/cjdropshipping/index.ts';
import type { AppContext } from '../../../context.ts';
import { requireRole, type Actor } from '../../../shared/actor.ts';
import { seal } from '../../../shared/crypto.ts';
import { newId } from '../../../shared/ids.ts';
import { toAccountView, type SupplierAccountView } from '../accounts.repository.ts';
import { platformError } from '../platform-error.ts';

export const CJ_BASE_URL = 'https://developers.cjdropshipping.com/api2.0/v1';

export interface ConnectCjInput {
  name: string;
  email: string;
  apiKey: string;
  baseUrl?: string | null;
  requestsPerSecond?: number | null;
}

/** Connects a CJdropshipping account: logs in once to prove the key, keeps key and tokens sealed. */
export async function connectCjAccount(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>, actor: Actor, input: ConnectCjInput): Promise<SupplierAccountView> {
  requireRole(actor, 'admin');
  const baseUrl = (input.baseUrl ?? CJ_BASE_URL).replace(/\/+$/, '');
  let tokens: CjTokens | null = null;
  const client = createCjClient({
    baseUrl, email: input.email, apiKey: input.apiKey, now: () => ctx.clock.now(), retryBaseMs: 200, maxRetries: 1,
    ...(input.requestsPerSecond ? { requestsPerSecond: input.requestsPerSecond } : {}),
    onTokens: (next) => { tokens = next; },
  });
  try {
    await client.listOrders({ pageSize: 1 });
  } catch (error) {
    throw platformError(error, 'CJdropshipping did not accept the account', { auth: 'Check the email and the API key (CJ → Authorization → API).' });
  }
  const got = tokens as CjTokens | null;
  const key = ctx.config.secretKey;
  const values = {
    base_url: baseUrl,
    login: input.email,
    secret_encrypted: seal(input.apiKey, key),
    access_token_encrypted: got ? seal(got.accessToken, key) : null,
    refresh_token_encrypted: got ? seal(got.refreshToken, key) : null,
    access_expires_at: got ? new Date(got.accessTokenExpiresAt) : null,
    refresh_expires_at: got ? new Date(got.refreshTokenExpiresAt) : null,
    buyer_account: input.email,
    requests_per_second: input.requestsPerSecond ?? null,
    enabled: true,
    last_error: null,
    updated_at: ctx.clock.now(),
  };
  const row = await ctx.db
    .insertInto('supplier_accounts')
    .values({ id: newId('supplierAccount'), workspace_id: actor.workspaceId, platform: 'cjdropshipping', name: input.name, ...values })
    .onConflict((oc) => oc.columns(['workspace_id', 'platform', 'name']).doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAccountView(row);
}
