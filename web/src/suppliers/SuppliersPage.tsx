import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import { Badge, Card, Empty, ErrorNote, Loading, Money, PageHead } from '../components/ui.tsx';
import { humanize, percent } from '../lib/format.ts';

interface SupplierRow {
  id: string;
  name: string;
  platform: string;
  orders: number;
  cases: number;
  openCases: number;
  caseRate: number;
  disputes: { open: number; won: number; partlyWon: number; lost: number };
  money: { currency: string; refundedMinor: number; recoveredMinor: number; reshipCostMinor: number }[];
}
interface Scorecard {
  supplierId: string;
  shipDaysMedian: number | null;
  deliveryDaysMedian: number | null;
  onTimeRate: number | null;
  refundRate: number | null;
  flagged: string[];
}

export function SuppliersPage() {
  const rows = useQuery({ queryKey: ['supplier-rows'], queryFn: () => get<{ items: SupplierRow[] }>('/api/v1/dashboard/suppliers') });
  const cards = useQuery({ queryKey: ['scorecards'], queryFn: () => get<{ items: Scorecard[] }>('/api/v1/suppliers/scorecards') });
  if (rows.isPending) return <Loading what="Loading suppliers" />;
  if (rows.error) return <ErrorNote error={rows.error} />;
  const card = (id: string) => cards.data?.items.find((c) => c.supplierId === id);

  return (
    <>
      <PageHead title="Suppliers" subtitle="Who causes cases, what they cost you and what you won back." />
      <Card flush>
        {rows.data.items.length === 0 ? <Empty title="No suppliers yet">Suppliers appear when their orders are recorded.</Empty> : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Supplier</th><th className="num">Orders</th><th className="num">Cases</th><th className="num">Case rate</th><th className="num">Ship / deliver (days)</th><th className="num">On time</th>
                  <th className="num">Disputes won</th><th className="num">Lost</th><th className="num">Open</th><th className="num">Refunded</th><th className="num">Recovered</th>
                </tr>
              </thead>
              <tbody>
                {rows.data.items.map((s) => {
                  const sc = card(s.id);
                  return (
                    <tr key={s.id}>
                      <td>
                        <strong>{s.name}</strong> <span className="muted small">{s.platform}</span>
                        {sc?.flagged.map((f) => <span key={f} style={{ marginLeft: 6 }}><Badge tone="red">{humanize(f)}</Badge></span>)}
                      </td>
                      <td className="num">{s.orders}</td>
                      <td className="num">{s.cases}{s.openCases > 0 && <div className="muted small">{s.openCases} open</div>}</td>
                      <td className="num">{percent(s.caseRate, 1)}</td>
                      <td className="num">{sc?.shipDaysMedian ?? '—'} / {sc?.deliveryDaysMedian ?? '—'}</td>
                      <td className="num">{percent(sc?.onTimeRate)}</td>
                      <td className="num">{s.disputes.won}{s.disputes.partlyWon > 0 && <span className="muted"> +{s.disputes.partlyWon} partly</span>}</td>
                      <td className="num">{s.disputes.lost}</td>
                      <td className="num">{s.disputes.open}</td>
                      <td className="num">{s.money.length === 0 ? '—' : s.money.map((m) => <div key={m.currency}><Money minor={m.refundedMinor + m.reshipCostMinor} currency={m.currency} /></div>)}</td>
                      <td className="num">{s.money.length === 0 ? '—' : s.money.map((m) => <div key={m.currency}><Money minor={m.recoveredMinor} currency={m.currency} /></div>)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
