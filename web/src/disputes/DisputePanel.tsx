import { useState, type FormEvent } from 'react';
import type { CaseDetail, Dispute } from '../api/types.ts';
import { StepSection } from '../cases/StepSection.tsx';
import { useCaseAction } from '../cases/case-actions.ts';
import { Countdown, ErrorNote, Money, Status } from '../components/ui.tsx';
import { dateTime, minorToDecimal, parseMoney } from '../lib/format.ts';

const LIVE = ['prepared', 'opened', 'seller_responded', 'escalated'];
const EVENT_OF: Record<string, { type: string; label: string }> = {
  open: { type: 'opened', label: 'Opened on AliExpress' },
  seller_respond: { type: 'seller_responded', label: 'Seller responded' },
  escalate: { type: 'escalated', label: 'Escalated' },
  win: { type: 'won', label: 'Won' },
  win_partly: { type: 'partly_won', label: 'Partly won…' },
  lose: { type: 'lost', label: 'Lost' },
  cancel: { type: 'cancelled', label: 'Cancel' },
};
const DEADLINES: [keyof Dispute['deadlines'], string][] = [
  ['sellerResponseDueAt', 'Seller must respond by'],
  ['escalateFromAt', 'Can escalate from'],
  ['autoEscalateAt', 'Escalates by itself'],
  ['returnShipByAt', 'Return must ship by'],
  ['refundExpectedBy', 'Refund expected by'],
];

function DisputeCard({ c, d }: { c: CaseDetail; d: Dispute }) {
  const act = useCaseAction(c.id, () => setForm(null));
  const [form, setForm] = useState<'open' | 'win_partly' | null>(null);
  const [externalId, setExternalId] = useState('');
  const [recovered, setRecovered] = useState('');
  const so = c.supplierOrders.find((s) => s.id === d.supplierOrderId);
  const record = (type: string, extra: Record<string, unknown> = {}) => act.mutate({ path: `/api/v1/disputes/${d.id}/events`, body: { type, ...extra } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form === 'open') record('opened', externalId.trim() ? { externalId: externalId.trim() } : {});
    if (form === 'win_partly') {
      const minor = parseMoney(recovered, d.currency);
      if (minor !== null) record('partly_won', { recoveredMinor: minor });
    }
  };
  return (
    <div className="card" style={{ padding: 12, marginTop: 8 }} data-testid="dispute">
      <div className="row between">
        <div>
          <strong>{d.platformReason}</strong>
          <div className="muted small">
            {d.request === 'return_and_refund' ? 'Return and refund' : 'Refund only'} · asking <Money minor={d.amountMinor} currency={d.currency} />
            {d.recoveredMinor > 0 && <> · recovered <Money minor={d.recoveredMinor} currency={d.currency} /></>}
            {d.externalId && <> · AliExpress dispute <span className="mono">{d.externalId}</span></>}
          </div>
        </div>
        <Status value={d.status} />
      </div>
      {!d.closedAt && (
        <dl className="kv small" style={{ marginTop: 8 }}>
          {d.status === 'prepared' && so?.disputeWindow.closesAt && (
            <>
              <dt>File before</dt>
              <dd>{dateTime(so.disputeWindow.closesAt)} · <Countdown at={so.disputeWindow.closesAt} /></dd>
            </>
          )}
          {DEADLINES.filter(([k]) => d.deadlines[k]).map(([k, label]) => (
            <div key={k} style={{ display: 'contents' }}>
              <dt>{label}</dt>
              <dd>{dateTime(d.deadlines[k])} · <Countdown at={d.deadlines[k]} soonDays={3} /></dd>
            </div>
          ))}
        </dl>
      )}
      <div className="actions" style={{ marginTop: 10 }}>
        {so?.deepLink && <a className="button small" href={so.deepLink} target="_blank" rel="noreferrer">Open order on AliExpress ↗</a>}
        <a className="button small" href={`/api/v1/disputes/${d.id}/evidence-pack.pdf`}>Evidence pack (PDF)</a>
        <a className="button small" href={`/api/v1/disputes/${d.id}/evidence-pack.zip`}>With files (ZIP)</a>
      </div>
      {d.allowedActions.length > 0 && (
        <div className="actions" style={{ marginTop: 8 }}>
          <span className="muted small">Record what happened:</span>
          {d.allowedActions.map((a) => {
            const e = EVENT_OF[a];
            if (!e) return null;
            const needsForm = a === 'open' || a === 'win_partly';
            return (
              <button key={a} type="button" className={`small ${a === 'open' || a === 'win' ? 'primary' : ''} ${a === 'cancel' || a === 'lose' ? 'danger' : ''}`} disabled={act.isPending} onClick={() => (needsForm ? setForm(a) : record(e.type))}>
                {e.label}
              </button>
            );
          })}
        </div>
      )}
      {form && (
        <form className="row" style={{ marginTop: 8, alignItems: 'flex-end' }} onSubmit={submit}>
          {form === 'open' ? (
            <div className="field">
              <label htmlFor={`ext-${d.id}`}>AliExpress dispute number (optional)</label>
              <input id={`ext-${d.id}`} value={externalId} onChange={(e) => setExternalId(e.target.value)} />
            </div>
          ) : (
            <div className="field">
              <label htmlFor={`rec-${d.id}`}>Recovered ({d.currency})</label>
              <input id={`rec-${d.id}`} inputMode="decimal" required value={recovered} onChange={(e) => setRecovered(e.target.value)} placeholder={minorToDecimal(Math.floor(d.amountMinor / 2), d.currency)} />
            </div>
          )}
          <button type="submit" className="primary" disabled={act.isPending}>Save</button>
          <button type="button" onClick={() => setForm(null)}>Cancel</button>
        </form>
      )}
      <div style={{ marginTop: 8 }}><ErrorNote error={act.error} /></div>
    </div>
  );
}

/** Step 4: prepare the dispute inside its window, then record its life and deadlines. */
export function DisputeStep({ c }: { c: CaseDetail }) {
  const act = useCaseAction(c.id);
  const [supplierOrderId, setSupplierOrderId] = useState(c.supplierOrders[0]?.id ?? '');
  const so = c.supplierOrders.find((s) => s.id === supplierOrderId);
  const [amount, setAmount] = useState('');
  const [request, setRequest] = useState<'refund_only' | 'return_and_refund'>('refund_only');
  const live = c.disputes.some((d) => LIVE.includes(d.status));
  const canPrepare = !live && c.allowedActions.supplier.includes('open_dispute') && c.supplierOrders.length > 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amountMinor = amount.trim() ? parseMoney(amount, so?.currency ?? c.order.currency) : undefined;
    if (amountMinor === null) return;
    act.mutate({ path: `/api/v1/cases/${c.id}/disputes`, body: { supplierOrderId, request, ...(amountMinor !== undefined ? { amountMinor } : {}) } });
  };
  return (
    <StepSection c={c} step={4}>
      {c.disputes.length === 0 && !canPrepare && <p className="muted small">{c.supplierOrders.length === 0 ? 'No supplier order to dispute.' : 'The supplier side is settled; no dispute is needed.'}</p>}
      {c.disputes.map((d) => <DisputeCard key={d.id} c={c} d={d} />)}
      {canPrepare && (
        <form className="stack" style={{ marginTop: 8 }} onSubmit={submit} aria-label="Prepare the dispute">
          <div className="form-grid">
            <div className="field">
              <label htmlFor="dispute-so">Supplier order</label>
              <select id="dispute-so" value={supplierOrderId} onChange={(e) => setSupplierOrderId(e.target.value)}>
                {c.supplierOrders.map((s) => <option key={s.id} value={s.id}>{s.supplier.name} · {s.externalId ?? s.id}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="dispute-amount">Amount ({so?.currency ?? c.order.currency}) <span className="hint">empty = all paid</span></label>
              <input id="dispute-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder={so ? minorToDecimal(so.paidMinor, so.currency) : ''} />
            </div>
            <div className="field">
              <label htmlFor="dispute-request">Ask for</label>
              <select id="dispute-request" value={request} onChange={(e) => setRequest(e.target.value as typeof request)}>
                <option value="refund_only">Refund only</option>
                <option value="return_and_refund">Return and refund</option>
              </select>
            </div>
          </div>
          {so && <p className="small">Window: <Countdown at={so.disputeWindow.closesAt} /> {so.disputeWindow.opensAt && new Date(so.disputeWindow.opensAt) > new Date() && <span className="muted">(opens {dateTime(so.disputeWindow.opensAt)})</span>}</p>}
          {amount && parseMoney(amount, so?.currency ?? c.order.currency) === null && <p className="small" style={{ color: 'var(--red)' }}>Enter an amount like 12.50</p>}
          <div className="actions"><button type="submit" className="primary" disabled={act.isPending}>Prepare dispute</button></div>
        </form>
      )}
      <div style={{ marginTop: 8 }}><ErrorNote error={act.error} /></div>
    </StepSection>
  );
}
