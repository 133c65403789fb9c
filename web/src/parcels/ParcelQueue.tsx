import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import { Empty, ErrorNote, Loading, Status } from '../components/ui.tsx';
import { Link } from '../lib/router.tsx';

export const PARCEL_QUEUES = {
  late: { label: 'Late', key: 'late' },
  stalled: { label: 'Stalled', key: 'stalled' },
  no_tracking: { label: 'No tracking', key: 'noTracking' },
  probably_lost: { label: 'Probably lost', key: 'probably_lost' },
  returned: { label: 'Returned', key: 'returned_to_sender' },
  delivery_failed: { label: 'Delivery failed', key: 'delivery_failed' },
} as const;
export type ParcelQueueName = keyof typeof PARCEL_QUEUES;

interface QueueItem {
  parcelId: string | null;
  supplierOrderId: string | null;
  orderId: string;
  orderNumber: string;
  customer: { name: string | null; email: string | null } | null;
  trackingNumber: string | null;
  carrier: string | null;
  status: string | null;
  days: number;
}

export function ParcelQueue({ queue }: { queue: ParcelQueueName }) {
  const data = useQuery({ queryKey: ['parcel-queue', queue], queryFn: () => get<{ daysMeaning: string; count: number; items: QueueItem[] }>(`/api/v1/parcel-queues/${queue}?limit=50`) });
  if (data.isPending) return <Loading />;
  if (data.error) return <div className="card-body"><ErrorNote error={data.error} /></div>;
  if (data.data.items.length === 0) return <Empty title="Nothing in this queue">Parcels show up here when they need attention.</Empty>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr><th>Order</th><th>Customer</th><th>Tracking</th><th>Status</th><th className="num" title={data.data.daysMeaning}>Days</th></tr>
        </thead>
        <tbody>
          {data.data.items.slice(0, 12).map((p) => (
            <tr key={p.parcelId ?? p.supplierOrderId ?? p.orderId}>
              <td><Link to={`/orders/${p.orderId}`}>{p.orderNumber}</Link></td>
              <td>{p.customer?.name ?? p.customer?.email ?? '—'}</td>
              <td className="mono">{p.trackingNumber ?? '—'} <span className="muted">{p.carrier}</span></td>
              <td>{p.status ? <Status value={p.status} /> : <span className="muted">shipped, no number</span>}</td>
              <td className="num">{p.days}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.data.count > 12 && <p className="muted small" style={{ padding: '8px 12px' }}>Showing the 12 oldest of {data.data.count}; {data.data.daysMeaning}.</p>}
    </div>
  );
}
