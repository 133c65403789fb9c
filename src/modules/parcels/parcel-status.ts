// Recoup's one parcel status model (product spec §3). Every tracking source maps into it and
// keeps its raw status beside it. `rank` breaks ties between events with the same timestamp:
// the later stage wins.

export const PARCEL_STATUSES = [
  'pending',
  // Beyond product.md's list (research §7): a number the source says cannot exist is actionable
  // (a typo, a made-up number from a supplier) in a way that "pending" is not.
  'invalid_number',
  'info_received',
  'in_transit',
  'customs_hold',
  'out_for_delivery',
  'available_for_pickup',
  'failed_attempt',
  'delivered',
  'returning',
  'returned',
  'lost_or_damaged',
  'exception',
  'expired',
] as const;

export type ParcelStatus = (typeof PARCEL_STATUSES)[number];

export const rank = (status: ParcelStatus) => PARCEL_STATUSES.indexOf(status);

export const isParcelStatus = (value: string): value is ParcelStatus => (PARCEL_STATUSES as readonly string[]).includes(value);

/** statuses after which nothing more is expected of the carrier */
export const TERMINAL_STATUSES: readonly ParcelStatus[] = ['delivered', 'returned', 'lost_or_damaged', 'expired'];
