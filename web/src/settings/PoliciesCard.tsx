import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { get } from '../api/client.ts';
import { Card, ErrorNote, Loading } from '../components/ui.tsx';
import { minorToDecimal, parseMoney } from '../lib/format.ts';
import { useAction } from '../lib/mutation.ts';
import { useShops } from '../orders/OrdersPage.tsx';
import { patch, POLICY_DEFAULTS, type WorkspacePolicies } from './types.ts';

interface Draft { reminderDays: string; firstReplyHours: string; resolutionDays: string; dnrWaitDays: string; approvalLimit: string; ratioWarning: string }

const fromPolicies = (p: WorkspacePolicies, currency: string): Draft => ({
  reminderDays: (p.reminderDays ?? POLICY_DEFAULTS.reminderDays).join(', '),
  firstReplyHours: String(p.sla?.firstReplyHours ?? POLICY_DEFAULTS.firstReplyHours),
  resolutionDays: String(p.sla?.resolutionDays ?? POLICY_DEFAULTS.resolutionDays),
  dnrWaitDays: String(p.sla?.dnrWaitDays ?? POLICY_DEFAULTS.dnrWaitDays),
  approvalLimit: minorToDecimal(p.agentApprovalLimitMinor ?? POLICY_DEFAULTS.agentApprovalLimitMinor, currency),
  ratioWarning: String(Math.round((p.disputeRatioWarning ?? POLICY_DEFAULTS.disputeRatioWarning) * 1000) / 10),
});

export function PoliciesCard() {
  const policies = useQuery({ queryKey: ['workspace-settings'], queryFn: () => get<WorkspacePolicies>('/api/v1/settings/workspace') });
  const shops = useShops();
  // The limit is one number in minor units; it is shown in the first shop's currency.
  const currency = shops.data?.items[0]?.currency ?? 'USD';
  const [draft, setDraft] = useState<Draft | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (policies.data && !shops.isPending) setDraft(fromPolicies(policies.data, currency));
  }, [policies.data, shops.isPending, currency]);
  const save = useAction((body: WorkspacePolicies) => patch<WorkspacePolicies>('/api/v1/settings/workspace', body), [['workspace-settings']], () => setSaved(true));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setSaved(false);
    const limit = parseMoney(draft.approvalLimit, currency);
    setInvalid(limit === null ? `The approval limit is not an amount in ${currency}.` : null);
    if (limit === null) return;
    save.mutate({
      reminderDays: draft.reminderDays.split(/[,\s]+/).filter(Boolean).map(Number),
      sla: { firstReplyHours: Number(draft.firstReplyHours), resolutionDays: Number(draft.resolutionDays), dnrWaitDays: Number(draft.dnrWaitDays) },
      agentApprovalLimitMinor: limit,
      disputeRatioWarning: Number(draft.ratioWarning) / 100,
    });
  };
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => {
    setSaved(false);
    setDraft((d) => (d ? { ...d, [k]: e.target.value } : d));
  };

  return (
    <Card title="Workspace policies">
      {policies.isPending && <Loading />}
      {policies.error && <ErrorNote error={policies.error} />}
      {draft && (
        <form className="stack" onSubmit={submit} aria-label="Workspace policies">
          <div className="form-grid">
            <div className="field">
              <label htmlFor="p-reminders">Reminder days <span className="hint">before a dispute deadline, e.g. 7, 3, 1</span></label>
              <input id="p-reminders" required pattern="\s*\d+(\s*[,\s]\s*\d+)*\s*" value={draft.reminderDays} onChange={set('reminderDays')} />
            </div>
            <div className="field"><label htmlFor="p-first">First reply within (hours)</label><input id="p-first" type="number" min={1} max={720} step="any" required value={draft.firstReplyHours} onChange={set('firstReplyHours')} /></div>
            <div className="field"><label htmlFor="p-resolve">Resolve within (days)</label><input id="p-resolve" type="number" min={1} max={120} step="any" required value={draft.resolutionDays} onChange={set('resolutionDays')} /></div>
            <div className="field"><label htmlFor="p-dnr">Wait on “delivered, not received” (days)</label><input id="p-dnr" type="number" min={0} max={30} step="any" required value={draft.dnrWaitDays} onChange={set('dnrWaitDays')} /></div>
            <div className="field"><label htmlFor="p-limit">Agents approve up to ({currency}) <span className="hint">above it an admin approves</span></label><input id="p-limit" inputMode="decimal" required value={draft.approvalLimit} onChange={set('approvalLimit')} /></div>
            <div className="field"><label htmlFor="p-ratio">Warn at dispute ratio (%) <span className="hint">per buyer account</span></label><input id="p-ratio" type="number" min={0} max={100} step="0.1" required value={draft.ratioWarning} onChange={set('ratioWarning')} /></div>
          </div>
          {invalid && <div className="notice error" role="alert">{invalid}</div>}
          <ErrorNote error={save.error} />
          {saved && <div className="notice ok" role="status">Policies saved. Reminder days are now {policies.data?.reminderDays?.join(', ') ?? draft.reminderDays}.</div>}
          <div className="actions"><button type="submit" className="primary" disabled={save.isPending}>Save policies</button></div>
        </form>
      )}
    </Card>
  );
}
