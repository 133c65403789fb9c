// DROPSHIPPER_ORDER_STATUS_UPDATE, AliExpress's only order push. The signature is read from the
// `Authorization` header: lowercase hex HMAC-SHA256(app secret, app key + raw body). The research
// documents the message but not its signing; this follows the IOP push convention (unverified).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { idString, parseAliExpressJson } from './json.ts';
import { mapAliExpressPushStatus, type AliExpressSupplierStatus } from './statuses.ts';

type Headers = Record<string, string | string[] | undefined> | globalThis.Headers;

function header(headers: Headers, name: string): string | null {
  if (typeof (headers as globalThis.Headers).get === 'function') return (headers as globalThis.Headers).get(name);
  const entry = Object.entries(headers as Record<string, string | string[] | undefined>).find(([k]) => k.toLowerCase() === name);
  const value = entry?.[1];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** True when the push was signed with this app's key and secret. Give it the body exactly as received. */
export function verifyAliExpressPush(rawBody: string | Buffer, headers: Headers, appSecret: string, appKey: string): boolean {
  const given = header(headers, 'authorization')?.trim().toLowerCase() ?? '';
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  const expected = createHmac('sha256', appSecret).update(Buffer.concat([Buffer.from(appKey, 'utf8'), body])).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

const Id = z.union([z.string(), z.number()]).transform(idString);
const PushSchema = z.object({
  message_type: z.number().optional(),
  seller_id: Id.optional(),
  site: z.string().optional(),
  timestamp: z.number().optional(),
  data: z.object({ orderId: Id, buyerId: Id.optional(), orderStatus: z.string() }),
});

export interface AliExpressOrderPush {
  orderId: string;
  buyerId: string | null;
  sellerId: string | null;
  /** the push's own event name, e.g. OrderShipped */
  orderStatus: string;
  /** what the event announces in Recoup's words; re-read the order for the truth */
  status: AliExpressSupplierStatus | null;
  messageType: number | null;
  site: string | null;
  sentAt: string | null;
  /** same for a duplicated delivery of the same message */
  dedupeKey: string;
}

/** Parses a verified push body; throws on anything that is not a DS order status message. */
export function parseAliExpressPush(rawBody: string | Buffer): AliExpressOrderPush {
  const parsed = PushSchema.safeParse(parseAliExpressJson(rawBody.toString()));
  if (!parsed.success) throw new Error(`Not a DROPSHIPPER_ORDER_STATUS_UPDATE message: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
  const { data, timestamp } = parsed.data;
  // Seconds or milliseconds: the unit is undocumented, so read by magnitude.
  const sentAt = timestamp === undefined ? null : new Date(timestamp < 1e12 ? timestamp * 1000 : timestamp).toISOString();
  return {
    orderId: data.orderId,
    buyerId: data.buyerId ?? null,
    sellerId: parsed.data.seller_id ?? null,
    orderStatus: data.orderStatus,
    status: mapAliExpressPushStatus(data.orderStatus),
    messageType: parsed.data.message_type ?? null,
    site: parsed.data.site ?? null,
    sentAt,
    dedupeKey: `aliexpress:${data.orderId}:${data.orderStatus}:${timestamp ?? ''}`,
  };
}
