import { useState, type FormEvent } from 'react';
import type { CaseDetail, Resolution } from '../api/types.ts';
import { ErrorNote, Money, Status } from '../components/ui.tsx';
import { dateTime, parseMoney } from '../lib/format.ts';
import { RESOLUTION_KINDS, type ResolutionKind } from '../lib/labels.ts';
import { useCaseAction } from './case-actions.ts';
import { StepSection } from './StepSection.tsx';

function ResolutionRow({ c, r, platform }: { c: CaseDetail; r: Resolution; platform: string }) {
  const act = useCaseAction(c.id, () => setForm(null));
  const [form, setForm] = useState<'execute' | 'return_shipped' | null>(null);
  const [text, setText] = useState('');
  const path = (action: string) => `/api/v1/resolutions/${r.id}/${action}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form === 'execute') act.mutate({ path: path('execute'), body: text.trim() ? { externalReference: text.trim() } : {} });
    if (form === 'return_shipped') act.mutate({ path: path('return-shipped'), body: { returnTrackingNumber: text.trim() } });
  };
  const manual = platform === 'manual';
  const can = (a: string) => r.allowedActions.includes(a);
  return (
    <div className="card" style={{ padding: 12, marginTop: 8 }} data-testid="resolution">
      <div className="row between">
        <div>
          <strong>{RESOLUTION_KINDS[r.kind as ResolutionKind] ?? r.kind}</strong> <Money minor={r.amountMinor} currency={r.currency} />
          <div className="muted small">
            proposed by {r.proposedBy}{r.approvedBy ? ` · approved by ${r.approvedBy}` : ''}{r.executedAt ? ` · done ${dateTime(r.executedAt)}` : ''}
            {typeof r.details.returnAddress === 'string' && <> · return to {r.details.returnAddress}</>}
            {r.externalId && <> · ref <span className="mono">{r.externalId}</span></>}
          </div>
          {r.failure && <div className="small" style={{ color: 'var(--red)' }}>Failed: {r.failure}</div>}
        </div>
        <Status value={r.status} />
      </div>
      <div className="actions" style={{ marginTop: 8 }}>
        {can('approve') && <button type="button" className="primary small" disabled={act.isPending} onClick={() => act.mutate({ path: path('approve') })}>Approve</button>}
        {can('return_shipped') && r.kind === 'refund_after_return' && <button type="button" className="small" onClick={() => { setForm('return_shipped'); setText(''); }}>Return shipped…</button>}
        {can('return_received') && r.kind === 'refund_after_return' && <button type="button" className="small" disabled={act.isPending} onClick={() => act.mutate({ path: path('return-received') })}>Return received</button>}
        {(can('execute') || can('retry')) && !(r.kind === 'refund_after_return' && r.status === 'approved') && (
          manual ? (
            <button type="button" className="primary small" onClick={() => { setForm('execute'); setText(''); }}>{r.status === 'failed' ? 'Retry' : 'Record as done in the store'}…</button>
          ) : (
            <button type="button" className="primary small" disabled={act.isPending} onClick={() => act.mutate({ path: path('execute') })}>{r.status === 'failed' ? 'Retry' : `Execute in ${platform}`}</button>
          )
        )}
        {can('reject') && <button type="button" className="small danger" disabled={act.isPending} onClick={() => act.mutate({ path: path('reject') })}>Reject</button>}
        {can('cancel') && <button type="button" className="small danger" disabled={act.isPending} onClick={() => act.mutate({ path: path('cancel') })}>Cancel</button>}
        {r.status === 'executing' && <span className="muted small" role="status">Sending to the store…</span>}
      </div>
      {form && (
        <form className="row" style={{ marginTop: 8, alignItems: 'flex-end' }} onSubmit={submit}>
          <div className="field" style={{ flex: 1 }}>
            <label htmlFor={`res-${r.id}`}>{form === 'execute' ? 'Reference in your store admin (optional)' : 'Return tracking number'}</label>
            <input id={`res-${r.id}`} required={form === 'return_shipped'} minLength={form === 'return_shipped' ? 4 : undefined} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <button type="submit" className="primary" disabled={act.isPending}>{form === 'execute' ? 'Mark as done' : 'Save'}</button>
          <button type="button" onClick={() => setForm(null)}>Cancel</button>
        </form>
      )}
      <div style={{ marginTop: 8 }}><ErrorNote error={act.error} /></div>
    </div>
  );
}

/** Step 5: make the customer whole, never beyond what the order can still refund. */
export function ResolutionStep({ c, platform }: { c: CaseDetail; platform: string }) {
  const act = useCaseAction(c.id, () => setOpen(false));
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ResolutionKind>('full_refund');
  const [amount, setAmount] = useState('');
  const [percent, setPercent] = useState('');
  const [returnAddress, setReturnAddress] = useState('');
  const [note, setNote] = useState('');
  const currency = c.order.currency;
  const canPropose = c.customerStatus !== 'resolved' && !c.closedAt;
  const amountMinor = amount.trim() ? parseMoney(amount, currency) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (amountMinor === null) return;
    const body: Record<string, unknown> = { kind, ...(note.trim() ? { note: note.trim() } : {}) };
    if (kind === 'reship') body.reshipCostMinor = amountMinor ?? 0;
    else if (amountMinor !== undefined) body.amountMinor = amountMinor;
    else if (percent.trim() && (kind === 'partial_refund' || kind === 'discount')) body.percent = Number(percent);
    if (kind === 'refund_after_return') body.returnAddress = returnAddress;
    act.mutate({ path: `/api/v1/cases/${c.id}/resolutions`, body });
  };
  return (
    <StepSection c={c} step={5}>
      <p className="small">
        This order can still refund <strong data-testid="refundable"><Money minor={c.refundable.refundableMinor} currency={c.refundable.currency} /></strong> of <Money minor={c.refundable.totalMinor} currency={c.refundable.currency} /> (refunded so far <Money minor={c.refundable.refundedMinor} currency={c.refundable.currency} />).
      </p>
      {c.resolutions.map((r) => <ResolutionRow key={r.id} c={c} r={r} platform={platform} />)}
      {canPropose && !open && <div className="actions" style={{ marginTop: 10 }}><button type="button" className="primary" onClick={() => setOpen(true)}>Propose a resolution</button></div>}
      {canPropose && open && (
        <form className="stack" style={{ marginTop: 10 }} onSubmit={submit} aria-label="Propose a resolution">
          <div className="form-grid">
            <div className="field">
              <label htmlFor="res-kind">Resolution</label>
              <select id="res-kind" value={kind} onChange={(e) => setKind(e.target.value as ResolutionKind)}>
                {Object.entries(RESOLUTION_KINDS).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="res-amount">{kind === 'reship' ? `Reship cost (${currency})` : `Amount (${currency})`} <span className="hint">{kind === 'full_refund' || kind === 'refund_after_return' || kind === 'store_credit' ? 'empty = the case’s items' : ''}</span></label>
              <input id="res-amount" inputMode="decimal" required={kind === 'reship'} value={amount} onChange={(e) => setAmount(e.target.value)} />
            </div>
            {(kind === 'partial_refund' || kind === 'discount') && (
              <div className="field">
                <label htmlFor="res-percent">or percent of the items</label>
                <input id="res-percent" type="number" min={1} max={100} value={percent} onChange={(e) => setPercent(e.target.value)} />
              </div>
            )}
          </div>
          {kind === 'refund_after_return' && (
            <div className="field">
              <label htmlFor="res-address">Return address</label>
              <textarea id="res-address" required value={returnAddress} onChange={(e) => setReturnAddress(e.target.value)} />
            </div>
          )}
          <div className="field">
            <label htmlFor="res-note">Note (internal)</label>
            <input id="res-note" value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          {amountMinor === null && <p className="small" style={{ color: 'var(--red)' }}>Enter an amount like 12.50</p>}
          <div className="actions">
            <button type="submit" className="primary" disabled={act.isPending}>Propose</button>
            <button type="button" onClick={() => setOpen(false)}>Cancel</button>
          </div>
        </form>
      )}
      <div style={{ marginTop: 8 }}><ErrorNote error={act.error} /></div>
    </StepSection>
  );
}
