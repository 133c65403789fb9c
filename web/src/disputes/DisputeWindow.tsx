import { useState, type FormEvent } from 'react';
import { put } from '../api/client.ts';
import type { SupplierOrder } from '../api/types.ts';
import { Badge, Countdown, ErrorNote, Money, Status } from '../components/ui.tsx';
import { date, dateTime } from '../lib/format.ts';
import { useAction } from '../lib/mutation.ts';

/** A supplier order with its dispute window, the countdown, the deep link and the staff override. */
export function SupplierOrderBlock({ so, refresh }: { so: SupplierOrder; refresh: readonly (readonly unknown[])[] }) {
  const [editing, setEditing] = useState(false);
  const [closesAt, setClosesAt] = useState(so.disputeWindow.closesAt?.slice(0, 10) ?? '');
  const [note, setNote] = useState('');
  const save = useAction((body: { closesAt: string | null; note?: string }) => put(`/api/v1/supplier-orders/${so.id}/dispute-window`, body), refresh, () => setEditing(false));
  const w = so.disputeWindow;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ closesAt: closesAt ? new Date(`${closesAt}T23:59:00`).toISOString() : null, ...(note ? { note } : {}) });
  };
  return (
    <div className="work-section">
      <div className="row between">
        <div>
          <strong>{so.supplier.name}</strong> <span className="muted small">{so.supplier.platform}</span>
          <div className="muted small">
            Order <span className="mono">{so.externalId ?? '—'}</span> · {so.shippingMethod ?? 'shipping method unknown'} · paid <Money minor={so.paidMinor} currency={so.currency} />
          </div>
        </div>
        <div className="row">
          <Status value={so.status} />
          {so.deepLink && <a className="button small" href={so.deepLink} target="_blank" rel="noreferrer">Open on {so.supplier.platform === 'aliexpress' ? 'AliExpress' : 'supplier site'} ↗</a>}
        </div>
      </div>
      <dl className="kv small" style={{ marginTop: 10 }}>
        <dt>Shipped</dt>
        <dd>{date(so.shippedAt)}</dd>
        <dt>Dispute window</dt>
        <dd>
          {w.opensAt || w.closesAt ? (
            <>
              {date(w.opensAt)} → {date(w.closesAt)} · <Countdown at={w.closesAt} />{' '}
              {w.source === 'override' ? <Badge tone="blue" title={`set by ${w.overriddenBy ?? 'staff'} ${dateTime(w.overriddenAt)}`}>set by staff</Badge> : <Badge title={`rules version ${w.rulesVersion ?? '?'}`}>from rules v{w.rulesVersion ?? '?'}</Badge>}
            </>
          ) : (
            <span className="muted">not known until the order ships</span>
          )}{' '}
          <button type="button" className="link small" onClick={() => setEditing(!editing)} aria-expanded={editing}>
            {editing ? 'Cancel' : 'Set from AliExpress countdown'}
          </button>
        </dd>
      </dl>
      {editing && (
        <form className="row" style={{ marginTop: 10, alignItems: 'flex-end' }} onSubmit={submit}>
          <div className="field">
            <label htmlFor={`closes-${so.id}`}>Window closes on</label>
            <input id={`closes-${so.id}`} type="date" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} />
          </div>
          <div className="field" style={{ flex: 1, minWidth: 180 }}>
            <label htmlFor={`note-${so.id}`}>Note</label>
            <input id={`note-${so.id}`} value={note} onChange={(e) => setNote(e.target.value)} placeholder="e.g. countdown on AliExpress shows 12 days" />
          </div>
          <button className="primary" type="submit" disabled={save.isPending}>Save</button>
          <button type="button" onClick={() => save.mutate({ closesAt: null })} disabled={save.isPending} title="Go back to the rules">Use rules</button>
          <div style={{ width: '100%' }}><ErrorNote error={save.error} /></div>
        </form>
      )}
    </div>
  );
}
