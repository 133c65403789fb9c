import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { get } from '../api/client.ts';
import type { LedgerRow } from '../api/types.ts';
import { Card, Empty, ErrorNote, Loading, PageHead } from '../components/ui.tsx';
import { humanize, money, percent } from '../lib/format.ts';
import { reasonLabel } from '../lib/labels.ts';
import { useShops } from '../orders/OrdersPage.tsx';
import { CarrierTable, type CarrierAnalytics } from './CarrierTable.tsx';

interface Analytics {
  casesByReason: { reason: string; total: number; open: number }[];
  monthly: { month: string; orders: number; refundedOrders: number; refundRate: number; casesOpened: number; casesResolved: number; medianHoursToResolve: number | null; p90HoursToResolve: number | null }[];
  resolutions: { kind: string; status: string; count: number }[];
  disputeOutcomes: { status: string; count: number }[];
}

const C = { accent: '#4f46e5', green: '#12b76a', red: '#f04438', amber: '#f79009', gray: '#98a2b3' };
const axis = { fontSize: 12, fill: '#6b7382' };
const monthLabel = (m: string) => new Date(`${m}-01T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' });

function Chart({ children, height = 260 }: { children: ReactElement; height?: number }) {
  return (
    <div style={{ width: '100%', height }}>
      {/* a first size so the chart draws at once instead of waiting for the resize observer */}
      <ResponsiveContainer initialDimension={{ width: 800, height }}>{children}</ResponsiveContainer>
    </div>
  );
}

const RANGES = [3, 6, 12, 24];

export function AnalyticsPage() {
  const shops = useShops();
  const [months, setMonths] = useState(6);
  const [shopId, setShopId] = useState('');
  const shopParam = shopId ? `&shopId=${encodeURIComponent(shopId)}` : '';
  const rangeFrom = useMemo(() => {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1)).toISOString();
  }, [months]);
  const analytics = useQuery({ queryKey: ['analytics', months, shopId], queryFn: () => get<Analytics>(`/api/v1/analytics?months=${months}${shopParam}`), placeholderData: (previous) => previous });
  const ledger = useQuery({ queryKey: ['ledger', 'month', rangeFrom, shopId], queryFn: () => get<{ rows: LedgerRow[] }>(`/api/v1/ledger?groupBy=month&from=${encodeURIComponent(rangeFrom)}${shopParam}`) });
  const carriers = useQuery({ queryKey: ['carriers'], queryFn: () => get<CarrierAnalytics>('/api/v1/analytics/carriers') });
  const currencies = [...new Set(ledger.data?.rows.map((r) => r.currency) ?? [])];
  const [picked, setPicked] = useState('');
  const currency = picked || currencies[0] || 'USD';

  if (analytics.isPending) return <Loading what="Loading analytics" />;
  if (analytics.error) return <ErrorNote error={analytics.error} />;
  const a = analytics.data;
  const monthly = a.monthly.map((m) => ({ ...m, label: monthLabel(m.month), refundPct: Math.round(m.refundRate * 1000) / 10 }));
  const money6 = (ledger.data?.rows ?? []).filter((r) => r.currency === currency).map((r) => ({ label: monthLabel(r.key), refunded: r.refundedMinor + r.storeCreditMinor, reship: r.reshipCostMinor, recovered: r.recoveredMinor }));
  const totals = money6.reduce((t, r) => ({ lost: t.lost + r.refunded + r.reship, recovered: t.recovered + r.recovered }), { lost: 0, recovered: 0 });
  const fmt = (v: unknown) => money(Number(v), currency);

  return (
    <>
      <PageHead title="Analytics" subtitle={`The last ${months} months: where money goes, how fast cases close, which carriers deliver.`} />
      <div className="filters" aria-label="Analytics range">
        <div className="field">
          <label htmlFor="analytics-range">Range</label>
          <select id="analytics-range" value={months} onChange={(e) => setMonths(Number(e.target.value))}>
            {RANGES.map((m) => <option key={m} value={m}>Last {m} months</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="analytics-shop">Shop</label>
          <select id="analytics-shop" value={shopId} onChange={(e) => setShopId(e.target.value)}>
            <option value="">All shops</option>
            {(shops.data?.items ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </div>
      </div>
      <div className="grid grid-2">
        <Card
          title="Refunded vs recovered"
          actions={currencies.length > 1 && (
            <select aria-label="Currency" value={currency} onChange={(e) => setPicked(e.target.value)}>
              {currencies.map((c) => <option key={c}>{c}</option>)}
            </select>
          )}
        >
          {ledger.error ? <ErrorNote error={ledger.error} /> : money6.length === 0 ? <Empty title="No money moved yet" /> : (
            <>
              <p className="small muted" style={{ marginBottom: 8 }}>Recovery rate {percent(totals.lost ? totals.recovered / totals.lost : 0)} · net loss {money(totals.lost - totals.recovered, currency)}</p>
              <Chart>
                <BarChart data={money6}>
                  <CartesianGrid vertical={false} stroke="#eef0f3" />
                  <XAxis dataKey="label" tick={axis} tickLine={false} axisLine={false} />
                  <YAxis tick={axis} tickLine={false} axisLine={false} tickFormatter={fmt} width={80} />
                  <Tooltip formatter={fmt} />
                  <Legend />
                  <Bar isAnimationActive={false} dataKey="refunded" name="Refunded and credit" stackId="out" fill={C.red} radius={[0, 0, 0, 0]} />
                  <Bar isAnimationActive={false} dataKey="reship" name="Reship cost" stackId="out" fill={C.amber} radius={[4, 4, 0, 0]} />
                  <Bar isAnimationActive={false} dataKey="recovered" name="Recovered from suppliers" fill={C.green} radius={[4, 4, 0, 0]} />
                </BarChart>
              </Chart>
            </>
          )}
        </Card>

        <Card title="Refund rate and new cases">
          <Chart>
            <ComposedChart data={monthly}>
              <CartesianGrid vertical={false} stroke="#eef0f3" />
              <XAxis dataKey="label" tick={axis} tickLine={false} axisLine={false} />
              <YAxis yAxisId="cases" tick={axis} tickLine={false} axisLine={false} allowDecimals={false} />
              <YAxis yAxisId="rate" orientation="right" tick={axis} tickLine={false} axisLine={false} unit="%" />
              <Tooltip />
              <Legend />
              <Bar isAnimationActive={false} yAxisId="cases" dataKey="casesOpened" name="Cases opened" fill={C.accent} radius={[4, 4, 0, 0]} />
              <Line isAnimationActive={false} yAxisId="rate" dataKey="refundPct" name="Orders refunded (%)" stroke={C.red} strokeWidth={2} dot={{ r: 3 }} />
            </ComposedChart>
          </Chart>
        </Card>

        <Card title="Cases by reason">
          {a.casesByReason.length === 0 ? <Empty title="No cases yet" /> : (
            <Chart height={Math.max(180, a.casesByReason.length * 34)}>
              <BarChart data={a.casesByReason.map((r) => ({ ...r, label: reasonLabel(r.reason), closed: r.total - r.open }))} layout="vertical" margin={{ left: 24 }}>
                <CartesianGrid horizontal={false} stroke="#eef0f3" />
                <XAxis type="number" tick={axis} tickLine={false} axisLine={false} allowDecimals={false} />
                <YAxis type="category" dataKey="label" tick={axis} tickLine={false} axisLine={false} width={150} />
                <Tooltip />
                <Legend />
                <Bar isAnimationActive={false} dataKey="open" name="Open" stackId="r" fill={C.accent} />
                <Bar isAnimationActive={false} dataKey="closed" name="Closed" stackId="r" fill={C.gray} radius={[0, 4, 4, 0]} />
              </BarChart>
            </Chart>
          )}
        </Card>

        <Card title="Time to resolution (hours)">
          {monthly.every((m) => m.medianHoursToResolve === null) ? <Empty title="No case resolved yet" /> : (
            <Chart>
              <ComposedChart data={monthly}>
                <CartesianGrid vertical={false} stroke="#eef0f3" />
                <XAxis dataKey="label" tick={axis} tickLine={false} axisLine={false} />
                <YAxis tick={axis} tickLine={false} axisLine={false} unit="h" />
                <Tooltip />
                <Legend />
                <Line isAnimationActive={false} dataKey="medianHoursToResolve" name="Median" stroke={C.accent} strokeWidth={2} connectNulls dot={{ r: 3 }} />
                <Line isAnimationActive={false} dataKey="p90HoursToResolve" name="90th percentile" stroke={C.amber} strokeWidth={2} strokeDasharray="4 3" connectNulls dot={{ r: 3 }} />
              </ComposedChart>
            </Chart>
          )}
        </Card>
      </div>

      <div className="grid grid-2" style={{ marginTop: 16 }}>
        <Card title="Dispute outcomes" flush>
          {a.disputeOutcomes.length === 0 ? <Empty title="No disputes yet" /> : (
            <table>
              <tbody>
                {a.disputeOutcomes.map((d) => <tr key={d.status}><td>{humanize(d.status)}</td><td className="num">{d.count}</td></tr>)}
              </tbody>
            </table>
          )}
        </Card>
        <Card title="Resolutions" flush>
          {a.resolutions.length === 0 ? <Empty title="No resolutions yet" /> : (
            <table>
              <thead><tr><th>Kind</th><th>Status</th><th className="num">Count</th></tr></thead>
              <tbody>
                {a.resolutions.map((r) => <tr key={r.kind + r.status}><td>{humanize(r.kind)}</td><td>{humanize(r.status)}</td><td className="num">{r.count}</td></tr>)}
              </tbody>
            </table>
          )}
        </Card>
      </div>

      <div style={{ marginTop: 16 }}>
        {carriers.error ? <ErrorNote error={carriers.error} /> : carriers.data ? <CarrierTable data={carriers.data} /> : <Loading />}
      </div>
    </>
  );
}
