import { GraphQLError } from 'graphql';
import type { SimOrder } from './store.ts';

// Relay-style connections and the `orders(query:, sortKey:)` search, as Shopify pages them:
// `first` is required and capped at 250; cursors are opaque and stable (keyset on sort value + id),
// so an order updated mid-backfill moves to the end instead of shifting every later page.

export const MAX_PAGE_SIZE = 250;

export function pageSize(first: unknown): number {
  if (typeof first !== 'number') throw new GraphQLError('you must provide one of first or last', { extensions: { code: 'BAD_REQUEST' } });
  if (first > MAX_PAGE_SIZE) throw new GraphQLError(`The maximum page size is ${MAX_PAGE_SIZE}. Reduce \`first\` to ${MAX_PAGE_SIZE} or less.`, { extensions: { code: 'MAX_PAGE_SIZE_EXCEEDED' } });
  if (first < 0) throw new GraphQLError('`first` must be zero or positive', { extensions: { code: 'BAD_REQUEST' } });
  return first;
}

export const encodeCursor = (key: unknown) => Buffer.from(JSON.stringify({ k: key })).toString('base64url');

export function decodeCursor(cursor: string): unknown {
  try {
    return (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k: unknown }).k;
  } catch {
    throw new GraphQLError('Invalid cursor', { extensions: { code: 'BAD_REQUEST' } });
  }
}

/** A page of an in-memory list whose cursors are the items' positions. */
export function listConnection<T>(items: readonly T[], args: { first?: unknown; after?: unknown }) {
  const first = pageSize(args.first);
  const start = typeof args.after === 'string' ? Number(decodeCursor(args.after)) + 1 : 0;
  const slice = items.slice(start, start + first);
  return buildConnection(slice.map((node, i) => ({ node, cursor: encodeCursor(start + i) })), start + first < items.length, start > 0);
}

export function buildConnection<T>(edges: { node: T; cursor: string }[], hasNextPage: boolean, hasPreviousPage: boolean) {
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

type SortKey = 'CREATED_AT' | 'UPDATED_AT' | 'ID' | 'ORDER_NUMBER' | 'PROCESSED_AT';

function sortValue(order: SimOrder, key: SortKey): string | number {
  switch (key) {
    case 'CREATED_AT': case 'PROCESSED_AT': return order.createdAt;
    case 'UPDATED_AT': return order.updatedAt;
    case 'ORDER_NUMBER': return order.number;
    case 'ID': return order.id;
  }
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** Shopify search syntax, the subset Recoup sends: `updated_at:>'2024-01-01T00:00:00Z' created_at:<=… name:#1001 email:…`. */
export function orderFilter(query: string | null | undefined): (order: SimOrder) => boolean {
  if (!query || !query.trim()) return () => true;
  const tests: ((o: SimOrder) => boolean)[] = [];
  const term = /(\w+):(>=|<=|>|<)?('[^']*'|"[^"]*"|\S+)/g;
  for (const match of query.matchAll(term)) {
    const [, field, op = '=', rawValue = ''] = match;
    const value = rawValue.replace(/^['"]|['"]$/g, '');
    if (field === 'updated_at' || field === 'created_at' || field === 'processed_at') {
      const bound = Date.parse(value);
      if (Number.isNaN(bound)) continue; // Shopify ignores terms it cannot parse rather than failing
      const read = (o: SimOrder) => Date.parse(field === 'updated_at' ? o.updatedAt : o.createdAt);
      tests.push((o) => {
        const t = read(o);
        return op === '>' ? t > bound : op === '>=' ? t >= bound : op === '<' ? t < bound : op === '<=' ? t <= bound : t === bound;
      });
    } else if (field === 'name') {
      tests.push((o) => o.name === value || o.name === `#${value}`);
    } else if (field === 'email') {
      tests.push((o) => (o.email ?? '').toLowerCase() === value.toLowerCase());
    } else if (field === 'tag') {
      tests.push((o) => o.tags.includes(value));
    } else if (field === 'id') {
      tests.push((o) => String(o.id) === value);
    }
  }
  return (order) => tests.every((t) => t(order));
}

export function ordersConnection(
  orders: Iterable<SimOrder>,
  args: { first?: unknown; after?: unknown; query?: unknown; sortKey?: unknown; reverse?: unknown },
) {
  const first = pageSize(args.first);
  const key = (typeof args.sortKey === 'string' ? args.sortKey : 'ID') as SortKey;
  const direction = args.reverse === true ? -1 : 1;
  const keep = orderFilter(typeof args.query === 'string' ? args.query : null);
  const ordered = [...orders].filter(keep).sort((a, b) => direction * (compare(sortValue(a, key), sortValue(b, key)) || compare(a.id, b.id)));
  let start = 0;
  if (typeof args.after === 'string') {
    const [value, id] = decodeCursor(args.after) as [string | number, number];
    // first item strictly after the cursor's (value, id) in the current order
    start = ordered.findIndex((o) => direction * (compare(sortValue(o, key), value) || compare(o.id, id)) > 0);
    if (start < 0) start = ordered.length;
  }
  const slice = ordered.slice(start, start + first);
  const edges = slice.map((node) => ({ node, cursor: encodeCursor([sortValue(node, key), node.id]) }));
  return buildConnection(edges, start + first < ordered.length, start > 0);
}
