import { parseAliExpressPush, verifyAliExpressPush } from '../../connectors/aliexpress/index.ts';
import type { AppContext } from '../../context.ts';
import { unseal } from '../../shared/crypto.ts';
import type { Verification, WebhookSource } from './types.ts';

// Supplier platforms: AliExpress's DROPSHIPPER_ORDER_STATUS_UPDATE push, signed with the app's key
// and secret. The URL may name the buyer account (/webhooks/aliexpress/spa_…, shown in its
// settings); without it, every connected AliExpress app is tried, since one app serves them all.

const CACHE_MS = 5_000;
let cache: { at: number; apps: { id: string; workspaceId: string; appKey: string; appSecret: string }[] } | null = null;

async function aliExpressApps(ctx: AppContext) {
  if (cache && Date.now() - cache.at < CACHE_MS) return cache.apps;
  const rows = await ctx.db.selectFrom('supplier_accounts').select(['id', 'workspace_id', 'login', 'secret_encrypted']).where('platform', '=', 'aliexpress').where('enabled', '=', true).execute();
  const apps = rows.map((r) => ({ id: r.id, workspaceId: r.workspace_id, appKey: r.login, appSecret: unseal(r.secret_encrypted, ctx.config.secretKey) }));
  cache = { at: Date.now(), apps };
  return apps;
}

const aliexpress: WebhookSource = {
  async verify(ctx, { rawBody, headers, key }): Promise<Verification> {
    const apps = (await aliExpressApps(ctx)).filter((a) => !key || a.id === key);
    if (apps.length === 0) return { ok: false, reason: `no enabled AliExpress account${key ? ` ${key}` : ''}` };
    const app = apps.find((a) => verifyAliExpressPush(rawBody, headers, a.appSecret, a.appKey));
    if (!app) return { ok: false, reason: 'the Authorization signature does not match any connected AliExpress app' };
    let push;
    try {
      push = parseAliExpressPush(rawBody);
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    }
    return { ok: true, deliveryKey: push.dedupeKey, topic: `DROPSHIPPER_ORDER_STATUS_UPDATE/${push.orderStatus}`, workspaceId: app.workspaceId, shopId: null };
  },
};

export const supplierWebhookSources: Record<string, WebhookSource> = { aliexpress };
