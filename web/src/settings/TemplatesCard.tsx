import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { get, put } from '../api/client.ts';
import { Badge, Card, ErrorNote, Loading } from '../components/ui.tsx';
import { useAction } from '../lib/mutation.ts';
import type { Template } from './types.ts';

const BLANK: Template = { key: '', channel: 'customer', name: '', subject: '', body: '', custom: true };

function TemplateForm({ template, variables, isNew, onClose }: { template: Template; variables: string[]; isNew?: boolean; onClose: () => void }) {
  const [key, setKey] = useState(template.key);
  const [name, setName] = useState(template.name);
  const [channel, setChannel] = useState(template.channel);
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const save = useAction(() => put<Template>(`/api/v1/templates/${encodeURIComponent(key)}`, { channel, name, subject, body }), [['templates']], onClose);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  // Puts {{variable}} where the cursor is in the body.
  const insert = (variable: string) => {
    const el = bodyRef.current;
    const text = `{{${variable}}}`;
    const at = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? at;
    setBody(body.slice(0, at) + text + body.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + text.length, at + text.length);
    });
  };

  return (
    <form className="card-body stack template-edit" onSubmit={submit} aria-label={isNew ? 'New template' : `Edit template ${template.key}`} style={{ borderTop: '1px solid var(--border)' }}>
      {isNew ? <h3>New template</h3> : <h3>Edit <span className="mono">{template.key}</span></h3>}
      <div className="form-grid">
        {isNew && <div className="field"><label htmlFor="tpl-key">Key <span className="hint">lower case, digits, _</span></label><input id="tpl-key" required pattern="[a-z][a-z0-9_]{2,60}" value={key} onChange={(e) => setKey(e.target.value)} /></div>}
        <div className="field"><label htmlFor="tpl-name">Template name</label><input id="tpl-name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} /></div>
        <div className="field">
          <label htmlFor="tpl-channel">Sent to</label>
          <select id="tpl-channel" value={channel} onChange={(e) => setChannel(e.target.value as Template['channel'])}><option value="customer">customer</option><option value="supplier">supplier</option></select>
        </div>
      </div>
      <div className="field"><label htmlFor="tpl-subject">Subject</label><input id="tpl-subject" maxLength={300} value={subject} onChange={(e) => setSubject(e.target.value)} /></div>
      <div className="field"><label htmlFor="tpl-body">Body</label><textarea id="tpl-body" ref={bodyRef} required maxLength={20000} value={body} onChange={(e) => setBody(e.target.value)} /></div>
      <div>
        <p className="small muted" id="tpl-vars-help" style={{ marginBottom: 6 }}>Variables: click one to insert it at the cursor. Anything else in <code>{'{{ }}'}</code> is refused.</p>
        <ul className="variables" aria-describedby="tpl-vars-help" aria-label="Template variables">
          {variables.map((v) => <li key={v}><button type="button" className="link" onClick={() => insert(v)} aria-label={`Insert ${v}`}><code>{`{{${v}}}`}</code></button></li>)}
        </ul>
      </div>
      <ErrorNote error={save.error} />
      <div className="actions"><button type="submit" className="primary" disabled={save.isPending}>Save template</button><button type="button" onClick={onClose}>Cancel</button></div>
    </form>
  );
}

export function TemplatesCard() {
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => get<{ items: Template[]; variables: string[] }>('/api/v1/templates') });
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const current = templates.data?.items.find((t) => t.key === editing);
  const edit = (key: string | null) => {
    setAdding(false);
    setEditing(key);
  };
  return (
    <Card title="Message templates" actions={!adding && <button type="button" className="small primary" onClick={() => { setEditing(null); setAdding(true); }}>New template</button>} flush>
      {templates.isPending && <Loading />}
      {templates.error && <div className="card-body"><ErrorNote error={templates.error} /></div>}
      {templates.data && (
        <div className="table-wrap">
          <table>
            <thead><tr><th>Template</th><th>Sent to</th><th>Subject</th><th>Source</th><th><span className="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {templates.data.items.map((t) => (
                <tr key={t.key} className={t.key === editing ? 'selected' : undefined}>
                  <td><strong>{t.name}</strong><div className="mono muted">{t.key}</div></td>
                  <td>{t.channel}</td>
                  <td>{t.subject || <span className="muted">—</span>}</td>
                  <td>{t.custom ? <Badge tone="accent">yours</Badge> : <Badge>default</Badge>}</td>
                  <td><button type="button" className="small" onClick={() => edit(t.key)} aria-label={`Edit ${t.name}`}>Edit</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {current && templates.data && <TemplateForm key={current.key} template={current} variables={templates.data.variables} onClose={() => edit(null)} />}
      {adding && templates.data && <TemplateForm key="new" template={BLANK} variables={templates.data.variables} isNew onClose={() => setAdding(false)} />}
    </Card>
  );
}
