import { useState, type FormEvent } from 'react';
import { post } from '../api/client.ts';
import type { CaseSummary, Order } from '../api/types.ts';
import { ErrorNote } from '../components/ui.tsx';
import { REASON_KEYS, REASONS, type Reason } from '../lib/labels.ts';
import { useAction } from '../lib/mutation.ts';
import { navigate } from '../lib/router.tsx';

/** Staff open a case on an order (the customer can do the same from /track). */
export function OpenCaseForm({ order, onCancel }: { order: Order; onCancel: () => void }) {
  const [reason, setReason] = useState<Reason>('not_received');
  const [description, setDescription] = useState('');
  const [quantities, setQuantities] = useState<Record<string, number>>(Object.fromEntries(order.lines.map((l) => [l.id, l.quantity])));
  const open = useAction(
    (body: unknown) => post<CaseSummary>('/api/v1/cases', body),
    [['order', order.id], ['cases'], ['queues']],
    (kase) => navigate(`/cases/${kase.id}`),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const lines = order.lines.filter((l) => (quantities[l.id] ?? 0) > 0).map((l) => ({ orderLineId: l.id, quantity: quantities[l.id]! }));
    open.mutate({ orderId: order.id, reason, ...(description.trim() ? { description: description.trim() } : {}), lines });
  };
  return (
    <form className="stack" onSubmit={submit} aria-label="Open a case">
      <div className="field">
        <label htmlFor="case-reason">Reason</label>
        <select id="case-reason" value={reason} onChange={(e) => setReason(e.target.value as Reason)}>
          {REASON_KEYS.map((r) => <option key={r} value={r}>{REASONS[r]}</option>)}
        </select>
      </div>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="small" style={{ fontWeight: 500, color: 'var(--text-2)' }}>Affected items</legend>
        {order.lines.map((l) => (
          <div className="line-pick" key={l.id}>
            <span className="muted small">×{l.quantity}</span>
            <label htmlFor={`qty-${l.id}`} style={{ fontWeight: 400 }}>{l.title}</label>
            <input id={`qty-${l.id}`} type="number" min={0} max={l.quantity} value={quantities[l.id] ?? 0} onChange={(e) => setQuantities({ ...quantities, [l.id]: Math.max(0, Math.min(l.quantity, Number(e.target.value) || 0)) })} />
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="case-description">What happened</label>
        <textarea id="case-description" value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <ErrorNote error={open.error} />
      <div className="actions">
        <button className="primary" type="submit" disabled={open.isPending}>Open case</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
