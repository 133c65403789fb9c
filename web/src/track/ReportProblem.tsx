import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { post } from '../api/client.ts';
import { ErrorNote } from '../components/ui.tsx';
import { REASON_KEYS, REASONS, type Reason } from '../lib/labels.ts';
import { navigate } from '../lib/router.tsx';
import type { PublicOrderView } from './types.ts';

const HINTS: Partial<Record<Reason, string>> = {
  damaged: 'Please describe the damage; you can add photos on the next page.',
  wrong_item: 'What did you receive instead? You can add a photo on the next page.',
  delivered_not_received: 'Tracking says delivered but nothing arrived: did you check with neighbours and the mailbox?',
};

/** "Report a problem": reason, affected items and quantities, what happened. */
export function ReportProblem({ token, view, onCancel }: { token: string; view: PublicOrderView; onCancel: () => void }) {
  const client = useQueryClient();
  const [reason, setReason] = useState<Reason | ''>('');
  const [description, setDescription] = useState('');
  const [picked, setPicked] = useState<Record<string, number>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const chosen = view.order.lines.filter((l) => (picked[l.id] ?? 0) > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const lines = chosen.map((l) => ({ orderLineId: l.id, quantity: picked[l.id]! }));
      const created = await post<{ publicToken: string }>(`/api/public/orders/${encodeURIComponent(token)}/cases`, { reason, description, ...(lines.length ? { lines } : {}) });
      await client.invalidateQueries({ queryKey: ['track-order'] });
      navigate(`/track/cases/${created.publicToken}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <form className="card card-body stack" onSubmit={submit} aria-label="Report a problem">
      <h2>Report a problem</h2>
      <div className="field">
        <label htmlFor="problem-reason">What went wrong?</label>
        <select id="problem-reason" required value={reason} onChange={(e) => setReason(e.target.value as Reason)}>
          <option value="" disabled>Choose one</option>
          {REASON_KEYS.map((r) => <option key={r} value={r}>{REASONS[r]}</option>)}
        </select>
        {reason && HINTS[reason] && <span className="hint">{HINTS[reason]}</span>}
      </div>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="small" style={{ fontWeight: 500, color: 'var(--text-2)' }}>Which items? <span className="muted">(none ticked = the whole order)</span></legend>
        {view.order.lines.map((l) => {
          const on = (picked[l.id] ?? 0) > 0;
          return (
            <div className="line-pick" key={l.id}>
              <input type="checkbox" id={`pick-${l.id}`} checked={on} onChange={(e) => setPicked({ ...picked, [l.id]: e.target.checked ? l.quantity : 0 })} style={{ minHeight: 0 }} />
              <label htmlFor={`pick-${l.id}`} style={{ fontWeight: 400 }}>{l.title}</label>
              <input
                type="number"
                aria-label={`How many of ${l.title}`}
                min={1}
                max={l.quantity}
                disabled={!on}
                value={on ? picked[l.id] : l.quantity}
                onChange={(e) => setPicked({ ...picked, [l.id]: Math.max(1, Math.min(l.quantity, Number(e.target.value) || 1)) })}
              />
            </div>
          );
        })}
      </fieldset>
      <div className="field">
        <label htmlFor="problem-description">Tell us what happened</label>
        <textarea id="problem-description" required maxLength={5000} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <p className="small muted">You can add photos right after sending this report.</p>
      <ErrorNote error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !reason}>{busy ? 'Sending…' : 'Send report'}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
