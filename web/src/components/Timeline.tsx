import { useState } from 'react';
import type { TimelineEntry } from '../api/types.ts';
import { dateTime, prettySummary } from '../lib/format.ts';
import { Badge } from './ui.tsx';

const tone = (kind: string) => (/(won|executed|resolved|delivered|succeed)/.test(kind) ? 'good' : /(fail|lost|decline|reject|breach)/.test(kind) ? 'bad' : '');

/** The one history, newest first; entries the customer can see are marked. */
export function Timeline({ entries, empty = 'Nothing has happened yet.' }: { entries: TimelineEntry[]; empty?: string }) {
  const [onlyCustomer, setOnlyCustomer] = useState(false);
  const shown = [...entries].filter((e) => !onlyCustomer || e.visibility === 'customer').sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <div>
      <label className="row small" style={{ marginBottom: 8, fontWeight: 400 }}>
        <input type="checkbox" checked={onlyCustomer} onChange={(e) => setOnlyCustomer(e.target.checked)} style={{ minHeight: 0 }} /> Only what the customer sees
      </label>
      {shown.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol className="timeline" aria-label="Timeline">
          {shown.map((e) => (
            <li key={e.id}>
              <span className={`dot ${e.visibility === 'customer' ? 'customer' : ''} ${tone(e.kind)}`} aria-hidden="true" />
              <div>
                <div>
                  {prettySummary(e.summary)} {e.visibility === 'customer' && <Badge tone="accent" title="Shown on the customer’s page">customer sees</Badge>}
                </div>
                {typeof e.data.body === 'string' && <div className="bubble">{e.data.body}</div>}
                <div className="meta">
                  {dateTime(e.occurredAt)} · {e.actor}
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
