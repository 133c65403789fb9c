import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { post } from '../api/client.ts';
import { ErrorNote } from '../components/ui.tsx';
import { meKey } from './session.ts';

export function SignIn() {
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await post('/api/v1/auth/sign-in', { email, password });
      await client.invalidateQueries();
      await client.refetchQueries({ queryKey: meKey });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="center-page">
      <div className="auth-card">
        <div className="row" style={{ marginBottom: 20, justifyContent: 'center' }}>
          <span className="brand-mark" aria-hidden="true">R</span>
          <strong style={{ fontSize: 18 }}>Recoup</strong>
        </div>
        <form className="card card-body stack" onSubmit={submit} aria-label="Sign in">
          <h1>Sign in</h1>
          <p className="muted">Your operations desk: orders, parcels, cases and disputes.</p>
          <ErrorNote error={error} />
          <div className="field">
            <label htmlFor="email">Email</label>
            <input id="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
          <button className="primary" type="submit" disabled={busy} style={{ width: '100%' }}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className="muted small" style={{ textAlign: 'center', marginTop: 12 }}>
          No account yet? Run <code>npx recoup user create</code> on the server.
        </p>
      </div>
    </main>
  );
}
