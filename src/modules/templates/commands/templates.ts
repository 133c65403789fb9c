import type { AppContext } from '../../../context.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { formatMoney } from '../../../shared/money.ts';
import { getCase, recordMessage } from '../../cases/index.ts';
import { listEvidence } from '../../evidence/index.ts';
import { getOrder } from '../../orders/index.ts';
import { listParcels } from '../../parcels/index.ts';
import { listSupplierOrders } from '../../suppliers/index.ts';
import { DEFAULT_TEMPLATES, type TemplateDefinition } from '../defaults.ts';
import { placeholders, renderTemplate, TEMPLATE_VARIABLES } from '../render.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config' | 'jobs'>;

export async function listTemplates(ctx: Pick<AppContext, 'db'>, workspaceId: string): Promise<(TemplateDefinition & { custom: boolean })[]> {
  const rows = await ctx.db.selectFrom('message_templates').selectAll().where('workspace_id', '=', workspaceId).execute();
  const custom = rows.map((r) => ({ key: r.key, channel: r.channel, name: r.name, subject: r.subject, body: r.body, custom: true }));
  return [...custom, ...DEFAULT_TEMPLATES.filter((d) => !custom.some((c) => c.key === d.key)).map((d) => ({ ...d, custom: false }))].sort((a, b) => a.key.localeCompare(b.key));
}

export async function saveTemplate(ctx: Pick<AppContext, 'db'>, actor: Actor, input: TemplateDefinition): Promise<TemplateDefinition> {
  requireRole(actor, 'admin');
  if (!/^[a-z][a-z0-9_]{2,60}$/.test(input.key)) throw new AppError('VALIDATION_FAILED', 'key: use 3-60 lower-case letters, digits or _.');
  const unknown = placeholders(`${input.subject}\n${input.body}`).filter((p) => !(TEMPLATE_VARIABLES as readonly string[]).includes(p));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', `body: unknown variable(s) ${unknown.map((u) => `{{${u}}}`).join(', ')}; use ${TEMPLATE_VARIABLES.join(', ')}.`);
  await ctx.db
    .insertInto('message_templates')
    .values({ id: newId('template'), workspace_id: actor.workspaceId, ...input, updated_by: actor.label })
    .onConflict((oc) => oc.columns(['workspace_id', 'key']).doUpdateSet({ channel: input.channel, name: input.name, subject: input.subject, body: input.body, updated_by: actor.label, updated_at: new Date() }))
    .execute();
  return input;
}

/** The variables of a case: order, parcel, supplier, case and evidence. */
export async function caseVariables(ctx: Ctx, workspaceId: string, caseId: string): Promise<Record<string, unknown>> {
  const kase = await getCase(ctx.db, workspaceId, caseId);
  const [order, parcels, supplierOrders, evidence, shop] = await Promise.all([
    getOrder(ctx.db, workspaceId, kase.orderId),
    listParcels(ctx.db, { workspaceId, orderId: kase.orderId, withEvents: true }),
    listSupplierOrders(ctx.db, { workspaceId, orderId: kase.orderId }),
    listEvidence(ctx.db, caseId),
    ctx.db.selectFrom('shops').select('name').where('id', '=', kase.shopId).executeTakeFirstOrThrow(),
  ]);
  const parcel = parcels.at(-1);
  const last = parcel?.events?.at(-1);
  const items = kase.lines.map((l) => `${l.quantity} × ${order.lines.find((o) => o.id === l.orderLineId)?.title ?? 'item'}`).join(', ');
  return {
    order: { number: order.orderNumber, date: order.placedAt.slice(0, 10), total: formatMoney({ amountMinor: order.totalMinor, currency: order.currency }) },
    customer: { name: order.customer?.name ?? 'there', email: order.customer?.email ?? '' },
    parcel: parcel ? { trackingNumber: parcel.trackingNumber, carrier: parcel.carrier ?? 'the carrier', status: parcel.status.replaceAll('_', ' '), lastEvent: last?.description || parcel.status.replaceAll('_', ' '), lastEventDate: (last?.occurredAt ?? parcel.shippedAt ?? '').slice(0, 10) } : undefined,
    supplier: supplierOrders[0] ? { name: supplierOrders[0].supplier.name, orderId: supplierOrders[0].externalId ?? supplierOrders[0].id } : undefined,
    case: { number: kase.number, reason: kase.reason.replaceAll('_', ' '), description: kase.description || kase.reason.replaceAll('_', ' '), items },
    evidence: { count: evidence.length, links: evidence.map((e) => `${ctx.config.publicUrl}/api/v1/evidence/${e.id}/file`).join(' ') || 'none yet' },
    shop: { name: shop.name },
    trackingUrl: `${ctx.config.publicUrl}/track`,
  };
}

export async function previewTemplate(ctx: Ctx, actor: Actor, caseId: string, key: string) {
  const template = (await listTemplates(ctx, actor.workspaceId)).find((t) => t.key === key);
  if (!template) throw new AppError('NOT_FOUND', `Template ${key} was not found.`);
  const vars = await caseVariables(ctx, actor.workspaceId, caseId);
  const subject = renderTemplate(template.subject, vars);
  const body = renderTemplate(template.body, vars);
  return { key, channel: template.channel, subject: subject.text, body: body.text, missing: [...new Set([...subject.missing, ...body.missing])] };
}

/** Renders the template for the case and keeps the message on its timeline. */
export async function sendTemplate(ctx: Ctx, actor: Actor, caseId: string, key: string) {
  const preview = await previewTemplate(ctx, actor, caseId, key);
  if (preview.missing.length) throw new AppError('VALIDATION_FAILED', `The case has no value yet for ${preview.missing.map((m) => `{{${m}}}`).join(', ')}; edit the message instead.`);
  return recordMessage(ctx, actor, { caseId, channel: preview.channel, direction: 'outbound', body: preview.subject ? `${preview.subject}\n\n${preview.body}` : preview.body });
}
