import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { get, withQuery } from '../api/client.ts';
import type { Order, Page, Shop } from '../api/types.ts';
import { Card, Empty, ErrorNote, Loading, Money, PageHead } from '../components/ui.tsx';
import { date } from '../lib/format.ts';
import { navigate, Link } from '../lib/router.tsx';

export function useShops() {
  return useQuery({ queryKey: ['shops'], queryFn: () => get<{ items: Shop[] }>('/api/v1/shops'), staleTime: 60_000 });
}

export function OrdersPage() {
  const shops = useShops();
  const [q, setQ] = useState('');
  const [shopId, setShopId] = useState('');
  const [country, setCountry] = useState('');
  const [withOpenCase, setWithOpenCase] = useState(false);
  const filters = { q: useDeferredValue(q.trim()), shopId, country: country.length === 2 ? country.toUpperCase() : '', withOpenCase: withOpenCase ? 'true' : '' };
  const orders = useInfiniteQuery({
    queryKey: ['orders', filters],
    queryFn: ({ pageParam }) => get<Page<Order>>(withQuery('/api/v1/orders', { ...filters, limit: 50, cursor: pageParam })),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const shopName = (id: string) => shops.data?.items.find((s) => s.id === id)?.name ?? '';
  const rows = orders.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHead title="Orders" subtitle="Every order from your shops, newest first." />
      <Card flush>
        <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="order-q">Search</label>
            <input id="order-q" type="search" placeholder="Order number, email, name or tracking number" value={q} onChange={(e) => setQ(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="order-shop">Shop</label>
            <select id="order-shop" value={shopId} onChange={(e) => setShopId(e.target.value)}>
              <option value="">All shops</option>
              {shops.data?.items.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="order-country">Country</label>
            <input id="order-country" placeholder="e.g. US" maxLength={2} size={6} value={country} onChange={(e) => setCountry(e.target.value)} />
          </div>
          <label className="row" style={{ minHeight: 34 }}>
            <input type="checkbox" checked={withOpenCase} onChange={(e) => setWithOpenCase(e.target.checked)} style={{ minHeight: 0 }} /> With an open case
          </label>
        </form>
        {orders.isPending ? (
          <Loading what="Loading orders" />
        ) : orders.error ? (
          <div className="card-body"><ErrorNote error={orders.error} /></div>
        ) : rows.length === 0 ? (
          <Empty title="No orders match">Try another search or clear the filters.</Empty>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr><th>Order</th><th>Placed</th><th>Customer</th><th>Shop</th><th>Country</th><th className="num">Items</th><th className="num">Total</th><th className="num">Refunded</th></tr>
              </thead>
              <tbody>
                {rows.map((o) => (
                  <tr key={o.id} className="clickable" onClick={() => navigate(`/orders/${o.id}`)}>
                    <td><Link to={`/orders/${o.id}`} onClick={(e) => e.stopPropagation()}>{o.orderNumber}</Link></td>
                    <td className="nowrap">{date(o.placedAt)}</td>
                    <td>
                      <div>{o.customer?.name ?? '—'}</div>
                      <div className="muted small">{o.customer?.email}</div>
                    </td>
                    <td>{shopName(o.shopId)}</td>
                    <td>{o.shippingCountry ?? '—'}</td>
                    <td className="num">{o.lines.reduce((n, l) => n + l.quantity, 0)}</td>
                    <td className="num"><Money minor={o.totalMinor} currency={o.currency} /></td>
                    <td className="num">{o.refundedMinor > 0 ? <Money minor={o.refundedMinor} currency={o.currency} /> : <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {orders.hasNextPage && (
          <div className="card-body" style={{ textAlign: 'center', borderTop: '1px solid var(--border)' }}>
            <button type="button" onClick={() => orders.fetchNextPage()} disabled={orders.isFetchingNextPage}>
              {orders.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          </div>
        )}
      </Card>
    </>
  );
}
