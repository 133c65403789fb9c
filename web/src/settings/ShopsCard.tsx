import { useState, type FormEvent } from 'react';
import { post } from '../api/client.ts';
import { Badge, Card, Empty, ErrorNote } from '../components/ui.tsx';
import { date } from '../lib/format.ts';
import { useAction } from '../lib/mutation.ts';
import { useShops } from '../orders/OrdersPage.tsx';

type Platform = 'manual' | 'shopify' | 'woocommerce';

export function ShopsCard() {
  const shops = useShops();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [platform, setPlatform] = useState<Platform>('manual');
  const [currency, setCurrency] = useState('USD');
  const [domain, setDomain] = useState('');
  const [color, setColor] = useState('#4f46e5');
  const [logoUrl, setLogoUrl] = useState('');
  const [supportEmail, setSupportEmail] = useState('');
  const [secret1, setSecret1] = useState('');
  const [secret2, setSecret2] = useState('');
  const [secret3, setSecret3] = useState('');
  // Manual shops are created; Shopify and WooCommerce are connected (the credentials are tried first).
  const add = useAction((body: unknown) => post(platform === 'manual' ? '/api/v1/shops' : '/api/v1/shops/connect', body), [['shops']], () => setAdding(false));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (platform === 'manual') {
      add.mutate({ name, platform, currency: currency.toUpperCase(), domain: domain || null, branding: { color, ...(logoUrl ? { logoUrl } : {}), ...(supportEmail ? { supportEmail } : {}) } });
      return;
    }
    const credentials =
      platform === 'shopify'
        ? { shopDomainOrUrl: domain, accessToken: secret1, apiSecret: secret3 }
        : { baseUrl: domain, consumerKey: secret1, consumerSecret: secret2, webhookSecret: secret3 };
    add.mutate({ name, platform, currency: currency.toUpperCase(), credentials });
  };

  return (
    <Card title="Shops" actions={!adding && <button type="button" className="small primary" onClick={() => setAdding(true)}>Add a shop</button>} flush>
      {shops.error && <div className="card-body"><ErrorNote error={shops.error} /></div>}
      {shops.data && shops.data.items.length === 0 && <Empty title="No shops yet">Add your Shopify or WooCommerce store, or a manual shop for CSV imports.</Empty>}
      {shops.data && shops.data.items.length > 0 && (
        <table>
          <thead>
            <tr><th>Shop</th><th>Platform</th><th>Currency</th><th>Domain</th><th>Customer page colour</th><th>Added</th></tr>
          </thead>
          <tbody>
            {shops.data.items.map((s) => (
              <tr key={s.id}>
                <td><strong>{s.name}</strong></td>
                <td>{s.platform} {s.platform !== 'manual' && <Badge tone={s.connected ? 'green' : 'amber'}>{s.connected ? 'connected' : 'not connected'}</Badge>}</td>
                <td>{s.currency}</td>
                <td>{s.domain ?? <span className="muted">—</span>}</td>
                <td>{s.branding.color ? <span className="row"><span aria-hidden="true" style={{ width: 14, height: 14, borderRadius: 4, background: s.branding.color, display: 'inline-block' }} /> <span className="mono">{s.branding.color}</span></span> : <span className="muted">default</span>}</td>
                <td className="nowrap">{date(s.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && (
        <form className="card-body stack" onSubmit={submit} aria-label="Add a shop" style={{ borderTop: '1px solid var(--border)' }}>
          <div className="form-grid">
            <div className="field"><label htmlFor="shop-name">Name</label><input id="shop-name" required value={name} onChange={(e) => setName(e.target.value)} /></div>
            <div className="field">
              <label htmlFor="shop-platform">Platform</label>
              <select id="shop-platform" value={platform} onChange={(e) => setPlatform(e.target.value as Platform)}>
                <option value="manual">Manual (CSV or API)</option>
                <option value="shopify">Shopify</option>
                <option value="woocommerce">WooCommerce</option>
              </select>
            </div>
            <div className="field"><label htmlFor="shop-currency">Currency</label><input id="shop-currency" required pattern="[A-Za-z]{3}" maxLength={3} value={currency} onChange={(e) => setCurrency(e.target.value)} /></div>
            <div className="field"><label htmlFor="shop-domain">{platform === 'woocommerce' ? 'Store URL' : 'Domain'}</label><input id="shop-domain" required={platform !== 'manual'} value={domain} onChange={(e) => setDomain(e.target.value)} placeholder={platform === 'shopify' ? 'your-shop.myshopify.com' : 'https://shop.example.com'} /></div>
            {platform === 'shopify' && <div className="field"><label htmlFor="shop-s1">Admin API access token</label><input id="shop-s1" type="password" required value={secret1} onChange={(e) => setSecret1(e.target.value)} /></div>}
            {platform !== 'manual' && <div className="field"><label htmlFor="shop-s3">{platform === 'shopify' ? 'API secret (signs webhooks)' : 'Webhook secret'}</label><input id="shop-s3" type="password" required value={secret3} onChange={(e) => setSecret3(e.target.value)} /></div>}
            {platform === 'woocommerce' && (
              <>
                <div className="field"><label htmlFor="shop-s1">Consumer key</label><input id="shop-s1" required value={secret1} onChange={(e) => setSecret1(e.target.value)} /></div>
                <div className="field"><label htmlFor="shop-s2">Consumer secret</label><input id="shop-s2" type="password" required value={secret2} onChange={(e) => setSecret2(e.target.value)} /></div>
              </>
            )}
            {platform === 'manual' && <>
            <div className="field"><label htmlFor="shop-color">Brand colour</label><input id="shop-color" type="color" value={color} onChange={(e) => setColor(e.target.value)} style={{ padding: 2, width: 60 }} /></div>
            <div className="field"><label htmlFor="shop-logo">Logo URL</label><input id="shop-logo" type="url" value={logoUrl} onChange={(e) => setLogoUrl(e.target.value)} /></div>
            <div className="field"><label htmlFor="shop-support">Support email</label><input id="shop-support" type="email" value={supportEmail} onChange={(e) => setSupportEmail(e.target.value)} /></div>
            </>}
          </div>
          {platform !== 'manual' && <p className="muted small">Then point the store's webhooks at <span className="mono">/webhooks/{platform}/&lt;shop id&gt;</span> and backfill with <span className="mono">npx recoup import shop &lt;shop id&gt;</span>.</p>}
          <p className="muted small">Credentials are encrypted at rest and never shown again.</p>
          <ErrorNote error={add.error} />
          <div className="actions">
            <button type="submit" className="primary" disabled={add.isPending}>Add shop</button>
            <button type="button" onClick={() => setAdding(false)}>Cancel</button>
          </div>
        </form>
      )}
    </Card>
  );
}
