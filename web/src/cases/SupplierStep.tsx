import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../api/client.ts';
import type { CaseDetail } from '../api/types.ts';
import { ErrorNote } from '../components/ui.tsx';
import { dateTime } from '../lib/format.ts';
import { useCaseAction } from './case-actions.ts';
import { StepSection } from './StepSection.tsx';

interface Template {
  key: string;
  channel: 'customer' | 'supplier';
  name: string;
}

/** Step 3: write to the supplier (free text or a template), log their replies, or waive. */
export function SupplierStep({ c }: { c: CaseDetail }) {
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => get<{ items: Template[] }>('/api/v1/templates'), staleTime: 300_000 });
  const supplierTemplates = templates.data?.items.filter((t) => t.channel === 'supplier') ?? [];
  const [body, setBody] = useState('');
  const [direction, setDirection] = useState<'outbound' | 'inbound'>('outbound');
  const [templateKey, setTemplateKey] = useState('');
  const [waiving, setWaiving] = useState(false);
  const [waiveReason, setWaiveReason] = useState('');
  const act = useCaseAction(c.id, () => {
    setBody('');
    setWaiving(false);
  });
  const messages = c.messages.filter((m) => m.channel === 'supplier');
  const open = !c.closedAt;
  const key = templateKey || supplierTemplates[0]?.key || '';

  return (
    <StepSection c={c} step={3}>
      {messages.length === 0 ? (
        <p className="muted small">Nothing sent to the supplier yet.</p>
      ) : (
        <ol className="timeline">
          {messages.map((m) => (
            <li key={m.id}>
              <span className="dot" aria-hidden="true" />
              <div>
                <div className="meta">{m.direction === 'outbound' ? `To supplier · ${m.author}` : 'Supplier replied'} · {dateTime(m.createdAt)}</div>
                <div className={`bubble ${m.direction === 'outbound' ? 'mine' : ''}`}>{m.body}</div>
              </div>
            </li>
          ))}
        </ol>
      )}
      {open && (
        <form className="stack" style={{ marginTop: 10 }} onSubmit={(e) => { e.preventDefault(); act.mutate({ path: `/api/v1/cases/${c.id}/messages`, body: { channel: 'supplier', direction, body } }); }}>
          <div className="field">
            <label htmlFor="supplier-message">{direction === 'outbound' ? 'Message to the supplier (paste it into AliExpress chat too)' : 'The supplier’s reply'}</label>
            <textarea id="supplier-message" required value={body} onChange={(e) => setBody(e.target.value)} />
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={act.isPending}>{direction === 'outbound' ? 'Record message to supplier' : 'Log reply'}</button>
            <select aria-label="Direction" value={direction} onChange={(e) => setDirection(e.target.value as typeof direction)}>
              <option value="outbound">We wrote</option>
              <option value="inbound">Supplier replied</option>
            </select>
            {supplierTemplates.length > 0 && (
              <>
                <span className="muted small">or</span>
                <select aria-label="Supplier template" value={key} onChange={(e) => setTemplateKey(e.target.value)}>
                  {supplierTemplates.map((t) => <option key={t.key} value={t.key}>{t.name}</option>)}
                </select>
                <button type="button" disabled={!key || act.isPending} onClick={() => act.mutate({ path: `/api/v1/cases/${c.id}/templates/${key}/send` })}>Send template</button>
              </>
            )}
          </div>
        </form>
      )}
      {c.allowedActions.supplier.includes('waive') && (
        <div style={{ marginTop: 10 }}>
          {!waiving ? (
            <button type="button" className="link small" onClick={() => setWaiving(true)}>Don’t pursue the supplier…</button>
          ) : (
            <form className="row" style={{ alignItems: 'flex-end' }} onSubmit={(e) => { e.preventDefault(); act.mutate({ path: `/api/v1/cases/${c.id}/waive-supplier`, body: { reason: waiveReason } }); }}>
              <div className="field" style={{ flex: 1 }}>
                <label htmlFor="waive-reason">Why not (internal)</label>
                <input id="waive-reason" required value={waiveReason} onChange={(e) => setWaiveReason(e.target.value)} placeholder="e.g. amount too small to dispute" />
              </div>
              <button type="submit" disabled={act.isPending}>Waive supplier</button>
              <button type="button" onClick={() => setWaiving(false)}>Cancel</button>
            </form>
          )}
        </div>
      )}
      <div style={{ marginTop: 8 }}><ErrorNote error={act.error} /></div>
    </StepSection>
  );
}
