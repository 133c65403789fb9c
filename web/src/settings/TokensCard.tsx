import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { get, post } from '../api/client.ts';
import { Badge, Card, Empty, ErrorNote, Loading } from '../components/ui.tsx';
import { date, dateTime } from '../lib/format.ts';
import { useAction } from '../lib/mutation.ts';
import { del, type ApiToken, type Role } from './types.ts';

type TokenRole = Exclude<Role, 'owner'>;

export function TokensCard() {
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => get<{ items: ApiToken[] }>('/api/v1/tokens') });
  const [name, setName] = useState('');
  const [role, setRole] = useState<TokenRole>('agent');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const create = useAction((body: { name: string; role: TokenRole }) => post<{ id: string; token: string }>('/api/v1/tokens', body), [['tokens']], (result) => {
    setCreated({ name, token: result.token });
    setCopied(false);
    setName('');
  });
  const revoke = useAction((id: string) => del(`/api/v1/tokens/${id}`), [['tokens']]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), role });
  };
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <Card title="API tokens" flush>
      <form className="card-body stack" onSubmit={submit} aria-label="Create an API token">
        <div className="row" style={{ alignItems: 'flex-end' }}>
          <div className="field"><label htmlFor="t-name">Token name</label><input id="t-name" required maxLength={100} placeholder="zapier" value={name} onChange={(e) => setName(e.target.value)} /></div>
          <div className="field">
            <label htmlFor="t-role">Token role</label>
            <select id="t-role" value={role} onChange={(e) => setRole(e.target.value as TokenRole)}>
              <option value="admin">admin</option><option value="agent">agent</option><option value="viewer">viewer</option>
            </select>
          </div>
          <button type="submit" className="primary" disabled={create.isPending}>Create token</button>
        </div>
        <ErrorNote error={create.error} />
        {created && (
          <div className="notice ok stack" data-testid="new-token">
            <p><strong>Token “{created.name}” created.</strong> Copy it now: it is shown only this once and Recoup keeps only its hash.</p>
            <div className="token-once">
              <label className="sr-only" htmlFor="t-secret">New token</label>
              <input id="t-secret" readOnly value={created.token} onFocus={(e) => e.target.select()} />
              <button type="button" onClick={() => void copy()}>{copied ? 'Copied' : 'Copy'}</button>
              <button type="button" onClick={() => setCreated(null)}>Done</button>
            </div>
            <p className="small">Send it as <code>Authorization: Bearer …</code>.</p>
          </div>
        )}
      </form>
      {tokens.isPending && <Loading />}
      {tokens.error && <div className="card-body"><ErrorNote error={tokens.error} /></div>}
      {revoke.error ? <div className="card-body"><ErrorNote error={revoke.error} /></div> : null}
      {tokens.data && tokens.data.items.length === 0 && <Empty title="No API tokens yet">Create one for a script, Zapier or your own tools.</Empty>}
      {tokens.data && tokens.data.items.length > 0 && (
        <div className="table-wrap">
        <table>
          <thead><tr><th>Name</th><th>Role</th><th>Created</th><th>Last used</th><th>Status</th><th><span className="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {tokens.data.items.map((t) => (
              <tr key={t.id}>
                <td><strong>{t.name}</strong></td>
                <td>{t.role}</td>
                <td className="nowrap">{date(t.createdAt)}</td>
                <td className="nowrap">{t.lastUsedAt ? dateTime(t.lastUsedAt) : <span className="muted">never</span>}</td>
                <td>{t.revoked ? <Badge tone="gray">revoked</Badge> : <Badge tone="green">active</Badge>}</td>
                <td>{!t.revoked && <button type="button" className="small danger" disabled={revoke.isPending} onClick={() => { if (confirm(`Revoke the token “${t.name}”? Anything using it stops working.`)) revoke.mutate(t.id); }}>Revoke</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </Card>
  );
}
