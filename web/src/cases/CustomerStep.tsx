import { useState, type FormEvent } from 'react';
import type { CaseDetail } from '../api/types.ts';
import { ErrorNote, Money, Status } from '../components/ui.tsx';
import { SupplierOrderBlock } from '../disputes/DisputeWindow.tsx';
import { dateTime } from '../lib/format.ts';
import { useCaseAction } from './case-actions.ts';
import { StepSection } from './StepSection.tsx';

/** Step 1: what the customer reported, the evidence, and confirm / ask for more / decline. */
export function CustomerStep({ c }: { c: CaseDetail }) {
  const act = useCaseAction(c.id, () => setMode(null));
  const [mode, setMode] = useState<'ask' | 'decline' | null>(null);
  const [text, setText] = useState('');
  const allowed = c.allowedActions.customer;
  const lineTitle = (id: string) => c.order.lines.find((l) => l.id === id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'ask') act.mutate({ path: `/api/v1/cases/${c.id}/request-info`, body: { message: text } });
    if (mode === 'decline') act.mutate({ path: `/api/v1/cases/${c.id}/decline`, body: { reason: text } });
  };
  return (
    <StepSection c={c} step={1}>
      <p style={{ whiteSpace: 'pre-wrap' }}>{c.description || <span className="muted">No description given.</span>}</p>
      <ul className="small" style={{ margin: '8px 0', paddingLeft: 18 }}>
        {c.lines.map((l) => {
          const line = lineTitle(l.orderLineId);
          return (
            <li key={l.id}>
              {l.quantity} × {line?.title ?? 'item'} {line && <span className="muted">(<Money minor={line.unitPriceMinor * l.quantity} currency={c.order.currency} />)</span>}
            </li>
          );
        })}
      </ul>
      <p className="small">
        Evidence: {c.evidence.length} file{c.evidence.length === 1 ? '' : 's'}
        {c.evidence.map((e) => <a key={e.id} href={`/api/v1/evidence/${e.id}/file`} target="_blank" rel="noreferrer" style={{ marginLeft: 8 }}>{e.filename ?? e.kind}</a>)}
        {c.evidenceNeeded.missingPhotos > 0 && <span style={{ color: 'var(--amber)' }}> · {c.evidenceNeeded.missingPhotos} more photo(s) needed: {c.evidenceNeeded.note}</span>}
      </p>
      <div className="actions" style={{ marginTop: 10 }}>
        {allowed.includes('confirm') && <button type="button" className="primary" disabled={act.isPending} onClick={() => act.mutate({ path: `/api/v1/cases/${c.id}/confirm` })}>Confirm details</button>}
        {allowed.includes('request_info') && <button type="button" onClick={() => { setMode('ask'); setText(c.evidenceNeeded.missingPhotos > 0 ? `Could you send ${c.evidenceNeeded.note.toLowerCase()}` : ''); }}>Ask for more information</button>}
        {allowed.includes('decline') && <button type="button" className="danger" onClick={() => { setMode('decline'); setText(''); }}>Decline claim</button>}
        {c.customerStatus === 'waiting_on_customer' && <span className="muted small">Waiting for the customer’s answer.</span>}
      </div>
      {mode && (
        <form className="stack" style={{ marginTop: 10 }} onSubmit={submit}>
          <div className="field">
            <label htmlFor="step1-text">{mode === 'ask' ? 'Message to the customer (they see it)' : 'Why the claim is declined (the customer sees it)'}</label>
            <textarea id="step1-text" required value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <div className="actions">
            <button type="submit" className={mode === 'decline' ? 'danger' : 'primary'} disabled={act.isPending}>{mode === 'ask' ? 'Send request' : 'Decline claim'}</button>
            <button type="button" onClick={() => setMode(null)}>Cancel</button>
          </div>
        </form>
      )}
      <div style={{ marginTop: 8 }}><ErrorNote error={act.error} /></div>
    </StepSection>
  );
}

/** Step 2: supplier order, tracking and dispute deadline together, then "verified". */
export function VerifyStep({ c }: { c: CaseDetail }) {
  const act = useCaseAction(c.id);
  return (
    <StepSection c={c} step={2}>
      {c.supplierOrders.length === 0 && <p className="muted">No supplier order is recorded for this order.</p>}
      <div style={{ margin: '0 -16px' }}>
        {c.supplierOrders.map((so) => <SupplierOrderBlock key={so.id} so={so} refresh={[['case', c.id]]} />)}
      </div>
      {c.parcels.map((p) => (
        <p key={p.id} className="small" style={{ marginTop: 6 }}>
          Parcel <span className="mono">{p.trackingNumber}</span> ({p.carrier ?? 'carrier unknown'}): <Status value={p.status} /> {p.flags.map((f) => <Status key={f} value={f} />)} · last event {dateTime(p.lastEventAt)}
          {p.events?.at(-1) && <span className="muted"> — {p.events.at(-1)!.description}</span>}
        </p>
      ))}
      {c.parcels.length === 0 && <p className="small muted">No tracking number on this order.</p>}
      <div className="actions" style={{ marginTop: 10 }}>
        {c.verifiedAt ? <span className="muted small">Verified {dateTime(c.verifiedAt)}</span> : !c.closedAt && <button type="button" className="primary" disabled={act.isPending} onClick={() => act.mutate({ path: `/api/v1/cases/${c.id}/verify` })}>Mark as verified</button>}
      </div>
      <ErrorNote error={act.error} />
    </StepSection>
  );
}

/** The customer channel: what they wrote and what we answered; reply or log an inbound message. */
export function Conversation({ c }: { c: CaseDetail }) {
  const [body, setBody] = useState('');
  const [direction, setDirection] = useState<'outbound' | 'inbound'>('outbound');
  const act = useCaseAction(c.id, () => setBody(''));
  const messages = c.messages.filter((m) => m.channel === 'customer');
  return (
    <div>
      {messages.length === 0 ? <p className="muted">No messages with the customer yet.</p> : (
        <ol className="timeline">
          {messages.map((m) => (
            <li key={m.id}>
              <span className={`dot ${m.direction === 'inbound' ? 'customer' : ''}`} aria-hidden="true" />
              <div>
                <div className="meta">{m.direction === 'inbound' ? 'Customer' : m.author} · {dateTime(m.createdAt)}</div>
                <div className={`bubble ${m.direction === 'outbound' ? 'mine' : ''}`}>{m.body}</div>
              </div>
            </li>
          ))}
        </ol>
      )}
      {!c.closedAt && (
        <form className="stack" style={{ marginTop: 12 }} onSubmit={(e) => { e.preventDefault(); act.mutate({ path: `/api/v1/cases/${c.id}/messages`, body: { channel: 'customer', direction, body } }); }}>
          <div className="field">
            <label htmlFor="customer-message">{direction === 'outbound' ? 'Reply to the customer' : 'Log a message the customer sent elsewhere'}</label>
            <textarea id="customer-message" required value={body} onChange={(e) => setBody(e.target.value)} />
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={act.isPending}>{direction === 'outbound' ? 'Send reply' : 'Log message'}</button>
            <select aria-label="Direction" value={direction} onChange={(e) => setDirection(e.target.value as typeof direction)}>
              <option value="outbound">We write</option>
              <option value="inbound">Customer wrote</option>
            </select>
          </div>
          <ErrorNote error={act.error} />
        </form>
      )}
    </div>
  );
}
