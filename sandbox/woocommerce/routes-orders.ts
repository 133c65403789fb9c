import type { FastifyInstance } from 'fastify';
import { renderNote, renderOrder } from './render.ts';
import { NAMESPACE, WooHttpError, enumParam, intParam, invalidParam, missingParam, paginate, parseFilterDate, siteUrl } from './respond.ts';
import type { OrderStatus, SimMeta, SimOrder, WooStore } from './store.ts';

// Orders and order notes: list with filters and paging, read one, update status and meta_data
// (PUT, or POST/PATCH as WordPress's EDITABLE allows), read and add notes.

const STATUSES: OrderStatus[] = ['pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed'];
type Query = Record<string, string | undefined>;

export function findOrder(store: WooStore, id: string, code = 'woocommerce_rest_shop_order_invalid_id', message = 'Invalid ID.'): SimOrder {
  const order = /^\d+$/.test(id) ? store.orders.get(Number(id)) : undefined;
  if (!order) throw new WooHttpError(404, code, message);
  return order;
}

/** WC_Data::update_meta_data: by id when given, else the first entry with the key (others dropped), else added. */
export function applyMeta(store: WooStore, meta: SimMeta[], input: unknown): SimMeta[] {
  if (!Array.isArray(input)) throw invalidParam('meta_data', 'meta_data is not of type array.');
  let next = [...meta];
  for (const raw of input as { id?: unknown; key?: unknown; value?: unknown }[]) {
    if (typeof raw !== 'object' || raw === null || typeof raw.key !== 'string') throw invalidParam('meta_data', 'meta_data[0][key] is not of type string.');
    const key = raw.key;
    const byId = typeof raw.id === 'number' ? next.find((m) => m.id === raw.id) : undefined;
    if (byId) {
      byId.key = key;
      byId.value = raw.value;
      continue;
    }
    const first = next.find((m) => m.key === key);
    if (first) {
      first.value = raw.value;
      next = next.filter((m) => m.key !== key || m === first);
    } else {
      next.push({ id: store.nextMetaId(), key, value: raw.value });
    }
  }
  return next;
}

export function registerOrderRoutes(app: FastifyInstance, store: WooStore): void {
  app.get<{ Querystring: Query }>(`${NAMESPACE}/orders`, async (request, reply) => {
    const q = request.query;
    const page = intParam(q, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
    const perPage = intParam(q, 'per_page', 10, 1, 100);
    const offset = q.offset === undefined ? null : intParam(q, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const orderby = enumParam(q, 'orderby', ['date', 'id', 'include', 'title', 'slug', 'modified'] as const, 'date');
    const direction = enumParam(q, 'order', ['asc', 'desc'] as const, 'desc');
    const gmt = q.dates_are_gmt === 'true' || q.dates_are_gmt === '1';
    const filters = {
      after: parseFilterDate('after', q.after, gmt, store.utcOffsetMinutes), before: parseFilterDate('before', q.before, gmt, store.utcOffsetMinutes),
      modifiedAfter: parseFilterDate('modified_after', q.modified_after, gmt, store.utcOffsetMinutes),
      modifiedBefore: parseFilterDate('modified_before', q.modified_before, gmt, store.utcOffsetMinutes),
    };
    const statuses = (q.status ?? 'any').split(',').filter(Boolean);
    for (const s of statuses) if (s !== 'any' && s !== 'trash' && !STATUSES.includes(s as OrderStatus)) throw invalidParam('status', `status[0] is not one of any, trash, ${STATUSES.join(', ')}.`);
    const customer = q.customer === undefined ? null : intParam(q, 'customer', 0, 0, Number.MAX_SAFE_INTEGER);
    const search = q.search?.toLowerCase() ?? null;

    let items = [...store.orders.values()].filter((o) =>
      (statuses.includes('any') || statuses.includes(o.status))
      && (!filters.after || o.createdAt > filters.after) && (!filters.before || o.createdAt < filters.before)
      && (!filters.modifiedAfter || o.modifiedAt > filters.modifiedAfter) && (!filters.modifiedBefore || o.modifiedAt < filters.modifiedBefore)
      && (customer === null || o.customerId === customer)
      && (!search || o.billing.email!.includes(search) || `${o.billing.first_name} ${o.billing.last_name}`.toLowerCase().includes(search) || o.number === search));
    const key = (o: SimOrder): number => (orderby === 'id' || orderby === 'include' ? o.id : orderby === 'modified' ? o.modifiedAt.getTime() : o.createdAt.getTime());
    // Ties break on id, as MySQL's ORDER BY post_date, ID does.
    items.sort((a, b) => (key(a) - key(b) || a.id - b.id) * (direction === 'asc' ? 1 : -1));
    if (offset !== null) items = items.slice(offset);
    const base = siteUrl(request);
    return paginate(request, reply, items, page, perPage).map((o) => renderOrder(store, o, base));
  });

  app.get<{ Params: { id: string } }>(`${NAMESPACE}/orders/:id`, async (request) => renderOrder(store, findOrder(store, request.params.id), siteUrl(request)));

  const update = async (request: { params: { id: string }; body: unknown; headers: { host?: string } }) => {
    const order = findOrder(store, request.params.id);
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.status !== undefined) {
      if (typeof body.status !== 'string' || !STATUSES.includes(body.status as OrderStatus)) throw invalidParam('status', `status is not one of ${STATUSES.join(', ')}.`);
    }
    if (body.meta_data !== undefined) order.meta = applyMeta(store, order.meta, body.meta_data);
    if (typeof body.customer_note === 'string') order.customerNote = body.customer_note;
    if (typeof body.transaction_id === 'string') order.transactionId = body.transaction_id;
    if (body.status !== undefined) store.setStatus(order, body.status as OrderStatus);
    store.touch(order);
    return renderOrder(store, order, `http://${request.headers.host ?? '127.0.0.1'}`);
  };
  app.put<{ Params: { id: string } }>(`${NAMESPACE}/orders/:id`, update);
  app.patch<{ Params: { id: string } }>(`${NAMESPACE}/orders/:id`, update);
  app.post<{ Params: { id: string } }>(`${NAMESPACE}/orders/:id`, update);

  const noteOrder = (id: string) => findOrder(store, id, 'woocommerce_rest_shop_order_invalid_id', 'Invalid order ID.');

  app.get<{ Params: { id: string }; Querystring: Query }>(`${NAMESPACE}/orders/:id/notes`, async (request) => {
    const order = noteOrder(request.params.id);
    const type = enumParam(request.query, 'type', ['any', 'customer', 'internal'] as const, 'any');
    const notes = order.notes.filter((n) => type === 'any' || (type === 'customer') === n.customerNote);
    // Notes are not paginated in WooCommerce: the endpoint returns them all, newest first.
    return [...notes].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id).map((n) => renderNote(n, store.utcOffsetMinutes, siteUrl(request)));
  });

  app.get<{ Params: { id: string; noteId: string } }>(`${NAMESPACE}/orders/:id/notes/:noteId`, async (request) => {
    const order = noteOrder(request.params.id);
    const note = order.notes.find((n) => String(n.id) === request.params.noteId);
    if (!note) throw new WooHttpError(404, 'woocommerce_rest_invalid_id', 'Invalid resource ID.');
    return renderNote(note, store.utcOffsetMinutes, siteUrl(request));
  });

  app.post<{ Params: { id: string } }>(`${NAMESPACE}/orders/:id/notes`, async (request, reply) => {
    const order = noteOrder(request.params.id);
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.note === undefined) throw missingParam('note');
    if (typeof body.note !== 'string') throw invalidParam('note', 'note is not of type string.');
    if (body.note.trim() === '') throw new WooHttpError(400, 'woocommerce_rest_shop_order_invalid_note', 'Cannot create order note, please try again.');
    const note = store.addNote(order, body.note, { customerNote: body.customer_note === true, author: body.added_by_user === true ? 'admin' : 'system' });
    const base = siteUrl(request);
    reply.code(201).header('Location', `${base}${NAMESPACE}/orders/${order.id}/notes/${note.id}`);
    return renderNote(note, store.utcOffsetMinutes, base);
  });
}
