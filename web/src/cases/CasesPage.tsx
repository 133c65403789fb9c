import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { get, withQuery } from '../api/client.ts';
import type { CaseRow, Page } from '../api/types.ts';
import { Card, Countdown, Empty, ErrorNote, Loading, Money, PageHead, Status } from '../components/ui.tsx';
import { fromNow } from '../lib/format.ts';
import { REASON_KEYS, REASONS, reasonLabel } from '../lib/labels.ts';
import { Link, navigate, useSearch } from '../lib/router.tsx';
import { useShops } from '../orders/OrdersPage.tsx';
import { BulkBar } from './BulkBar.tsx';

const QUEUES = { '': 'All open', waiting_on_me: 'Waiting on me', new: 'New', waiting_on_customer: 'Waiting on customer', resolving: 'Being resolved', supplier_open: 'Dispute open' } as const;

export function CasesPage() {
  const search = useSearch();
  const queue = search.get('queue') ?? '';
  const shops = useShops();
  const [state, setState] = useState<'open' | 'closed' | 'all'>('open');
  const [reason, setReason] = useState('');
  const [shopId, setShopId] = useState('');
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const filters = { queue, state, reason, shopId, q: useDeferredValue(q.trim()) };
  const cases = useInfiniteQuery({
    queryKey: ['case-rows', filters],
    queryFn: ({ pageParam }) => get<Page<CaseRow>>(withQuery('/api/v1/dashboard/cases', { ...filters, limit: 50, cursor: pageParam })),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = cases.data?.pages.flatMap((p) => p.items) ?? [];
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  return (
    <>
      <PageHead title="Cases" subtitle="Customer problems, each walked through the five steps." />
      <Card flush>
        <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="case-queue">Queue</label>
            <select id="case-queue" value={queue} onChange={(e) => navigate(withQuery('/cases', { queue: e.target.value }), { replace: true })}>
              {Object.entries(QUEUES).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="case-state">State</label>
            <select id="case-state" value={state} onChange={(e) => setState(e.target.value as typeof state)}>
              <option value="open">Open</option>
              <option value="closed">Closed</option>
              <option value="all">All</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="case-reason-filter">Reason</label>
            <select id="case-reason-filter" value={reason} onChange={(e) => setReason(e.target.value)}>
              <option value="">Any reason</option>
              {REASON_KEYS.map((r) => <option key={r} value={r}>{REASONS[r]}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="case-shop">Shop</label>
            <select id="case-shop" value={shopId} onChange={(e) => setShopId(e.target.value)}>
              <option value="">All shops</option>
              {shops.data?.items.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="case-q">Search</label>
            <input id="case-q" type="search" placeholder="Case or order number, email, name" value={q} onChange={(e) => setQ(e.target.value)} />
          </div>
        </form>
        {selected.size > 0 && <BulkBar ids={[...selected]} onClear={() => setSelected(new Set())} />}
        {cases.isPending ? (
          <Loading what="Loading cases" />
        ) : cases.error ? (
          <div className="card-body"><ErrorNote error={cases.error} /></div>
        ) : rows.length === 0 ? (
          <Empty title="No cases here">Nothing matches these filters. Good news, probably.</Empty>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th className="check">
                    <input type="checkbox" aria-label="Select all cases shown" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))} style={{ minHeight: 0 }} />
                  </th>
                  <th>Case</th><th>Reason</th><th>Customer</th><th>Customer side</th><th>Supplier side</th><th>Dispute window</th><th className="num">Opened</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.id} className={`clickable ${selected.has(c.id) ? 'selected' : ''}`} onClick={() => navigate(`/cases/${c.id}`)}>
                    <td className="check" onClick={(e) => e.stopPropagation()}>
                      <input type="checkbox" aria-label={`Select case ${c.number}`} checked={selected.has(c.id)} onChange={() => toggle(c.id)} style={{ minHeight: 0 }} />
                    </td>
                    <td className="nowrap">
                      <Link to={`/cases/${c.id}`} onClick={(e) => e.stopPropagation()}>#{c.number}</Link>
                      <div className="muted small">{c.order.orderNumber} · <Money minor={c.order.totalMinor} currency={c.order.currency} /></div>
                      <div className="muted small">{c.shop.name}</div>
                    </td>
                    <td>{reasonLabel(c.reason)}</td>
                    <td>{c.customer.name ?? '—'}<div className="muted small">{c.customer.email}</div></td>
                    <td>{c.closedAt ? <Status value="closed" /> : <Status value={c.customerStatus} />}</td>
                    <td><Status value={c.supplierStatus} /></td>
                    <td className="nowrap">{c.closedAt || ['won', 'partly_won', 'lost', 'waived', 'dispute_open', 'escalated'].includes(c.supplierStatus) ? <span className="muted">—</span> : <Countdown at={c.windowClosesAt} />}</td>
                    <td className="num muted">{fromNow(c.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {cases.hasNextPage && (
          <div className="card-body" style={{ textAlign: 'center', borderTop: '1px solid var(--border)' }}>
            <button type="button" onClick={() => cases.fetchNextPage()} disabled={cases.isFetchingNextPage}>{cases.isFetchingNextPage ? 'Loading…' : 'Load more'}</button>
          </div>
        )}
      </Card>
    </>
  );
}
