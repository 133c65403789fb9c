import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { get, post } from '../api/client.ts';
import { Card, ErrorNote, Loading } from '../components/ui.tsx';
import { date } from '../lib/format.ts';
import { useAction } from '../lib/mutation.ts';

interface Rules {
  earliestOpenDaysAfterShip: number;
  protectionDays: Record<string, number> & { default: number };
  completionGraceDays: number;
  sellerResponseDays: number;
  escalateFromDays: number;
  autoEscalateDays: number;
  returnShipDays: number;
  refundExpectedBusinessDays: number;
}
interface Version {
  id: string;
  platform: 'aliexpress' | 'cjdropshipping';
  version: number;
  effectiveFrom: string;
  rules: Rules;
  note: string | null;
  createdBy: string | null;
}

const FIELDS: [Exclude<keyof Rules, 'protectionDays'>, string][] = [
  ['earliestOpenDaysAfterShip', 'Opens (days after ship)'],
  ['completionGraceDays', 'Completion grace'],
  ['sellerResponseDays', 'Seller responds within'],
  ['escalateFromDays', 'Escalate from'],
  ['autoEscalateDays', 'Auto-escalates after'],
  ['returnShipDays', 'Return ships within'],
  ['refundExpectedBusinessDays', 'Refund within (business days)'],
];

const countries = (p: Rules['protectionDays']) => Object.entries(p).filter(([k]) => k !== 'default').map(([k, v]) => `${k}=${v}`).join(', ');

/** The versioned dispute-window rules: every version kept; a change is a new version from a date. */
export function DisputeRulesCard() {
  const data = useQuery({ queryKey: ['dispute-rules'], queryFn: () => get<{ versions: Version[] }>('/api/v1/settings/dispute-rules') });
  const [editing, setEditing] = useState<Version | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const save = useAction((body: unknown) => post('/api/v1/settings/dispute-rules', body), [['dispute-rules']], () => setEditing(null));

  const start = (v: Version) => {
    setEditing(v);
    setDraft({
      ...Object.fromEntries(FIELDS.map(([k]) => [k, String(v.rules[k])])),
      protectionDefault: String(v.rules.protectionDays.default),
      protectionCountries: countries(v.rules.protectionDays),
      effectiveFrom: new Date().toISOString().slice(0, 10),
      note: '',
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    const protectionDays: Record<string, number> = { default: Number(draft.protectionDefault) };
    for (const part of (draft.protectionCountries ?? '').split(',')) {
      const [k, v] = part.split('=').map((s) => s.trim());
      if (k && v) protectionDays[k.toUpperCase()] = Number(v);
    }
    const rules = { ...Object.fromEntries(FIELDS.map(([k]) => [k, Number(draft[k])])), protectionDays };
    save.mutate({ platform: editing.platform, effectiveFrom: new Date(`${draft.effectiveFrom}T00:00:00Z`).toISOString(), rules, ...(draft.note ? { note: draft.note } : {}) });
  };

  return (
    <Card title="Dispute-window rules" flush>
      <p className="card-body muted small" style={{ paddingBottom: 0 }}>Each supplier order’s window is computed from the version in force when it shipped. Override one order’s window from its page when AliExpress shows a different countdown.</p>
      {data.isPending && <Loading />}
      {data.error && <div className="card-body"><ErrorNote error={data.error} /></div>}
      {data.data && (
        <div className="table-wrap" style={{ marginTop: 12 }}>
          <table className="wrap-head">
            <thead>
              <tr>
                <th>Platform</th><th className="num">Version</th><th>Effective from</th><th className="num">Protection (days)</th>
                {FIELDS.map(([k, label]) => <th key={k} className="num">{label}</th>)}
              </tr>
            </thead>
            <tbody>
              {data.data.versions.map((v) => (
                <tr key={v.id}>
                  <td>
                    {v.platform}
                    <div><button type="button" className="link small" onClick={() => start(v)}>New version…</button></div>
                  </td>
                  <td className="num">v{v.version}</td>
                  <td className="nowrap">{date(v.effectiveFrom)}</td>
                  <td className="num">{v.rules.protectionDays.default}<div className="muted small">{countries(v.rules.protectionDays)}</div></td>
                  {FIELDS.map(([k]) => <td key={k} className="num">{v.rules[k]}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <form className="card-body stack" onSubmit={submit} aria-label="New rules version" style={{ borderTop: '1px solid var(--border)' }}>
          <h3>New {editing.platform} version (based on v{editing.version})</h3>
          <div className="form-grid">
            <div className="field"><label htmlFor="r-from">Effective from</label><input id="r-from" type="date" required value={draft.effectiveFrom} onChange={(e) => setDraft({ ...draft, effectiveFrom: e.target.value })} /></div>
            <div className="field"><label htmlFor="r-pdef">Protection days</label><input id="r-pdef" type="number" min={1} required value={draft.protectionDefault} onChange={(e) => setDraft({ ...draft, protectionDefault: e.target.value })} /></div>
            <div className="field"><label htmlFor="r-pc">By country <span className="hint">BR=120, RU=90</span></label><input id="r-pc" value={draft.protectionCountries} onChange={(e) => setDraft({ ...draft, protectionCountries: e.target.value })} /></div>
            {FIELDS.map(([k, label]) => (
              <div className="field" key={k}><label htmlFor={`r-${k}`}>{label}</label><input id={`r-${k}`} type="number" min={0} required value={draft[k]} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} /></div>
            ))}
          </div>
          <div className="field"><label htmlFor="r-note">Why</label><input id="r-note" value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} /></div>
          <ErrorNote error={save.error} />
          <div className="actions"><button type="submit" className="primary" disabled={save.isPending}>Save as new version</button><button type="button" onClick={() => setEditing(null)}>Cancel</button></div>
        </form>
      )}
    </Card>
  );
}
