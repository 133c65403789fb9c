import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Card, Empty } from '../components/ui.tsx';
import { percent } from '../lib/format.ts';

interface Route {
  key: string;
  parcels: number;
  delivered: number;
  p50Days: number | null;
  p90Days: number | null;
  onTimeRate: number | null;
  failedRate: number | null;
}
export interface CarrierAnalytics {
  since: string;
  carrier: Route[];
  shippingMethod: Route[];
  country: Route[];
}

const BY = { carrier: 'Carrier', shippingMethod: 'Shipping method', country: 'Destination' } as const;
const axis = { fontSize: 12, fill: '#6b7382' };

/** Delivery-time percentiles and on-time rate by carrier, method or destination. */
export function CarrierTable({ data }: { data: CarrierAnalytics }) {
  const [by, setBy] = useState<keyof typeof BY>('carrier');
  const rows = data[by];
  return (
    <Card
      title="Carrier performance"
      actions={
        <div className="row" role="tablist" aria-label="Group by">
          {(Object.keys(BY) as (keyof typeof BY)[]).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={by === k} className={`small ${by === k ? 'primary' : ''}`} onClick={() => setBy(k)}>{BY[k]}</button>
          ))}
        </div>
      }
      flush
    >
      {rows.length === 0 ? <Empty title="No delivered parcels yet" /> : (
        <div className="grid grid-2" style={{ gap: 0 }}>
          <div className="card-body">
            <div style={{ width: '100%', height: 240 }}>
              <ResponsiveContainer initialDimension={{ width: 800, height: 240 }}>
                <BarChart data={rows.slice(0, 8)}>
                  <CartesianGrid vertical={false} stroke="#eef0f3" />
                  <XAxis dataKey="key" tick={axis} tickLine={false} axisLine={false} interval={0} />
                  <YAxis tick={axis} tickLine={false} axisLine={false} unit="d" />
                  <Tooltip />
                  <Legend />
                  <Bar isAnimationActive={false} dataKey="p50Days" name="Median days" fill="#4f46e5" radius={[4, 4, 0, 0]} />
                  <Bar isAnimationActive={false} dataKey="p90Days" name="90th percentile" fill="#a5b4fc" radius={[4, 4, 0, 0]} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </div>
          <div className="table-wrap">
            <table>
              <thead>
                <tr><th>{BY[by]}</th><th className="num">Parcels</th><th className="num">Median</th><th className="num">p90</th><th className="num">On time</th><th className="num">Failed</th></tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <td>{r.key}</td>
                    <td className="num">{r.parcels}</td>
                    <td className="num">{r.p50Days ?? '—'} d</td>
                    <td className="num">{r.p90Days ?? '—'} d</td>
                    <td className="num">{percent(r.onTimeRate)}</td>
                    <td className="num">{percent(r.failedRate, 1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </Card>
  );
}
