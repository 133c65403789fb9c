import { rank, type ParcelStatus } from './parcel-status.ts';

export interface EventForDerivation {
  occurredAt: Date;
  status: ParcelStatus;
}

export interface DerivedParcelState {
  status: ParcelStatus;
  lastEventAt: Date | null;
  deliveredAt: Date | null;
}

/** Whether `event` outranks `current` as the parcel's latest: later in time, or same time and a later stage. */
export function isLaterEvent(event: EventForDerivation, current: EventForDerivation | null): boolean {
  if (!current) return true;
  const diff = event.occurredAt.getTime() - current.occurredAt.getTime();
  return diff > 0 || (diff === 0 && rank(event.status) > rank(current.status));
}

/**
 * A parcel's status is derived from its events, never set by hand: the latest event by the time
 * it happened (not the time it reached us, since webhooks arrive out of order) decides.
 */
export function deriveParcelState(events: readonly EventForDerivation[]): DerivedParcelState {
  if (events.length === 0) return { status: 'pending', lastEventAt: null, deliveredAt: null };
  const latest = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || rank(a.status) - rank(b.status)).at(-1)!;
  const delivered = events.filter((e) => e.status === 'delivered').sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())[0];
  return {
    status: latest.status,
    lastEventAt: latest.occurredAt,
    deliveredAt: latest.status === 'delivered' ? (delivered?.occurredAt ?? latest.occurredAt) : null,
  };
}
