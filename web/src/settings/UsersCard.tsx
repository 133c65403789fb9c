import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { get, post } from '../api/client.ts';
import { useMe } from '../auth/session.ts';
import { Badge, Card, ErrorNote, Loading } from '../components/ui.tsx';
import { date } from '../lib/format.ts';
import { useAction } from '../lib/mutation.ts';
import { useShops } from '../orders/OrdersPage.tsx';
import { patch, ROLES, type Role, type StaffUser } from './types.ts';

const ROLE_NOTES: Record<Role, string> = {
  owner: 'everything, including other owners',
  admin: 'settings, users, tokens and rules',
  agent: 'works cases; approves up to the limit',
  viewer: 'reads only',
};

function UserRow({ user, isMe }: { user: StaffUser; isMe: boolean }) {
  const shops = useShops();
  const update = useAction((body: Partial<Pick<StaffUser, 'role' | 'shopIds' | 'disabled'>>) => patch<StaffUser>(`/api/v1/users/${user.id}`, body), [['users']]);
  const allShops = user.shopIds === null;
  const toggleShop = (id: string, on: boolean) => {
    const current = user.shopIds ?? [];
    update.mutate({ shopIds: on ? [...current, id] : current.filter((s) => s !== id) });
  };
  return (
    <tr>
      <td>
        <strong>{user.name}</strong> {isMe && <Badge tone="accent">you</Badge>}
        <div className="muted small">{user.email}</div>
        {update.error ? <div style={{ marginTop: 6 }}><ErrorNote error={update.error} /></div> : null}
      </td>
      <td>
        <label className="sr-only" htmlFor={`role-${user.id}`}>Role of {user.email}</label>
        <select id={`role-${user.id}`} value={user.role} disabled={update.isPending} onChange={(e) => update.mutate({ role: e.target.value as Role })}>
          {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </td>
      <td>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="sr-only">Shops {user.email} sees</legend>
          <label className="row" style={{ fontWeight: 400 }}>
            <input type="checkbox" checked={allShops} disabled={update.isPending} onChange={(e) => update.mutate({ shopIds: e.target.checked ? null : (shops.data?.items.map((s) => s.id) ?? []) })} /> All shops
          </label>
          {!allShops && shops.data?.items.map((s) => (
            <label key={s.id} className="row" style={{ fontWeight: 400 }}>
              <input type="checkbox" checked={user.shopIds?.includes(s.id) ?? false} disabled={update.isPending} onChange={(e) => toggleShop(s.id, e.target.checked)} /> {s.name}
            </label>
          ))}
        </fieldset>
      </td>
      <td className="nowrap">{date(user.createdAt)}</td>
      <td>
        {user.disabled ? <Badge tone="red">disabled</Badge> : <Badge tone="green">active</Badge>}
        <div>
          <button type="button" className={`link small${user.disabled ? '' : ' danger'}`} disabled={update.isPending || isMe} onClick={() => update.mutate({ disabled: !user.disabled })}>
            {user.disabled ? 'Enable' : 'Disable'}
          </button>
        </div>
      </td>
    </tr>
  );
}

export function UsersCard() {
  const me = useMe();
  const users = useQuery({ queryKey: ['users'], queryFn: () => get<{ items: StaffUser[] }>('/api/v1/users') });
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState({ name: '', email: '', role: 'agent' as Role, password: '' });
  const invite = useAction((body: typeof form) => post('/api/v1/users', body), [['users']], () => {
    setAdding(false);
    setForm({ name: '', email: '', role: 'agent', password: '' });
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(form);
  };

  return (
    <Card title="Users & roles" actions={!adding && <button type="button" className="small primary" onClick={() => setAdding(true)}>Invite a user</button>} flush>
      <div className="card-body muted small" style={{ paddingBottom: 0 }}>
        {ROLES.map((r) => <span key={r} style={{ marginRight: 16 }}><strong>{r}</strong>: {ROLE_NOTES[r]}</span>)}
      </div>
      {users.isPending && <Loading />}
      {users.error && <div className="card-body"><ErrorNote error={users.error} /></div>}
      {users.data && (
        <div className="table-wrap" style={{ marginTop: 12 }}>
          <table>
            <thead><tr><th>Person</th><th>Role</th><th>Shops</th><th>Added</th><th>Access</th></tr></thead>
            <tbody>{users.data.items.map((u) => <UserRow key={u.id} user={u} isMe={u.id === me.data?.id} />)}</tbody>
          </table>
        </div>
      )}
      {adding && (
        <form className="card-body stack" onSubmit={submit} aria-label="Invite a user" style={{ borderTop: '1px solid var(--border)' }}>
          <div className="form-grid">
            <div className="field"><label htmlFor="u-name">Name</label><input id="u-name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></div>
            <div className="field"><label htmlFor="u-email">Email</label><input id="u-email" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} /></div>
            <div className="field">
              <label htmlFor="u-role">Role</label>
              <select id="u-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>{ROLES.map((r) => <option key={r} value={r}>{r}</option>)}</select>
            </div>
            <div className="field"><label htmlFor="u-password">First password <span className="hint">10+ characters; they change it later</span></label><input id="u-password" type="password" required minLength={10} autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} /></div>
          </div>
          <ErrorNote error={invite.error} />
          <div className="actions"><button type="submit" className="primary" disabled={invite.isPending}>Invite</button><button type="button" onClick={() => setAdding(false)}>Cancel</button></div>
        </form>
      )}
    </Card>
  );
}
