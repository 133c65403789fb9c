import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../api/client.ts';
import type { Queues } from '../api/types.ts';
import { Card, Countdown, Empty, ErrorNote, Loading, Money, PageHead } from '../components/ui.tsx';
import { count, date } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { ParcelQueue, PARCEL_QUEUES, type ParcelQueueName } from '../parcels/ParcelQueue.tsx';

function Stat({ label, value, note, to, tone, testId }: { label: string; value: number; note?: string; to?: string; tone?: 'warn' | 'bad'; testId?: string }) {
  const body = (
    <>
      <div className="stat-label">{label}</div>
      <div className="stat-value" data-testid={testId}>{count(value)}</div>
      {note && <div className="stat-note">{note}</div>}
    </>
  );
  const className = `stat ${value > 0 && tone ? tone : ''}`;
  return to ? <Link to={to} className={className}>{body}</Link> : <div className={className}>{body}</div>;
}

export function HomePage() {
  const queues = useQuery({ queryKey: ['queues'], queryFn: () => get<Queues>('/api/v1/queues') });
  const [parcelQueue, setParcelQueue] = useState<ParcelQueueName>('late');
  if (queues.isPending) return <Loading what="Loading today’s queues" />;
  if (queues.error) return <ErrorNote error={queues.error} />;
  const q = queues.data;
  const parcelCount = (name: ParcelQueueName) => q.parcels[PARCEL_QUEUES[name].key] ?? 0;

  return (
    <>
      <PageHead title="Today" subtitle="What needs a person now, oldest trouble first." />
      <div className="grid grid-4">
        <div className="card"><Stat label="New cases" value={q.cases.new} note="not yet looked at" to="/cases?queue=new" testId="count-new-cases" /></div>
        <div className="card"><Stat label="Waiting on me" value={q.cases.waitingOnMe} note={`${q.cases.open} open in all`} to="/cases?queue=waiting_on_me" tone="warn" testId="count-waiting-on-me" /></div>
        <div className="card"><Stat label="Dispute windows closing" value={q.disputesClosingSoon.count} note="within 7 days, no dispute filed" tone="bad" testId="count-closing" /></div>
        <div className="card"><Stat label="Failed actions" value={q.failedActions} note="refunds or credits the shop refused" tone="bad" testId="count-failed" /></div>
      </div>

      <div className="split" style={{ marginTop: 16 }}>
        <div className="stack">
          <Card title="Dispute windows closing soon" flush>
            {q.disputesClosingSoon.items.length === 0 ? (
              <Empty title="No window is about to close">Every open case with a supplier order either has a dispute filed or time to spare.</Empty>
            ) : (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr><th>Order</th><th>Supplier</th><th>Closes</th><th>Time left</th><th></th></tr>
                  </thead>
                  <tbody>
                    {q.disputesClosingSoon.items.map((w) => (
                      <tr key={w.supplierOrderId}>
                        <td><Link to={`/orders/${w.orderId}`}>{w.orderNumber}</Link></td>
                        <td>{w.supplierName}</td>
                        <td className="nowrap">{date(w.closesAt)}</td>
                        <td><Countdown at={w.closesAt} /></td>
                        <td className="num">{w.openCaseId && <Link to={`/cases/${w.openCaseId}`}>Open case</Link>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>

          <Card
            title="Parcels in trouble"
            actions={
              <div className="row" role="tablist" aria-label="Parcel queues">
                {(Object.keys(PARCEL_QUEUES) as ParcelQueueName[]).map((name) => (
                  <button key={name} type="button" role="tab" aria-selected={parcelQueue === name} className={`small ${parcelQueue === name ? 'primary' : ''}`} onClick={() => setParcelQueue(name)}>
                    {PARCEL_QUEUES[name].label} <span className="num" data-testid={`parcels-${name}`}>{parcelCount(name)}</span>
                  </button>
                ))}
              </div>
            }
            flush
          >
            <ParcelQueue queue={parcelQueue} />
          </Card>
        </div>

        <div className="stack">
          <Card title="Money this month" flush>
            {q.thisMonth.length === 0 ? (
              <p className="muted card-body">No refunds or recoveries yet this month.</p>
            ) : (
              <table>
                <thead>
                  <tr><th>Currency</th><th className="num">Refunded</th><th className="num">Recovered</th><th className="num">Net</th></tr>
                </thead>
                <tbody>
                  {q.thisMonth.map((m) => (
                    <tr key={m.currency}>
                      <td>{m.currency}</td>
                      <td className="num"><Money minor={m.refundedMinor} currency={m.currency} /></td>
                      <td className="num"><Money minor={m.recoveredMinor} currency={m.currency} /></td>
                      <td className="num"><Money minor={m.recoveredMinor - m.refundedMinor} currency={m.currency} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
          <Card title="Cases">
            <dl className="kv">
              <dt>Open</dt><dd className="num" style={{ textAlign: 'left' }}>{count(q.cases.open)}</dd>
              <dt>Waiting on the customer</dt><dd className="num" style={{ textAlign: 'left' }}>{count(q.cases.waitingOnCustomer)}</dd>
            </dl>
            <p style={{ marginTop: 12 }}><Link to="/cases">Go to the cases queue →</Link></p>
          </Card>
        </div>
      </div>
    </>
  );
}
