import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { get, post } from '../api/client.ts';
import { Badge, Card, Empty, ErrorNote, Loading } from '../components/ui.tsx';
import { REASON_KEYS, reasonLabel, RESOLUTION_KINDS } from '../lib/labels.ts';
import { humanize } from '../lib/format.ts';
import { useAction } from '../lib/mutation.ts';
import { Link } from '../lib/router.tsx';
import { ACTION_TYPES, FACT_LABELS, FACTS, NUMERIC_FACTS, OPS, TRIGGERS, type ActionType, type Condition, type Op, type Rule, type RuleAction, type RulePreview, type StaffUser } from './types.ts';

interface ConditionDraft { fact: Condition['fact']; op: Op; value: string }
interface ActionDraft { type: ActionType; message: string; kind: string; percent: string; maxMinor: string; tag: string; userId: string }

const newCondition = (): ConditionDraft => ({ fact: 'reason', op: 'eq', value: 'damaged' });
const newAction = (): ActionDraft => ({ type: 'ask_for_evidence', message: 'Could you send a photo of the item and the parcel label?', kind: 'full_refund', percent: '', maxMinor: '5000', tag: '', userId: '' });

function toValue(c: ConditionDraft): Condition['value'] {
  const one = (s: string) => (NUMERIC_FACTS.includes(c.fact) && s.trim() !== '' && !Number.isNaN(Number(s)) ? Number(s) : s.trim());
  if (c.op === 'in' || c.op === 'contains') return c.value.split(',').map((s) => s.trim()).filter(Boolean).map(one);
  return one(c.value);
}

function toAction(a: ActionDraft): RuleAction {
  switch (a.type) {
    case 'ask_for_evidence': return { type: a.type, message: a.message };
    case 'propose_resolution': return { type: a.type, kind: a.kind, ...(a.percent ? { percent: Number(a.percent) } : {}) };
    case 'auto_approve': return { type: a.type, maxMinor: Number(a.maxMinor) };
    case 'tag': return { type: a.type, tag: a.tag };
    case 'assign': return { type: a.type, userId: a.userId };
    default: return { type: a.type };
  }
}

const showValue = (v: Condition['value']) => (Array.isArray(v) ? v.join(', ') : String(v));
function describeAction(a: RuleAction): string {
  const extra = a.type === 'ask_for_evidence' ? `“${String(a.message)}”` : a.type === 'propose_resolution' ? `${humanize(String(a.kind))}${a.percent !== undefined ? ` ${String(a.percent)}%` : ''}` : a.type === 'auto_approve' ? `up to ${String(a.maxMinor)} minor units` : a.type === 'tag' ? `“${String(a.tag)}”` : '';
  return `${ACTION_TYPES[a.type] ?? a.type}${extra ? ': ' + extra : ''}`;
}

function RuleRow({ rule }: { rule: Rule }) {
  const toggle = useAction(() => post(`/api/v1/rules/${rule.id}/${rule.enabled ? 'disable' : 'enable'}`), [['rules']]);
  return (
    <tr>
      <td><strong>{rule.name}</strong>{toggle.error ? <div style={{ marginTop: 6 }}><ErrorNote error={toggle.error} /></div> : null}</td>
      <td className="mono nowrap">{rule.trigger}</td>
      <td className="small">{rule.conditions.length ? rule.conditions.map((c, i) => <div key={i}>{FACT_LABELS[c.fact] ?? c.fact} {OPS[c.op] ?? c.op} <strong>{showValue(c.value)}</strong></div>) : <span className="muted">every case</span>}</td>
      <td className="small">{rule.actions.map((a, i) => <div key={i}>{describeAction(a)}</div>)}</td>
      <td className="num">{rule.priority}</td>
      <td>
        {rule.enabled ? <Badge tone="green">enabled</Badge> : <Badge tone="gray">disabled</Badge>}
        <div><button type="button" className="link small" disabled={toggle.isPending} onClick={() => toggle.mutate(undefined)} aria-label={`${rule.enabled ? 'Disable' : 'Enable'} rule ${rule.name}`}>{rule.enabled ? 'Disable' : 'Enable'}</button></div>
      </td>
    </tr>
  );
}

function ConditionRow({ index, value, onChange, onRemove }: { index: number; value: ConditionDraft; onChange: (c: ConditionDraft) => void; onRemove: () => void }) {
  const id = `rc-${index}`;
  const list = value.op === 'in' || value.op === 'contains';
  return (
    <div className="rule-row" role="group" aria-label={`Condition ${index + 1}`}>
      <div className="field">
        <label htmlFor={`${id}-fact`}>Fact</label>
        <select id={`${id}-fact`} value={value.fact} onChange={(e) => onChange({ ...value, fact: e.target.value as Condition['fact'], value: '' })}>
          {FACTS.map((f) => <option key={f} value={f}>{FACT_LABELS[f]}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-op`}>Operator</label>
        <select id={`${id}-op`} value={value.op} onChange={(e) => onChange({ ...value, op: e.target.value as Op })}>
          {(Object.keys(OPS) as Op[]).map((o) => <option key={o} value={o}>{OPS[o]}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-value`}>Value {list && <span className="hint">comma-separated</span>}</label>
        {value.fact === 'reason' && !list ? (
          <select id={`${id}-value`} value={value.value} onChange={(e) => onChange({ ...value, value: e.target.value })}>
            <option value="">Choose…</option>
            {REASON_KEYS.map((r) => <option key={r} value={r}>{reasonLabel(r)}</option>)}
          </select>
        ) : (
          <input id={`${id}-value`} required type={NUMERIC_FACTS.includes(value.fact) && !list ? 'number' : 'text'} step="any" value={value.value} onChange={(e) => onChange({ ...value, value: e.target.value })} />
        )}
      </div>
      <div><button type="button" className="small" onClick={onRemove} aria-label={`Remove condition ${index + 1}`}>Remove</button></div>
    </div>
  );
}

function ActionRow({ index, value, users, onChange, onRemove }: { index: number; value: ActionDraft; users: StaffUser[]; onChange: (a: ActionDraft) => void; onRemove?: () => void }) {
  const id = `ra-${index}`;
  const set = (k: keyof ActionDraft) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  return (
    <div className="rule-row" role="group" aria-label={`Action ${index + 1}`}>
      <div className="field">
        <label htmlFor={`${id}-type`}>Action</label>
        <select id={`${id}-type`} value={value.type} onChange={set('type')}>
          {(Object.keys(ACTION_TYPES) as ActionType[]).map((t) => <option key={t} value={t}>{ACTION_TYPES[t]}</option>)}
        </select>
      </div>
      {value.type === 'ask_for_evidence' && <div className="field" style={{ gridColumn: 'span 2' }}><label htmlFor={`${id}-message`}>Message to the customer</label><input id={`${id}-message`} required value={value.message} onChange={set('message')} /></div>}
      {value.type === 'propose_resolution' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-kind`}>Resolution</label>
            <select id={`${id}-kind`} value={value.kind} onChange={set('kind')}>
              {(['full_refund', 'partial_refund', 'store_credit', 'discount'] as const).map((k) => <option key={k} value={k}>{RESOLUTION_KINDS[k]}</option>)}
            </select>
          </div>
          <div className="field"><label htmlFor={`${id}-percent`}>Percent <span className="hint">optional</span></label><input id={`${id}-percent`} type="number" min={0} max={100} value={value.percent} onChange={set('percent')} /></div>
        </>
      )}
      {value.type === 'auto_approve' && <div className="field"><label htmlFor={`${id}-max`}>Up to (minor units)</label><input id={`${id}-max`} type="number" min={0} step={1} required value={value.maxMinor} onChange={set('maxMinor')} /></div>}
      {value.type === 'tag' && <div className="field"><label htmlFor={`${id}-tag`}>Tag</label><input id={`${id}-tag`} required maxLength={40} value={value.tag} onChange={set('tag')} /></div>}
      {value.type === 'assign' && (
        <div className="field">
          <label htmlFor={`${id}-user`}>Assign to</label>
          <select id={`${id}-user`} required value={value.userId} onChange={set('userId')}>
            <option value="">Choose…</option>
            {users.filter((u) => !u.disabled).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </div>
      )}
      <div>{onRemove && <button type="button" className="small" onClick={onRemove} aria-label={`Remove action ${index + 1}`}>Remove</button>}</div>
    </div>
  );
}

function RuleForm({ onClose }: { onClose: () => void }) {
  const users = useQuery({ queryKey: ['users'], queryFn: () => get<{ items: StaffUser[] }>('/api/v1/users') });
  const [name, setName] = useState('');
  const [trigger, setTrigger] = useState<Rule['trigger']>('case.opened');
  const [priority, setPriority] = useState('100');
  const [conditions, setConditions] = useState<ConditionDraft[]>([newCondition()]);
  const [actions, setActions] = useState<ActionDraft[]>([newAction()]);
  const body = () => ({ name: name.trim() || 'Untitled rule', trigger, priority: Number(priority), conditions: conditions.map((c) => ({ fact: c.fact, op: c.op, value: toValue(c) })), actions: actions.map(toAction) });
  const save = useAction(() => post('/api/v1/rules', body()), [['rules']], onClose);
  const preview = useAction(() => post<RulePreview>('/api/v1/rules/preview', body()), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  const runPreview = (event: { currentTarget: HTMLButtonElement }) => {
    if (event.currentTarget.form?.reportValidity() === false) return;
    preview.mutate(undefined);
  };

  return (
    <form className="card-body stack" onSubmit={submit} aria-label="Add a rule" style={{ borderTop: '1px solid var(--border)' }}>
      <div className="form-grid">
        <div className="field"><label htmlFor="rule-name">Rule name</label><input id="rule-name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} /></div>
        <div className="field">
          <label htmlFor="rule-trigger">When</label>
          <select id="rule-trigger" value={trigger} onChange={(e) => setTrigger(e.target.value as Rule['trigger'])}>{TRIGGERS.map((t) => <option key={t} value={t}>{t}</option>)}</select>
        </div>
        <div className="field"><label htmlFor="rule-priority">Priority <span className="hint">lower runs first</span></label><input id="rule-priority" type="number" min={0} max={10000} required value={priority} onChange={(e) => setPriority(e.target.value)} /></div>
      </div>
      <h3>If every condition holds</h3>
      {conditions.map((c, i) => <ConditionRow key={i} index={i} value={c} onChange={(next) => setConditions(conditions.map((x, j) => (j === i ? next : x)))} onRemove={() => setConditions(conditions.filter((_, j) => j !== i))} />)}
      {conditions.length === 0 && <p className="muted small">No conditions: the rule applies to every case of the trigger.</p>}
      <div><button type="button" className="small" onClick={() => setConditions([...conditions, newCondition()])}>Add a condition</button></div>
      <h3>Then</h3>
      {actions.map((a, i) => <ActionRow key={i} index={i} value={a} users={users.data?.items ?? []} onChange={(next) => setActions(actions.map((x, j) => (j === i ? next : x)))} onRemove={actions.length > 1 ? () => setActions(actions.filter((_, j) => j !== i)) : undefined} />)}
      <div><button type="button" className="small" onClick={() => setActions([...actions, newAction()])} disabled={actions.length >= 10}>Add an action</button></div>
      <ErrorNote error={save.error ?? preview.error} />
      {preview.data && (
        <div className="notice info" data-testid="rule-preview" role="status">
          <p><strong>Dry run:</strong> checked the latest {preview.data.checked} open cases; the rule would act on <strong>{preview.data.matches.length}</strong>. Nothing was changed.</p>
          {preview.data.matches.length > 0 && (
            <ul style={{ margin: '8px 0 0', paddingLeft: 18 }}>
              {preview.data.matches.slice(0, 10).map((m) => (
                <li key={m.caseId}><Link to={`/cases/${m.caseId}`}>Case #{m.caseNumber}</Link> {m.because}; would {m.wouldDo.map((w) => humanize(w).toLowerCase()).join(', ')}</li>
              ))}
              {preview.data.matches.length > 10 && <li>and {preview.data.matches.length - 10} more</li>}
            </ul>
          )}
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>Save rule</button>
        <button type="button" onClick={runPreview} disabled={preview.isPending}>{preview.isPending ? 'Checking…' : 'Preview'}</button>
        <button type="button" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}

export function RulesCard() {
  const rules = useQuery({ queryKey: ['rules'], queryFn: () => get<{ items: Rule[] }>('/api/v1/rules') });
  const [adding, setAdding] = useState(false);
  return (
    <Card title="Rules" actions={!adding && <button type="button" className="small primary" onClick={() => setAdding(true)}>Add a rule</button>} flush>
      {rules.isPending && <Loading />}
      {rules.error && <div className="card-body"><ErrorNote error={rules.error} /></div>}
      {rules.data && rules.data.items.length === 0 && !adding && <Empty title="No rules yet">Rules ask for photos, propose refunds or draft disputes on their own, and explain why on the case.</Empty>}
      {rules.data && rules.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead><tr><th>Rule</th><th>When</th><th>If</th><th>Then</th><th className="num">Priority</th><th>Status</th></tr></thead>
            <tbody>{rules.data.items.map((r) => <RuleRow key={r.id} rule={r} />)}</tbody>
          </table>
        </div>
      )}
      {adding && <RuleForm onClose={() => setAdding(false)} />}
    </Card>
  );
}
