import { sql } from 'kysely';
import type { AppContext } from '../../../context.ts';
import { DAY_MS } from '../../../shared/clock.ts';
import { isNotificationKind, type NotificationKind } from '../kinds.ts';
import type { Mailer } from '../mailer.ts';
import { htmlToText, renderTemplate } from '../render.ts';
import { listNotificationTemplates } from '../queries/templates.ts';
import { unsubscribeToken } from '../unsubscribe-token.ts';

const MAX_ATTEMPTS = 5;
const CLAIM = 50;
const SEND_CONCURRENCY = 3;

/**
 * Sends queued messages, after the transactions that queued them committed. Each message is
 * claimed (queued → sending) and committed before the SMTP call, so two workers never send the
 * same one, and a crash mid-send leaves it `sending` (later marked `unknown`) rather than sending
 * it again. No mailer (SMTP_URL unset), no address or an opt-out: recorded as skipped, with why.
 */
export async function sendPendingNotifications(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>, mailer: Mailer | null, limit = 1000): Promise<{ sent: number; skipped: number; failed: number }> {
  const counts = { sent: 0, skipped: 0, failed: 0 };
  const now = ctx.clock.now();
  await ctx.db.updateTable('notifications').set({ status: 'unknown', reason: 'interrupted while sending; not retried so it is never sent twice', updated_at: now }).where('status', '=', 'sending').where('updated_at', '<', new Date(now.getTime() - DAY_MS / 96)).execute();
  const templates = new Map<string, Awaited<ReturnType<typeof listNotificationTemplates>>>();

  for (let done = 0; done < limit; ) {
    const claimed = await ctx.db.transaction().execute(async (tx) => {
      const ids = await tx.selectFrom('notifications').select('id').where('status', '=', 'queued').orderBy('created_at').orderBy('id').limit(CLAIM).forUpdate().skipLocked().execute();
      if (ids.length === 0) return [];
      await tx.updateTable('notifications').set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), updated_at: now })).where('id', 'in', ids.map((r) => r.id)).execute();
      return tx
        .selectFrom('notifications as n')
        .innerJoin('orders as o', 'o.id', 'n.order_id')
        .innerJoin('shops as s', 's.id', 'o.shop_id')
        .leftJoin('customers as c', 'c.id', 'o.customer_id')
        .leftJoin('parcels as p', 'p.id', 'n.parcel_id')
        .leftJoin('notification_opt_outs as u', (join) => join.onRef('u.workspace_id', '=', 'n.workspace_id').on(sql<boolean>`u.email = lower(c.email)`))
        .select(['n.id', 'n.workspace_id', 'n.kind', 'n.data', 'n.attempts', 'o.order_number', 's.name as shop_name', 'c.email', 'c.name as customer_name', 'p.tracking_number', 'p.carrier', 'p.status as parcel_status', 'p.estimated_delivery_at', 'u.email as opted_out'])
        .where('n.id', 'in', ids.map((r) => r.id))
        .orderBy('n.created_at')
        .execute();
    });
    if (claimed.length === 0) break;
    done += claimed.length;

    // A few messages in flight at once: the mailer pools its SMTP connections.
    await inParallel(claimed, SEND_CONCURRENCY, async (n) => {
      const finish = (values: { status: 'sent' | 'skipped' | 'failed' | 'queued'; reason?: string | null; subject?: string | null; message_id?: string | null; sent_at?: Date | null }) =>
        ctx.db.updateTable('notifications').set({ recipient: n.email, reason: null, ...values, updated_at: ctx.clock.now() }).where('id', '=', n.id).execute();
      const skip = async (reason: string) => {
        await finish({ status: 'skipped', reason });
        counts.skipped++;
      };
      if (!isNotificationKind(n.kind)) {
        return skip(`unknown kind ${n.kind}`);
      }
      if (!n.email) return skip('the customer has no email address');
      if (n.opted_out) return skip('the customer unsubscribed from parcel emails');
      if (!mailer) return skip('SMTP_URL is not configured: set it to send customer emails');
      if (!templates.has(n.workspace_id)) templates.set(n.workspace_id, await listNotificationTemplates(ctx.db, n.workspace_id));
      const template = templates.get(n.workspace_id)!.find((t) => t.kind === (n.kind as NotificationKind))!;
      const data = n.data as { status?: string };
      const unsubscribeUrl = `${ctx.config.publicUrl}/api/public/unsubscribe/${unsubscribeToken(n.workspace_id, n.email, ctx.config.secretKey)}`;
      const values = {
        'order.number': n.order_number,
        'customer.name': n.customer_name ?? 'there',
        'shop.name': n.shop_name,
        'parcel.trackingNumber': n.tracking_number,
        'parcel.carrier': n.carrier,
        'parcel.status': (data.status ?? n.parcel_status ?? '').replaceAll('_', ' '),
        'parcel.estimatedDelivery': n.estimated_delivery_at ? n.estimated_delivery_at.toISOString().slice(0, 10) : null,
        trackingUrl: `${ctx.config.publicUrl}/track`,
        unsubscribeUrl,
      };
      const subject = renderTemplate(template.subject, values, 'text');
      const html = renderTemplate(template.body, values, 'html');
      try {
        const { messageId } = await mailer.send({
          to: n.email,
          subject,
          html,
          text: htmlToText(html),
          headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'X-Recoup-Notification': n.id },
        });
        await finish({ status: 'sent', subject, message_id: messageId, sent_at: ctx.clock.now() });
        counts.sent++;
      } catch (error) {
        // Refused before any byte was accepted: safe to try again later, up to a limit.
        const last = n.attempts >= MAX_ATTEMPTS;
        await finish({ status: last ? 'failed' : 'queued', reason: (error as Error).message.slice(0, 500), subject });
        if (last) counts.failed++;
      }
    });
  }
  return counts;
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}
