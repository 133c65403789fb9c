import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../api/client.ts';
import type { OrderDetail } from '../api/types.ts';
import { OpenCaseForm } from '../cases/OpenCaseForm.tsx';
import { Timeline } from '../components/Timeline.tsx';
import { Card, Empty, ErrorNote, Loading, Money, PageHead, Status } from '../components/ui.tsx';
import { SupplierOrderBlock } from '../disputes/DisputeWindow.tsx';
import { date, dateTime } from '../lib/format.ts';
import { RESOLUTION_KINDS, reasonLabel, type ResolutionKind } from '../lib/labels.ts';
import { Link } from '../lib/router.tsx';
import { ParcelCard } from '../parcels/ParcelCard.tsx';
import { useShops } from './OrdersPage.tsx';

export function OrderDetailPage({ id }: { id: string }) {
  const key = ['order', id] as const;
  const order = useQuery({ queryKey: key, queryFn: () => get<OrderDetail>(`/api/v1/orders/${id}`) });
  const shops = useShops();
  const [opening, setOpening] = useState(false);
  if (order.isPending) return <Loading what="Loading the order" />;
  if (order.error) return <ErrorNote error={order.error} />;
  const o = order.data;
  const shop = shops.data?.items.find((s) => s.id === o.shopId);

  return (
    <>
      <PageHead
        crumbs={<><Link to="/orders">Orders</Link> / {o.orderNumber}</>}
        title={<>Order {o.orderNumber}</>}
        subtitle={<>{shop?.name ?? 'Shop'} · placed {dateTime(o.placedAt)}{o.cancelledAt ? ` · cancelled ${date(o.cancelledAt)}` : ''}</>}
      >
        {!opening && <button type="button" className="primary" onClick={() => setOpening(true)}>Open a case</button>}
      </PageHead>

      <div className="split">
        <div className="stack">
          {opening && (
            <Card title="Open a case">
              <OpenCaseForm order={o} onCancel={() => setOpening(false)} />
            </Card>
          )}
          <Card title="Items" flush>
            <table>
              <thead>
                <tr><th>Item</th><th>SKU</th><th className="num">Qty</th><th className="num">Unit price</th><th className="num">Line total</th></tr>
              </thead>
              <tbody>
                {o.lines.map((l) => (
                  <tr key={l.id}>
                    <td>{l.title}</td>
                    <td className="mono muted">{l.sku ?? '—'}</td>
                    <td className="num">{l.quantity}</td>
                    <td className="num"><Money minor={l.unitPriceMinor} currency={o.currency} /></td>
                    <td className="num"><Money minor={l.unitPriceMinor * l.quantity} currency={o.currency} /></td>
                  </tr>
                ))}
                <tr>
                  <td colSpan={4} className="num muted">Shipping</td>
                  <td className="num"><Money minor={o.shippingMinor} currency={o.currency} /></td>
                </tr>
                <tr>
                  <td colSpan={4} className="num"><strong>Total</strong></td>
                  <td className="num"><strong><Money minor={o.totalMinor} currency={o.currency} /></strong></td>
                </tr>
              </tbody>
            </table>
          </Card>

          <Card title="Supplier orders" flush>
            {o.supplierOrders.length === 0 ? <Empty title="No supplier order recorded" /> : o.supplierOrders.map((so) => <SupplierOrderBlock key={so.id} so={so} refresh={[['order', id]]} />)}
          </Card>

          <Card title="Parcels" flush>
            {o.parcels.length === 0 ? <Empty title="No tracking number yet" /> : o.parcels.map((p) => <ParcelCard key={p.id} parcel={p} />)}
          </Card>

          <Card title="Timeline">
            <Timeline entries={o.timeline} />
          </Card>
        </div>

        <div className="stack">
          <Card title="Customer">
            <dl className="kv">
              <dt>Name</dt><dd>{o.customer?.name ?? '—'}</dd>
              <dt>Email</dt><dd>{o.customer?.email ?? '—'}</dd>
              <dt>Ships to</dt><dd>{o.shippingCountry ?? '—'}</dd>
            </dl>
          </Card>
          <Card title="Money">
            <dl className="kv">
              <dt>Paid</dt><dd><Money minor={o.totalMinor} currency={o.currency} /></dd>
              <dt>Refunded</dt><dd><Money minor={o.refundable.refundedMinor} currency={o.currency} /></dd>
              <dt>Can still refund</dt><dd><strong><Money minor={o.refundable.refundableMinor} currency={o.currency} /></strong></dd>
            </dl>
          </Card>
          <Card title={`Cases (${o.cases.length})`} flush>
            {o.cases.length === 0 ? (
              <Empty title="No cases on this order" />
            ) : (
              <table>
                <tbody>
                  {o.cases.map((c) => (
                    <tr key={c.id}>
                      <td><Link to={`/cases/${c.id}`}>Case {c.number}</Link><div className="muted small">{reasonLabel(c.reason)}</div></td>
                      <td className="num">{c.closedAt ? <Status value="closed" /> : <Status value={c.customerStatus} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
          {o.resolutions.length > 0 && (
            <Card title="Resolutions" flush>
              <table>
                <tbody>
                  {o.resolutions.map((r) => (
                    <tr key={r.id}>
                      <td>{RESOLUTION_KINDS[r.kind as ResolutionKind] ?? r.kind}<div className="muted small">{date(r.createdAt)}</div></td>
                      <td className="num"><Money minor={r.amountMinor} currency={r.currency} /></td>
                      <td className="num"><Status value={r.status} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
