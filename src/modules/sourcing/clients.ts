import { createAliExpressClient, type AliExpressClient } from '../../connectors/aliexpress/index.ts';
import { createCjClient, type CjClient, type CjTokens } from '../../connectors/cjdropshipping/index.ts';
import type { AppContext } from '../../context.ts';
import { seal, sha256 } from '../../shared/crypto.ts';
import { AppError } from '../../shared/errors.ts';
import { openAccount, type SupplierAccount } from './accounts.repository.ts';
import { platformError } from './platform-error.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

/** AliExpress access tokens are renewed this long before they expire (research §3.1: ~30 minutes). */
export const TOKEN_REFRESH_MARGIN_MS = 30 * 60_000;

// One client per account and credentials, kept for the process: CJ paces calls under the
// account's QPS and caches its token, and both must span requests to do so.
const aliExpressClients = new Map<string, AliExpressClient>();
const cjClients = new Map<string, CjClient>();
const cacheKey = (a: SupplierAccount) => `${a.id}|${a.baseUrl}|${a.login}|${sha256(a.secret)}|${a.requestsPerSecond ?? ''}`;

/** A client that signs with the account's app key and uses a token renewed before it expires. */
export function aliExpressClientFor(ctx: Ctx, account: SupplierAccount): AliExpressClient {
  const key = cacheKey(account);
  const known = aliExpressClients.get(key);
  if (known) return known;
  let current = account.accessToken && account.accessExpiresAt ? { token: account.accessToken, expiresAt: Date.parse(account.accessExpiresAt) } : null;
  const client = createAliExpressClient({
    baseUrl: account.baseUrl,
    appKey: account.login,
    appSecret: account.secret,
    now: () => ctx.clock.now(),
    retryBaseMs: 100,
    getAccessToken: async () => {
      if (current && current.expiresAt - ctx.clock.now().getTime() > TOKEN_REFRESH_MARGIN_MS) return current.token;
      current = await refreshAliExpressToken(ctx, account.id);
      return current.token;
    },
  });
  aliExpressClients.set(key, client);
  return client;
}

/**
 * Renews the account's access token unless another worker just did (the row lock orders them);
 * `force` renews even a token that looks fresh, for the cron job. Refuses with what to do when the
 * refresh token itself has run out.
 */
export async function refreshAliExpressToken(ctx: Ctx, accountId: string, options: { marginMs?: number } = {}): Promise<{ token: string; expiresAt: number }> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('supplier_accounts').selectAll().where('id', '=', accountId).forUpdate().executeTakeFirstOrThrow();
    const account = openAccount(row, ctx.config.secretKey);
    const now = ctx.clock.now().getTime();
    const margin = options.marginMs ?? TOKEN_REFRESH_MARGIN_MS;
    if (account.accessToken && row.access_expires_at && row.access_expires_at.getTime() - now > margin) {
      return { token: account.accessToken, expiresAt: row.access_expires_at.getTime() };
    }
    if (!account.refreshToken || (row.refresh_expires_at && row.refresh_expires_at.getTime() <= now)) {
      const when = row.refresh_expires_at ? ` on ${row.refresh_expires_at.toISOString()}` : '';
      throw new AppError('PLATFORM_AUTH_FAILED', `The authorisation of AliExpress buyer account "${account.name}" expired${when}. Authorise it again on AliExpress and connect it with the new code (Settings → Sourcing).`);
    }
    const client = createAliExpressClient({ baseUrl: account.baseUrl, appKey: account.login, appSecret: account.secret, now: () => ctx.clock.now(), getAccessToken: () => '', retryBaseMs: 100 });
    let token;
    try {
      token = await client.refreshToken(account.refreshToken);
    } catch (error) {
      throw platformError(error, `Refreshing the token of AliExpress buyer account "${account.name}"`, {
        auth: 'Authorise the account again on AliExpress and connect it with the new code (Settings → Sourcing).',
      });
    }
    await tx
      .updateTable('supplier_accounts')
      .set({
        access_token_encrypted: seal(token.accessToken, ctx.config.secretKey),
        refresh_token_encrypted: seal(token.refreshToken || account.refreshToken, ctx.config.secretKey),
        access_expires_at: new Date(token.expiresAt),
        refresh_expires_at: token.refreshExpiresAt ? new Date(token.refreshExpiresAt) : row.refresh_expires_at,
        last_error: null,
        updated_at: ctx.clock.now(),
      })
      .where('id', '=', accountId)
      .execute();
    return { token: token.accessToken, expiresAt: Date.parse(token.expiresAt) };
  });
}

/** A CJ client whose tokens are kept sealed on the account, so CJ's once-per-5-minutes login is spared. */
export function cjClientFor(ctx: Ctx, account: SupplierAccount): CjClient {
  const key = cacheKey(account);
  const known = cjClients.get(key);
  if (known) return known;
  const tokens: CjTokens | null =
    account.accessToken && account.refreshToken && account.accessExpiresAt && account.refreshExpiresAt
      ? { accessToken: account.accessToken, refreshToken: account.refreshToken, accessTokenExpiresAt: account.accessExpiresAt, refreshTokenExpiresAt: account.refreshExpiresAt }
      : null;
  const client = createCjClient({
    baseUrl: account.baseUrl,
    email: account.login,
    apiKey: account.secret,
    now: () => ctx.clock.now(),
    retryBaseMs: 200,
    tokens,
    ...(account.requestsPerSecond ? { requestsPerSecond: account.requestsPerSecond } : {}),
    onTokens: async (next) => {
      await ctx.db
        .updateTable('supplier_accounts')
        .set({
          access_token_encrypted: seal(next.accessToken, ctx.config.secretKey),
          refresh_token_encrypted: seal(next.refreshToken, ctx.config.secretKey),
          access_expires_at: new Date(next.accessTokenExpiresAt),
          refresh_expires_at: new Date(next.refreshTokenExpiresAt),
          updated_at: ctx.clock.now(),
        })
        .where('id', '=', account.id)
        .execute();
    },
  });
  cjClients.set(key, client);
  return client;
}
