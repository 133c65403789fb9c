import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../api/client.ts';
import { ErrorNote, Loading, Money } from '../components/ui.tsx';
import { date, dateTime } from '../lib/format.ts';
import { reasonLabel } from '../lib/labels.ts';
import { Link } from '../lib/router.tsx';
import { ReportProblem } from './ReportProblem.tsx';
import { TrackFrame } from './TrackApp.tsx';
import { CASE_STATUS_TEXT, type PublicOrderView } from './types.ts';

const STAGES = ['Ordered', 'Shipped', 'On the way', 'Delivered'];
const PARCEL_TEXT: Record<string, string> = {
  pending: 'Waiting for the carrier', info_received: 'Label created', in_transit: 'On the way', customs_hold: 'In customs', out_for_delivery: 'Out for delivery',
  available_for_pickup: 'Ready for pickup', failed_attempt: 'Delivery attempt failed', delivered: 'Delivered', returning: 'Returning to sender', returned: 'Returned to sender',
  lost_or_damaged: 'Lost or damaged', exception: 'Problem with delivery', expired: 'Tracking stopped',
};
const stageOf = (status: string, shipped: boolean) => (status === 'delivered' ? 4 : ['in_transit', 'customs_hold', 'out_for_delivery', 'available_for_pickup', 'failed_attempt'].includes(status) ? 3 : shipped ? 2 : 1);

export function OrderPage({ token }: { token: string }) {
  const view = useQuery({ queryKey: ['track-order', token], queryFn: () => get<PublicOrderView>(`/api/public/orders/${encodeURIComponent(token)}`) });
  const [reporting, setReporting] = useState(false);
  if (view.isPending) return <TrackFrame shop={null}><Loading what="Finding your order" /></TrackFrame>;
  if (view.error) return <TrackFrame shop={null}><ErrorNote error={view.error} /><p style={{ marginTop: 12 }}><Link to="/track">Look up your order again</Link></p></TrackFrame>;
  const v = view.data;
  const open = v.cases.filter((c) => !c.closedAt);

  return (
    <TrackFrame shop={v.shop}>
      <div className="stack">
        <div>
          <h1>Order {v.order.orderNumber}</h1>
          <p className="muted">Placed {date(v.order.placedAt)} · {v.order.lines.reduce((n, l) => n + l.quantity, 0)} item(s)</p>
        </div>

        <section className="card card-body" aria-label="Items">
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {v.order.lines.map((l) => (
              <li key={l.id} className="row between" style={{ padding: '4px 0' }}>
                <span>{l.quantity} × {l.title}</span>
                <span className="num muted"><Money minor={l.unitPriceMinor * l.quantity} currency={v.order.currency} /></span>
              </li>
            ))}
          </ul>
        </section>

        {v.parcels.length === 0 && (
          <div className="card card-body">
            <div className="progress" aria-hidden="true">{STAGES.map((s, i) => <span key={s} className={i < 1 ? 'on' : ''} />)}</div>
            <div className="progress-labels">{STAGES.map((s) => <span key={s}>{s}</span>)}</div>
            <p style={{ marginTop: 12 }}>Your order is being prepared. You will see the tracking here as soon as it ships.</p>
          </div>
        )}
        {v.parcels.map((p) => {
          const stage = stageOf(p.status, p.shippedAt !== null);
          return (
            <section className="card card-body" key={p.trackingNumber} aria-label={`Parcel ${p.trackingNumber}`}>
              <div className="row between">
                <h2 data-testid="parcel-status">{PARCEL_TEXT[p.status] ?? p.status}</h2>
                <span className="muted small">{p.carrier ?? ''} <span className="mono">{p.trackingNumber}</span></span>
              </div>
              <div className="progress" aria-hidden="true">{STAGES.map((s, i) => <span key={s} className={i < stage ? 'on' : ''} />)}</div>
              <div className="progress-labels">{STAGES.map((s) => <span key={s}>{s}</span>)}</div>
              <p className="small muted" style={{ marginTop: 8 }}>
                {p.deliveredAt ? `Delivered ${dateTime(p.deliveredAt)}` : p.expectedBy ? `Expected by ${date(p.expectedBy)}` : ''}
              </p>
              {p.events.length > 0 && (
                <ol className="timeline" style={{ marginTop: 8 }} aria-label="Journey">
                  {p.events.map((e, i) => (
                    <li key={i}>
                      <span className={`dot ${i === 0 ? 'customer' : ''}`} aria-hidden="true" />
                      <div>
                        <div>{e.description || PARCEL_TEXT[e.status] || e.status}</div>
                        <div className="meta">{dateTime(e.occurredAt)}{e.location ? ` · ${e.location}` : ''}</div>
                      </div>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          );
        })}

        {v.cases.length > 0 && (
          <section className="card card-body">
            <h2>Your reports</h2>
            <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
              {v.cases.map((c) => (
                <li key={c.publicToken} className="row between" style={{ padding: '6px 0' }}>
                  <Link to={`/track/cases/${c.publicToken}`}>{reasonLabel(c.reason)} · #{c.number}</Link>
                  <span className="muted small">{c.closedAt ? 'Closed' : CASE_STATUS_TEXT[c.status]}</span>
                </li>
              ))}
            </ul>
          </section>
        )}

        {reporting ? (
          <ReportProblem token={token} view={v} onCancel={() => setReporting(false)} />
        ) : (
          <div className="card card-body">
            <h2>Something wrong with this order?</h2>
            <p className="muted" style={{ margin: '4px 0 12px' }}>{open.length > 0 ? 'You already have an open report; you can follow it above, or tell us about another problem.' : 'Tell us what happened and we will sort it out.'}</p>
            <button type="button" className="primary" onClick={() => setReporting(true)}>Report a problem</button>
          </div>
        )}
      </div>
    </TrackFrame>
  );
}
