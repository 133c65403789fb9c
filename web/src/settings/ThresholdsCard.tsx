import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { get } from '../api/client.ts';
import { Card, Empty, ErrorNote, Loading } from '../components/ui.tsx';
import { humanize } from '../lib/format.ts';
import { useAction } from '../lib/mutation.ts';
import { useShops } from '../orders/OrdersPage.tsx';
import { patch, type ParcelThresholds } from './types.ts';

type TopKey = Exclude<keyof ParcelThresholds, 'stalledDays'>;
const TOP: [TopKey, string, string][] = [
  ['promisedDeliveryDays', 'Late after (days)', 'from shipping, when the supplier promised no date'],
  ['noTrackingDays', 'No tracking after (days)', 'shipped without a tracking number'],
  ['probablyLostDays', 'Probably lost after (days)', 'from shipping, not delivered'],
  ['probablyLostSilentDays', 'Probably lost when silent (days)', 'no event at all'],
];

function ThresholdsForm({ shopId, shopName, value }: { shopId: string; shopName: string; value: ParcelThresholds }) {
  const [draft, setDraft] = useState<Record<string, string>>(() => ({
    ...Object.fromEntries(TOP.map(([k]) => [k, String(value[k])])),
    ...Object.fromEntries(Object.entries(value.stalledDays).map(([k, v]) => [`stalled.${k}`, String(v)])),
  }));
  const [saved, setSaved] = useState(false);
  const save = useAction((body: Partial<ParcelThresholds>) => patch<ParcelThresholds>(`/api/v1/shops/${shopId}/parcel-thresholds`, body), [['parcel-thresholds', shopId]], () => setSaved(true));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const stalledDays = Object.fromEntries(Object.keys(value.stalledDays).map((k) => [k, Number(draft[`stalled.${k}`])])) as ParcelThresholds['stalledDays'];
    save.mutate({ ...Object.fromEntries(TOP.map(([k]) => [k, Number(draft[k])])), stalledDays });
  };
  const field = (key: string, label: string, hint?: string) => (
    <div className="field" key={key}>
      <label htmlFor={`th-${key}`}>{label} {hint && <span className="hint">{hint}</span>}</label>
      <input id={`th-${key}`} type="number" min={1} max={365} step={1} required value={draft[key] ?? ''} onChange={(e) => { setSaved(false); setDraft({ ...draft, [key]: e.target.value }); }} />
    </div>
  );
  return (
    <form className="card-body stack" onSubmit={submit} aria-label={`Parcel thresholds for ${shopName}`}>
      <div className="form-grid">{TOP.map(([k, label, hint]) => field(k, label, hint))}</div>
      <h3>Stalled after (days without a new event)</h3>
      <div className="form-grid">
        {field('stalled.default', 'Any status')}
        {Object.keys(value.stalledDays).filter((k) => k !== 'default').map((k) => field(`stalled.${k}`, humanize(k)))}
      </div>
      <ErrorNote error={save.error} />
      {saved && <div className="notice ok" role="status">Saved. The next parcel scan uses these numbers.</div>}
      <div className="actions"><button type="submit" className="primary" disabled={save.isPending}>Save thresholds</button></div>
    </form>
  );
}

export function ThresholdsCard() {
  const shops = useShops();
  const [picked, setPicked] = useState('');
  const shopId = picked || shops.data?.items[0]?.id || '';
  const shop = shops.data?.items.find((s) => s.id === shopId);
  const thresholds = useQuery({ queryKey: ['parcel-thresholds', shopId], queryFn: () => get<ParcelThresholds>(`/api/v1/shops/${shopId}/parcel-thresholds`), enabled: !!shopId });

  return (
    <Card
      title="Parcel thresholds"
      actions={shops.data && shops.data.items.length > 0 && (
        <div className="row">
          <label htmlFor="th-shop">Shop</label>
          <select id="th-shop" value={shopId} onChange={(e) => setPicked(e.target.value)}>{shops.data.items.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}</select>
        </div>
      )}
      flush
    >
      {shops.error && <div className="card-body"><ErrorNote error={shops.error} /></div>}
      {shops.data && shops.data.items.length === 0 && <Empty title="No shops yet">Add a shop first; each shop has its own thresholds.</Empty>}
      {thresholds.isPending && shopId && <Loading />}
      {thresholds.error && <div className="card-body"><ErrorNote error={thresholds.error} /></div>}
      {thresholds.data && shop && <ThresholdsForm key={shopId} shopId={shopId} shopName={shop.name} value={thresholds.data} />}
    </Card>
  );
}
