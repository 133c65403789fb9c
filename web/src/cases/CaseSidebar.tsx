import type { CaseDetail } from '../api/types.ts';
import { Card, Money } from '../components/ui.tsx';
import { dateTime, fromNow, humanize, percent } from '../lib/format.ts';
import { reasonLabel } from '../lib/labels.ts';

const CLOCK_NAMES: Record<string, string> = {
  first_reply: 'First reply',
  resolution: 'Resolve with customer',
  dispute_window: 'Dispute window',
  seller_response: 'Seller response',
  return_ship_by: 'Return ships by',
  wait_to_file: 'Dispute can be filed',
};
const CLOCK_TONE: Record<string, string> = { ok: 'ok', warning: 'soon', breached: 'late', waiting: '' };

/** Money for this case, the clocks that run on it, and who the customer is. */
export function CaseSidebar({ c }: { c: CaseDetail }) {
  const m = c.money;
  const cur = m.currency;
  return (
    <div className="stack">
      <Card title="Money on this case">
        <dl className="kv" data-testid="case-money">
          <dt>Customer paid</dt><dd><Money minor={m.customerPaidMinor} currency={cur} /></dd>
          <dt>Supplier cost</dt><dd><Money minor={m.supplierCostMinor} currency={cur} /></dd>
          <dt>Refunded</dt><dd><Money minor={m.refundedMinor} currency={cur} /></dd>
          {m.storeCreditMinor > 0 && <><dt>Store credit</dt><dd><Money minor={m.storeCreditMinor} currency={cur} /></dd></>}
          {m.discountMinor > 0 && <><dt>Discount</dt><dd><Money minor={m.discountMinor} currency={cur} /></dd></>}
          {m.reshipCostMinor > 0 && <><dt>Reship cost</dt><dd><Money minor={m.reshipCostMinor} currency={cur} /></dd></>}
          <dt>Recovered</dt><dd><Money minor={m.recoveredMinor} currency={cur} /> <span className="muted small">({percent(m.recoveryRate)})</span></dd>
          <dt><strong>Net loss</strong></dt><dd><strong><Money minor={m.netLossMinor} currency={cur} /></strong></dd>
        </dl>
      </Card>
      <Card title="Clocks">
        {c.closedAt ? <p className="muted">The case is closed; no clock runs.</p> : c.clocks.length === 0 ? <p className="muted">No deadlines running.</p> : (
          <dl className="kv small">
            {c.clocks.map((k) => (
              <div key={k.name + k.subjectId} style={{ display: 'contents' }}>
                <dt>{CLOCK_NAMES[k.name] ?? humanize(k.name)}</dt>
                <dd title={dateTime(k.dueAt)}>
                  {k.state === 'done' ? <span className="muted">done</span> : <span className={`countdown ${CLOCK_TONE[k.state] ?? ''}`}>{k.state === 'breached' ? 'overdue ' : ''}{fromNow(k.dueAt)}</span>}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </Card>
      <Card title="Customer">
        <dl className="kv small">
          <dt>Name</dt><dd>{c.order.customer?.name ?? '—'}</dd>
          <dt>Email</dt><dd>{c.order.customer?.email ?? '—'}</dd>
          {c.customerHistory && (
            <>
              <dt>Orders</dt><dd>{c.customerHistory.orders}</dd>
              <dt>Cases</dt><dd>{c.customerHistory.cases} {Object.entries(c.customerHistory.casesByReason).map(([r, n]) => <span key={r} className="muted">· {reasonLabel(r)} {n} </span>)}</dd>
              <dt>Refunded before</dt><dd><Money minor={c.customerHistory.refundedMinor} currency={cur} /></dd>
            </>
          )}
        </dl>
        {c.tags.filter((t) => t !== 'signals-checked').length > 0 && (
          <div className="row" style={{ marginTop: 8 }}>
            {c.tags.filter((t) => t !== 'signals-checked').map((t) => <span key={t} className="badge amber">{humanize(t)}</span>)}
          </div>
        )}
        <p className="small" style={{ marginTop: 10 }}>
          <a href={`/track/cases/${c.publicToken}`} target="_blank" rel="noreferrer">The customer’s page for this case ↗</a>
        </p>
      </Card>
    </div>
  );
}
