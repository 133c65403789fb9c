import { useState } from 'react';
import type { Parcel } from '../api/types.ts';
import { Status } from '../components/ui.tsx';
import { date, dateTime } from '../lib/format.ts';

export function ParcelCard({ parcel }: { parcel: Parcel }) {
  const [all, setAll] = useState(false);
  const events = [...(parcel.events ?? [])].reverse();
  const shown = all ? events : events.slice(0, 4);
  return (
    <div className="work-section">
      <div className="row between">
        <div className="row">
          <strong className="mono">{parcel.trackingNumber}</strong>
          <span className="muted">{parcel.carrier ?? 'carrier unknown'}</span>
        </div>
        <div className="row">
          <Status value={parcel.status} />
          {parcel.flags.map((f) => <Status key={f} value={f} />)}
        </div>
      </div>
      <p className="muted small" style={{ margin: '4px 0 8px' }}>
        Shipped {date(parcel.shippedAt)} · promised by {date(parcel.promisedBy)} · {parcel.deliveredAt ? `delivered ${date(parcel.deliveredAt)}` : `last event ${dateTime(parcel.lastEventAt)}`}
      </p>
      {events.length === 0 ? (
        <p className="muted small">No tracking events yet.</p>
      ) : (
        <ol className="timeline">
          {shown.map((e) => (
            <li key={e.id}>
              <span className={`dot ${e.status === 'delivered' ? 'good' : ''}`} aria-hidden="true" />
              <div>
                <div>{e.description || e.rawStatus}</div>
                <div className="meta">{dateTime(e.occurredAt)}{e.location ? ` · ${e.location}` : ''}</div>
              </div>
            </li>
          ))}
        </ol>
      )}
      {events.length > 4 && (
        <button type="button" className="link small" onClick={() => setAll(!all)}>
          {all ? 'Show fewer events' : `Show all ${events.length} events`}
        </button>
      )}
    </div>
  );
}
