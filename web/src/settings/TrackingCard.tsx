import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { get, put } from '../api/client.ts';
import { Badge, Card, ErrorNote, Loading } from '../components/ui.tsx';
import { dateTime } from '../lib/format.ts';
import { useAction } from '../lib/mutation.ts';
import { TRACKING_PROVIDERS, type TrackingConnection, type TrackingProvider } from './types.ts';

const NAMES: Record<TrackingProvider, string> = { aftership: 'AfterShip', '17track': '17TRACK' };

function ConnectionForm({ provider, connection, onClose }: { provider: TrackingProvider; connection: TrackingConnection | undefined; onClose: () => void }) {
  const [apiKey, setApiKey] = useState('');
  const [webhookSecret, setWebhookSecret] = useState('');
  const [baseUrl, setBaseUrl] = useState(connection?.baseUrl ?? '');
  const [rps, setRps] = useState(connection?.requestsPerSecond ? String(connection.requestsPerSecond) : '');
  const [enabled, setEnabled] = useState(connection?.enabled ?? true);
  const save = useAction((body: Record<string, unknown>) => put<TrackingConnection>(`/api/v1/tracking/connections/${provider}`, body), [['tracking-connections']], onClose);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      ...(apiKey ? { apiKey } : {}),
      ...(webhookSecret ? { webhookSecret } : {}),
      ...(baseUrl && baseUrl !== connection?.baseUrl ? { baseUrl } : {}),
      requestsPerSecond: rps ? Number(rps) : null,
      enabled,
    });
  };
  const id = `tc-${provider}`;
  return (
    <form className="card-body stack" onSubmit={submit} aria-label={`${NAMES[provider]} connection`} style={{ borderTop: '1px solid var(--border)' }}>
      <div className="form-grid">
        <div className="field"><label htmlFor={`${id}-key`}>API key {connection && <span className="hint">leave empty to keep</span>}</label><input id={`${id}-key`} type="password" autoComplete="off" minLength={4} required={!connection} value={apiKey} onChange={(e) => setApiKey(e.target.value)} /></div>
        <div className="field"><label htmlFor={`${id}-secret`}>Webhook secret {connection?.hasWebhookSecret && <span className="hint">set; leave empty to keep</span>}</label><input id={`${id}-secret`} type="password" autoComplete="off" minLength={4} value={webhookSecret} onChange={(e) => setWebhookSecret(e.target.value)} /></div>
        <div className="field"><label htmlFor={`${id}-url`}>Base URL <span className="hint">optional</span></label><input id={`${id}-url`} type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} /></div>
        <div className="field"><label htmlFor={`${id}-rps`}>Requests per second <span className="hint">optional</span></label><input id={`${id}-rps`} type="number" min={1} max={1000} step={1} value={rps} onChange={(e) => setRps(e.target.value)} /></div>
      </div>
      <label className="row" style={{ fontWeight: 400 }}><input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Use this connection</label>
      <p className="muted small">Keys are encrypted at rest and never shown again.</p>
      <ErrorNote error={save.error} />
      <div className="actions"><button type="submit" className="primary" disabled={save.isPending}>{connection ? 'Save connection' : `Connect ${NAMES[provider]}`}</button><button type="button" onClick={onClose}>Cancel</button></div>
    </form>
  );
}

export function TrackingCard() {
  const connections = useQuery({ queryKey: ['tracking-connections'], queryFn: () => get<{ items: TrackingConnection[] }>('/api/v1/tracking/connections') });
  const [editing, setEditing] = useState<TrackingProvider | null>(null);
  return (
    <Card title="Tracking connections" flush>
      {connections.isPending && <Loading />}
      {connections.error && <div className="card-body"><ErrorNote error={connections.error} /></div>}
      {connections.data && (
        <div className="table-wrap">
        <table>
          <thead><tr><th>Service</th><th>Status</th><th>Webhook URL</th><th>Limit</th><th>Updated</th><th><span className="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {TRACKING_PROVIDERS.map((p) => {
              const c = connections.data.items.find((x) => x.provider === p);
              return (
                <tr key={p}>
                  <td><strong>{NAMES[p]}</strong>{c && <div className="muted small mono">{c.baseUrl}</div>}</td>
                  <td>{!c ? <Badge>not connected</Badge> : c.enabled ? <Badge tone="green">connected</Badge> : <Badge tone="amber">paused</Badge>}</td>
                  <td>{c ? <span className="mono">{location.origin}{c.webhookPath}</span> : <span className="muted">—</span>}{c && !c.hasWebhookSecret && <div className="small muted">no webhook secret: events are not verified</div>}</td>
                  <td className="num">{c?.requestsPerSecond ? `${c.requestsPerSecond}/s` : <span className="muted">default</span>}</td>
                  <td className="nowrap">{c ? dateTime(c.updatedAt) : '—'}</td>
                  <td><button type="button" className="small" onClick={() => setEditing(p)} aria-label={c ? `Change ${NAMES[p]}` : `Connect ${NAMES[p]}`}>{c ? 'Change' : 'Connect'}</button></td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      )}
      {editing && <ConnectionForm key={editing} provider={editing} connection={connections.data?.items.find((c) => c.provider === editing)} onClose={() => setEditing(null)} />}
    </Card>
  );
}
