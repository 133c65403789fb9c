import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { get } from '../api/client.ts';
import { Card, ErrorNote, Loading } from '../components/ui.tsx';
import { REASON_KEYS, reasonLabel } from '../lib/labels.ts';
import { useAction } from '../lib/mutation.ts';
import { DEFAULT_REQUIRED_EVIDENCE, patch, type WorkspacePolicies } from './types.ts';

type Evidence = Record<string, { photos: number; note: string }>;

function EvidenceForm({ value }: { value: Evidence }) {
  const [draft, setDraft] = useState(() => Object.fromEntries(REASON_KEYS.map((r) => [r, { photos: String(value[r]?.photos ?? 0), note: value[r]?.note ?? '' }])));
  const [saved, setSaved] = useState(false);
  const save = useAction((body: WorkspacePolicies) => patch<WorkspacePolicies>('/api/v1/settings/workspace', body), [['workspace-settings']], () => setSaved(true));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate({ requiredEvidence: Object.fromEntries(REASON_KEYS.map((r) => [r, { photos: Number(draft[r]!.photos), note: draft[r]!.note }])) });
  };
  const set = (reason: string, key: 'photos' | 'note', v: string) => {
    setSaved(false);
    setDraft({ ...draft, [reason]: { ...draft[reason]!, [key]: v } });
  };
  return (
    <form onSubmit={submit} aria-label="Evidence each reason needs">
      <div className="table-wrap">
        <table>
          <thead><tr><th>Reason</th><th className="num">Photos needed</th><th>What to ask for</th></tr></thead>
          <tbody>
            {REASON_KEYS.map((r) => (
              <tr key={r}>
                <td>{reasonLabel(r)}</td>
                <td className="num">
                  <label className="sr-only" htmlFor={`ev-${r}-photos`}>Photos needed for {reasonLabel(r)}</label>
                  <input id={`ev-${r}-photos`} type="number" min={0} max={20} step={1} required value={draft[r]!.photos} onChange={(e) => set(r, 'photos', e.target.value)} style={{ width: 80 }} />
                </td>
                <td>
                  <label className="sr-only" htmlFor={`ev-${r}-note`}>What to ask for on {reasonLabel(r)}</label>
                  <input id={`ev-${r}-note`} maxLength={500} value={draft[r]!.note} onChange={(e) => set(r, 'note', e.target.value)} style={{ width: '100%' }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card-body stack">
        <ErrorNote error={save.error} />
        {saved && <div className="notice ok" role="status">Saved. Cases show what is still missing by these numbers.</div>}
        <div className="actions"><button type="submit" className="primary" disabled={save.isPending}>Save evidence rules</button></div>
      </div>
    </form>
  );
}

/** The photos each reason needs before a case goes to the supplier (workspace requiredEvidence). */
export function RequiredEvidenceCard() {
  const policies = useQuery({ queryKey: ['workspace-settings'], queryFn: () => get<WorkspacePolicies>('/api/v1/settings/workspace') });
  return (
    <Card title="Evidence each reason needs" flush>
      {policies.isPending && <Loading />}
      {policies.error && <div className="card-body"><ErrorNote error={policies.error} /></div>}
      {policies.data && <EvidenceForm value={{ ...DEFAULT_REQUIRED_EVIDENCE, ...(policies.data.requiredEvidence ?? {}) }} />}
    </Card>
  );
}
