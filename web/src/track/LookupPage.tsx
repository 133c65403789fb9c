import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { post } from '../api/client.ts';
import { ErrorNote } from '../components/ui.tsx';
import { navigate } from '../lib/router.tsx';
import { TrackFrame } from './TrackApp.tsx';
import type { PublicOrderView } from './types.ts';

export function LookupPage() {
  const client = useQueryClient();
  const [orderNumber, setOrderNumber] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const view = await post<PublicOrderView & { accessToken: string }>('/api/public/track/lookup', { orderNumber, email });
      client.setQueryData(['track-order', view.accessToken], view);
      navigate(`/track/orders/${encodeURIComponent(view.accessToken)}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <TrackFrame shop={null}>
      <div className="card card-body" style={{ maxWidth: 440, margin: '24px auto' }}>
        <h1>Track your order</h1>
        <p className="muted" style={{ margin: '4px 0 16px' }}>Enter your order number and the email you ordered with.</p>
        <form className="stack" onSubmit={submit}>
          <div className="field">
            <label htmlFor="track-number">Order number</label>
            <input id="track-number" required autoComplete="off" placeholder="e.g. 1042" value={orderNumber} onChange={(e) => setOrderNumber(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="track-email">Email</label>
            <input id="track-email" type="email" required autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <ErrorNote error={error} />
          <button type="submit" className="primary" disabled={busy}>{busy ? 'Looking…' : 'Find my order'}</button>
        </form>
      </div>
    </TrackFrame>
  );
}
