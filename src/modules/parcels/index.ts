// Parcels: tracking numbers, their events in one status model, and trouble noticed early.
export { addTrackingNumber } from './commands/add-tracking-number.ts';
export type { AddTrackingNumberInput } from './commands/add-tracking-number.ts';
export { recordTrackingEvents } from './commands/record-tracking-events.ts';
export type { IncomingTrackingEvent } from './commands/record-tracking-events.ts';
export { refreshParcelTrouble, scanParcelTrouble } from './commands/refresh-trouble.ts';
export { getParcel, listParcels } from './parcels.repository.ts';
export type { Parcel, TrackingEvent } from './parcels.repository.ts';
export { PARCEL_STATUSES, isParcelStatus } from './parcel-status.ts';
export type { ParcelStatus } from './parcel-status.ts';
export { deriveParcelState } from './derive-status.ts';
export { DEFAULT_THRESHOLDS, TROUBLE_FLAGS, detectTrouble } from './trouble.ts';
export type { TroubleFlag, TroubleThresholds } from './trouble.ts';
