import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { daysUntil, fromNow, humanize, money } from '../lib/format.ts';

type Tone = 'green' | 'amber' | 'red' | 'blue' | 'accent' | 'gray';

const TONES: Record<string, Tone> = {
  // cases, customer side
  new: 'blue', waiting_on_customer: 'amber', ready_to_resolve: 'accent', resolving: 'accent', resolved: 'green',
  // cases, supplier side; disputes
  not_started: 'gray', asked_supplier: 'blue', dispute_open: 'amber', escalated: 'red', won: 'green', partly_won: 'green', lost: 'red', waived: 'gray',
  prepared: 'gray', opened: 'amber', seller_responded: 'blue', cancelled: 'gray',
  // resolutions
  proposed: 'blue', approved: 'accent', return_in_transit: 'amber', return_received: 'accent', executing: 'amber', executed: 'green', failed: 'red', rejected: 'gray',
  // parcels
  pending: 'gray', info_received: 'gray', in_transit: 'blue', customs_hold: 'amber', out_for_delivery: 'blue', available_for_pickup: 'amber', failed_attempt: 'amber',
  delivered: 'green', returning: 'amber', returned: 'red', lost_or_damaged: 'red', exception: 'red', expired: 'gray',
  // parcel flags
  late: 'amber', stalled: 'amber', no_tracking: 'amber', probably_lost: 'red', returned_to_sender: 'red', delivery_failed: 'red',
  // supplier orders
  placed: 'gray', paid: 'blue', shipped: 'blue', completed: 'green',
  open: 'blue', closed: 'gray', internal: 'gray', customer: 'accent',
};

export function Badge({ children, tone = 'gray', title }: { children: ReactNode; tone?: Tone; title?: string }) {
  return (
    <span className={`badge ${tone}`} title={title}>
      {children}
    </span>
  );
}

/** A status word in its colour: "dispute_open" → amber "Dispute open". */
export function Status({ value, prefix }: { value: string; prefix?: string }) {
  return <Badge tone={TONES[value] ?? 'gray'}>{prefix ? `${prefix}: ` : ''}{humanize(value)}</Badge>;
}

export function Money({ minor, currency }: { minor: number | null | undefined; currency: string }) {
  return <span className="num">{money(minor, currency)}</span>;
}

/** Days left until a deadline, coloured by urgency. */
export function Countdown({ at, soonDays = 7 }: { at: string | null | undefined; soonDays?: number }) {
  if (!at) return <span className="muted">—</span>;
  const days = daysUntil(at);
  const tone = days < 0 ? 'late' : days <= soonDays ? 'soon' : 'ok';
  const text = days < 0 ? `closed ${fromNow(at)}` : days === 0 ? 'closes today' : `${days} day${days === 1 ? '' : 's'} left`;
  return (
    <span className={`countdown ${tone}`} title={new Date(at).toLocaleString()}>
      {text}
    </span>
  );
}

export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : null;
  return (
    <div className="notice error" role="alert">
      {message} {code && <code>{code}</code>}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <strong>{title}</strong>
      {children}
    </div>
  );
}

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      {what}…
    </div>
  );
}

export function PageHead({ title, subtitle, crumbs, children }: { title: ReactNode; subtitle?: ReactNode; crumbs?: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-head">
      <div>
        {crumbs && <div className="crumbs">{crumbs}</div>}
        <h1>{title}</h1>
        {subtitle && <p>{subtitle}</p>}
      </div>
      {children && <div className="actions">{children}</div>}
    </div>
  );
}

export function Card({ title, actions, children, flush }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; flush?: boolean }) {
  return (
    <section className="card">
      {(title || actions) && (
        <div className="card-head">
          {typeof title === 'string' ? <h2>{title}</h2> : title}
          {actions}
        </div>
      )}
      {flush ? children : <div className="card-body">{children}</div>}
    </section>
  );
}
