import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { get, post, request } from '../api/client.ts';
import { ErrorNote, Loading } from '../components/ui.tsx';
import { date, dateTime, prettySummary } from '../lib/format.ts';
import { reasonLabel } from '../lib/labels.ts';
import { Link } from '../lib/router.tsx';
import { TrackFrame } from './TrackApp.tsx';
import { CASE_STATUS_TEXT, type PublicCaseView } from './types.ts';

/** The customer follows their case: status, what happened (customer-visible only), messages, reply, photos. */
export function CasePage({ token }: { token: string }) {
  const client = useQueryClient();
  const key = ['track-case', token];
  const view = useQuery({ queryKey: key, queryFn: () => get<PublicCaseView>(`/api/public/cases/${encodeURIComponent(token)}`) });
  const [reply, setReply] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const send = async (work: () => Promise<PublicCaseView>, after?: () => void) => {
    setBusy(true);
    setError(null);
    try {
      client.setQueryData(key, await work());
      after?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const submitReply = (event: FormEvent) => {
    event.preventDefault();
    void send(() => post<PublicCaseView>(`/api/public/cases/${encodeURIComponent(token)}/messages`, { body: reply }), () => setReply(''));
  };
  const upload = (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    void send(() => request<PublicCaseView>('POST', `/api/public/cases/${encodeURIComponent(token)}/evidence`, form), () => {
      if (fileInput.current) fileInput.current.value = '';
    });
  };

  if (view.isPending) return <TrackFrame shop={null}><Loading what="Opening your report" /></TrackFrame>;
  if (view.error) return <TrackFrame shop={null}><ErrorNote error={view.error} /><p style={{ marginTop: 12 }}><Link to="/track">Look up your order</Link></p></TrackFrame>;
  const v = view.data;
  const c = v.case;

  return (
    <TrackFrame shop={v.shop}>
      <div className="stack">
        <p className="small"><Link to={`/track/orders/${encodeURIComponent(v.accessToken)}`}>← Order {v.orderNumber}</Link></p>
        <div>
          <h1>{reasonLabel(c.reason)} · report #{c.number}</h1>
          <p className="muted">Sent {date(c.openedAt)}</p>
        </div>
        <div className={`notice ${c.closedAt || c.status === 'resolved' ? 'ok' : c.status === 'waiting_on_you' ? 'warn' : 'info'}`} data-testid="case-status" role="status">
          {c.closedAt ? 'This report is closed.' : CASE_STATUS_TEXT[c.status]}
        </div>

        <section className="card card-body">
          <h2>Your report</h2>
          <p style={{ whiteSpace: 'pre-wrap', marginTop: 6 }}>{c.description}</p>
          <ul className="small muted" style={{ paddingLeft: 18, margin: '8px 0 0' }}>
            {c.lines.map((l, i) => <li key={i}>{l.quantity} × {l.title}</li>)}
          </ul>
        </section>

        <section className="card card-body" aria-label="Photos">
          <h2>Photos</h2>
          {/* Photos: sent to the lead's evidence module (cleaned of metadata, stored once by content). */}
          <div className="photo-spot" style={{ marginTop: 8 }}>
            <p className="small">
              {c.photos} photo{c.photos === 1 ? '' : 's'} sent.{' '}
              {c.photosWanted.missingPhotos > 0 ? <strong>Please add {c.photosWanted.missingPhotos} more: {c.photosWanted.note}</strong> : c.photosWanted.note}
            </p>
            {c.canReply && (
              <form className="row" style={{ marginTop: 8 }} onSubmit={upload}>
                <label htmlFor="photo-file" className="sr-only">Photo</label>
                <input id="photo-file" ref={fileInput} type="file" accept="image/*,application/pdf" />
                <button type="submit" disabled={busy}>Upload photo</button>
              </form>
            )}
          </div>
        </section>

        <section className="card card-body">
          <h2>What happened</h2>
          <ol className="timeline" style={{ marginTop: 8 }} aria-label="Case history">
            {v.activity.map((a, i) => (
              <li key={i}>
                <span className={`dot ${a.type === 'message' && a.from === 'you' ? 'customer' : ''}`} aria-hidden="true" />
                <div>
                  {a.type === 'event' ? <div>{prettySummary(a.summary)}</div> : (
                    <>
                      <div className="meta">{a.from === 'you' ? 'You wrote' : `${v.shop.name} wrote`}</div>
                      <div className={`bubble ${a.from === 'you' ? 'mine' : ''}`}>{a.body}</div>
                    </>
                  )}
                  <div className="meta">{dateTime(a.at)}</div>
                </div>
              </li>
            ))}
          </ol>
          {c.canReply && (
            <form className="stack" style={{ marginTop: 12 }} onSubmit={submitReply}>
              <div className="field">
                <label htmlFor="customer-reply">Write to {v.shop.name}</label>
                <textarea id="customer-reply" required maxLength={5000} value={reply} onChange={(e) => setReply(e.target.value)} />
              </div>
              <div className="actions"><button type="submit" className="primary" disabled={busy}>Send</button></div>
            </form>
          )}
          <div style={{ marginTop: 8 }}><ErrorNote error={error} /></div>
        </section>
      </div>
    </TrackFrame>
  );
}
