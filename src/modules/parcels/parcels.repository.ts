import type { Executor } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import { notFound } from '../../shared/errors.ts';
import type { ParcelStatus } from './parcel-status.ts';

export interface TrackingEvent {
  id: string;
  occurredAt: string;
  status: ParcelStatus;
  rawStatus: string;
  rawSubstatus: string | null;
  description: string;
  location: string | null;
  source: string;
}

export interface Parcel {
  id: string;
  orderId: string;
  supplierOrderId: string | null;
  trackingNumber: string;
  carrier: string | null;
  status: ParcelStatus;
  flags: string[];
  shippedAt: string | null;
  lastEventAt: string | null;
  deliveredAt: string | null;
  promisedBy: string | null;
  events?: TrackingEvent[];
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toParcel(row: Row<'parcels'>): Parcel {
  return {
    id: row.id,
    orderId: row.order_id,
    supplierOrderId: row.supplier_order_id,
    trackingNumber: row.tracking_number,
    carrier: row.carrier,
    status: row.status as ParcelStatus,
    flags: row.flags,
    shippedAt: iso(row.shipped_at),
    lastEventAt: iso(row.last_event_at),
    deliveredAt: iso(row.delivered_at),
    promisedBy: iso(row.promised_by),
  };
}

export function toEvent(row: Row<'tracking_events'>): TrackingEvent {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    status: row.status as ParcelStatus,
    rawStatus: row.raw_status,
    rawSubstatus: row.raw_substatus,
    description: row.description,
    location: row.location,
    source: row.source,
  };
}

export async function getParcel(db: Executor, workspaceId: string, id: string): Promise<Parcel> {
  const row = await db.selectFrom('parcels').selectAll().where('id', '=', id).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) throw notFound('Parcel', id);
  const events = await db.selectFrom('tracking_events').selectAll().where('parcel_id', '=', id).orderBy('occurred_at').orderBy('id').execute();
  return { ...toParcel(row), events: events.map(toEvent) };
}

export async function listParcels(db: Executor, filter: { workspaceId: string; orderId: string; withEvents?: boolean }): Promise<Parcel[]> {
  const rows = await db.selectFrom('parcels').selectAll().where('workspace_id', '=', filter.workspaceId).where('order_id', '=', filter.orderId).orderBy('created_at').execute();
  if (!filter.withEvents || rows.length === 0) return rows.map(toParcel);
  const events = await db.selectFrom('tracking_events').selectAll().where('parcel_id', 'in', rows.map((r) => r.id)).orderBy('occurred_at').execute();
  return rows.map((row) => ({ ...toParcel(row), events: events.filter((e) => e.parcel_id === row.id).map(toEvent) }));
}
