import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { get, post } from '../api/client.ts';
import { ErrorNote } from '../components/ui.tsx';
import { useAction } from '../lib/mutation.ts';

interface Bulk {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'finished';
  total: number;
  done: number;
  failed: number;
  results: { id: string; ok: boolean; result?: string; error?: { code: string; message: string } }[];
}

interface Template {
  key: string;
  channel: 'customer' | 'supplier';
  name: string;
}

/** Bulk actions on the selected cases; the work runs as a job and reports each item. */
export function BulkBar({ ids, onClear }: { ids: string[]; onClear: () => void }) {
  const client = useQueryClient();
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => get<{ items: Template[] }>('/api/v1/templates'), staleTime: 300_000 });
  const supplierTemplates = templates.data?.items.filter((t) => t.channel === 'supplier') ?? [];
  const [templateKey, setTemplateKey] = useState('');
  const [bulkId, setBulkId] = useState<string | null>(null);
  const start = useAction((body: { kind: string; ids: string[]; templateKey?: string }) => post<Bulk>('/api/v1/bulk', body), [], (bulk) => setBulkId(bulk.id));
  const progress = useQuery({
    queryKey: ['bulk', bulkId],
    queryFn: () => get<Bulk>(`/api/v1/bulk/${bulkId}`),
    enabled: bulkId !== null,
    refetchInterval: (query) => (query.state.data?.status === 'finished' ? false : 1000),
  });
  const finished = progress.data?.status === 'finished';
  useEffect(() => {
    if (finished) void client.invalidateQueries({ queryKey: ['case-rows'] });
  }, [finished, client]);

  const key = templateKey || supplierTemplates[0]?.key || '';
  return (
    <div className="filters" style={{ background: 'var(--accent-soft)' }} aria-label="Bulk actions">
      <strong>{ids.length} selected</strong>
      <div className="field">
        <label htmlFor="bulk-template" className="sr-only">Supplier template</label>
        <select id="bulk-template" value={key} onChange={(e) => setTemplateKey(e.target.value)}>
          {supplierTemplates.map((t) => <option key={t.key} value={t.key}>{t.name}</option>)}
        </select>
      </div>
      <button type="button" disabled={!key || start.isPending} onClick={() => start.mutate({ kind: 'message_suppliers', ids, templateKey: key })}>Message suppliers</button>
      <button type="button" disabled={start.isPending} onClick={() => start.mutate({ kind: 'prepare_disputes', ids })}>Prepare disputes</button>
      <button type="button" disabled={start.isPending} onClick={() => start.mutate({ kind: 'export_cases', ids })}>Export CSV</button>
      <button type="button" className="link" onClick={onClear}>Clear selection</button>
      {progress.data && (
        <span role="status" className="small">
          {finished ? 'Done' : 'Working'}: {progress.data.done} of {progress.data.total}
          {progress.data.failed > 0 && <span style={{ color: 'var(--red)' }}> · {progress.data.failed} failed</span>}
          {finished && progress.data.kind === 'export_cases' && <> · <a href={`/api/v1/bulk/${progress.data.id}/export.csv`}>Download CSV</a></>}
        </span>
      )}
      {finished && progress.data && progress.data.results.filter((r) => !r.ok).length > 0 && (
        <ul className="small" style={{ width: '100%', margin: 0, color: 'var(--red)' }}>
          {progress.data?.results.filter((r) => !r.ok).slice(0, 5).map((r) => <li key={r.id}>{r.error?.message ?? 'failed'}</li>)}
        </ul>
      )}
      <div style={{ width: '100%' }}><ErrorNote error={start.error ?? progress.error} /></div>
    </div>
  );
}
