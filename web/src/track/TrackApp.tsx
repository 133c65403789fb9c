import type { CSSProperties, ReactNode } from 'react';
import { match, usePath } from '../lib/router.tsx';
import { CasePage } from './CasePage.tsx';
import { LookupPage } from './LookupPage.tsx';
import { OrderPage } from './OrderPage.tsx';
import type { PublicShop } from './types.ts';

/** The customer's pages: no account, the shop's colours, works on a phone. */
export function TrackApp() {
  const path = usePath();
  let params: Record<string, string> | null;
  if ((params = match('/track/orders/:token', path))) return <OrderPage token={params.token!} />;
  if ((params = match('/track/cases/:token', path))) return <CasePage token={params.token!} />;
  return <LookupPage />;
}

export function TrackFrame({ shop, children }: { shop: PublicShop | null; children: ReactNode }) {
  const style = shop?.color ? ({ '--brand': shop.color } as CSSProperties) : undefined;
  return (
    <div className="track" style={style}>
      <header className="track-head">
        <div className="track-head-inner">
          {shop?.logoUrl ? <img src={shop.logoUrl} alt={shop.name} /> : <span className="brand-mark" style={{ background: 'var(--brand)' }} aria-hidden="true">{(shop?.name ?? 'R').slice(0, 1)}</span>}
          <span className="track-shop">{shop?.name ?? 'Order tracking'}</span>
        </div>
      </header>
      <main className="track-body">{children}</main>
      {shop?.supportEmail && (
        <footer className="track-body muted small" style={{ paddingTop: 0 }}>
          Questions? Write to <a href={`mailto:${shop.supportEmail}`}>{shop.supportEmail}</a>.
        </footer>
      )}
    </div>
  );
}
