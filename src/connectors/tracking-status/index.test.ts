import { describe, expect, it } from 'vitest';
import {
  AFTERSHIP_SUBTAG_MAP,
  AFTERSHIP_TAGS,
  PARCEL_STATUSES,
  SEVENTEEN_TRACK_STATUSES,
  SEVENTEEN_TRACK_SUB_STATUS_MAP,
  from17Track,
  fromAfterShip,
  isParcelStatus,
  latestEvent,
  trackingEventKey,
} from './index.ts';

// Every subtag and sub-status the research lists as documented (§1.5, §2.3).
const DOCUMENTED_AFTERSHIP_SUBTAGS = [
  ...['001', '002', '003', '004', '005'].map((n) => `Delivered_${n}`),
  'AvailableForPickup_001',
  ...Array.from({ length: 13 }, (_, i) => `Exception_${String(i + 1).padStart(3, '0')}`),
  'AttemptFail_001', 'AttemptFail_002', 'AttemptFail_003',
  ...Array.from({ length: 9 }, (_, i) => `InTransit_${String(i + 1).padStart(3, '0')}`),
  'InfoReceived_001', 'OutForDelivery_001', 'OutForDelivery_003', 'OutForDelivery_004', 'Pending_001', 'Expired_001',
];
const DOCUMENTED_17TRACK = {
  NotFound: ['NotFound_Other', 'NotFound_InvalidCode'],
  InfoReceived: ['InfoReceived'],
  InTransit: ['InTransit_PickedUp', 'InTransit_Other', 'InTransit_Departure', 'InTransit_Arrival', 'InTransit_CustomsProcessing', 'InTransit_CustomsReleased', 'InTransit_CustomsRequiringInformation'],
  Expired: ['Expired_Other'],
  AvailableForPickup: ['AvailableForPickup_Other'],
  OutForDelivery: ['OutForDelivery_Other'],
  DeliveryFailure: ['DeliveryFailure_Other', 'DeliveryFailure_NoBody', 'DeliveryFailure_Security', 'DeliveryFailure_Rejected', 'DeliveryFailure_InvalidAddress'],
  Delivered: ['Delivered_Other'],
  Exception: ['Exception_Other', 'Exception_Returning', 'Exception_Returned', 'Exception_NoBody', 'Exception_Security', 'Exception_Damage', 'Exception_Rejected', 'Exception_Delayed', 'Exception_Lost', 'Exception_Destroyed', 'Exception_Cancel'],
};

describe('canonical statuses', () => {
  it('include every status of the product model, plus invalid_number', () => {
    const product = ['pending', 'info_received', 'in_transit', 'customs_hold', 'out_for_delivery', 'available_for_pickup', 'failed_attempt', 'delivered', 'returning', 'returned', 'lost_or_damaged', 'exception', 'expired'];
    expect([...PARCEL_STATUSES].sort()).toEqual([...product, 'invalid_number'].sort());
  });
});

describe('AfterShip mapping', () => {
  it('maps every documented subtag from the table, keeping the raw values', () => {
    for (const subtag of DOCUMENTED_AFTERSHIP_SUBTAGS) {
      const tag = subtag.split('_')[0]!;
      const mapped = fromAfterShip(tag, subtag);
      expect(mapped.known, subtag).toBe(true);
      expect(isParcelStatus(mapped.status)).toBe(true);
      expect(mapped).toMatchObject({ rawStatus: tag, rawSubstatus: subtag });
    }
    expect(Object.keys(AFTERSHIP_SUBTAG_MAP).sort()).toEqual([...DOCUMENTED_AFTERSHIP_SUBTAGS].sort());
  });

  it('falls back to the tag for subtags it has not seen, and to exception for unknown tags', () => {
    for (const tag of AFTERSHIP_TAGS) expect(fromAfterShip(tag, `${tag}_999`).known).toBe(false);
    expect(fromAfterShip('Pending', 'Pending_004').status).toBe('pending');
    expect(fromAfterShip('OutForDelivery', null)).toEqual({ status: 'out_for_delivery', rawStatus: 'OutForDelivery', rawSubstatus: null, known: false });
    expect(fromAfterShip('Teleported', 'Teleported_001').status).toBe('exception');
  });

  it('holds the rows of the research canonical map (§7)', () => {
    const rows: [string, string, string][] = [
      ['Pending', 'Pending_001', 'pending'],
      ['InfoReceived', 'InfoReceived_001', 'info_received'],
      ['InTransit', 'InTransit_002', 'in_transit'],
      ['Exception', 'Exception_004', 'customs_hold'],
      ['InTransit', 'InTransit_006', 'customs_hold'],
      ['OutForDelivery', 'OutForDelivery_001', 'out_for_delivery'],
      ['AvailableForPickup', 'AvailableForPickup_001', 'available_for_pickup'],
      ['AttemptFail', 'AttemptFail_001', 'failed_attempt'],
      ['Delivered', 'Delivered_001', 'delivered'],
      ['Exception', 'Exception_010', 'returning'],
      ['Exception', 'Exception_011', 'returned'],
      ['Exception', 'Exception_012', 'lost_or_damaged'],
      ['Exception', 'Exception_013', 'lost_or_damaged'],
      ['Exception', 'Exception_001', 'exception'],
      ['Expired', 'Expired_001', 'expired'],
    ];
    for (const [tag, subtag, status] of rows) expect(fromAfterShip(tag, subtag).status, subtag).toBe(status);
  });
});

describe('17TRACK mapping', () => {
  it('maps every documented main and sub-status from the table', () => {
    expect(Object.keys(DOCUMENTED_17TRACK).sort()).toEqual([...SEVENTEEN_TRACK_STATUSES].sort());
    const subs = Object.values(DOCUMENTED_17TRACK).flat();
    expect(subs).toHaveLength(30);
    for (const [main, list] of Object.entries(DOCUMENTED_17TRACK)) {
      for (const sub of list) expect(from17Track(main, sub)).toMatchObject({ known: true, rawStatus: main, rawSubstatus: sub });
      expect(from17Track(main, null).known).toBe(false);
    }
    expect(Object.keys(SEVENTEEN_TRACK_SUB_STATUS_MAP).sort()).toEqual([...subs].sort());
  });

  it('holds the rows of the research canonical map (§7)', () => {
    const rows: [string, string, string][] = [
      ['NotFound', 'NotFound_Other', 'pending'],
      ['NotFound', 'NotFound_InvalidCode', 'invalid_number'],
      ['InfoReceived', 'InfoReceived', 'info_received'],
      ['InTransit', 'InTransit_PickedUp', 'in_transit'],
      ['InTransit', 'InTransit_CustomsProcessing', 'customs_hold'],
      ['InTransit', 'InTransit_CustomsRequiringInformation', 'customs_hold'],
      ['OutForDelivery', 'OutForDelivery_Other', 'out_for_delivery'],
      ['AvailableForPickup', 'AvailableForPickup_Other', 'available_for_pickup'],
      ['DeliveryFailure', 'DeliveryFailure_InvalidAddress', 'failed_attempt'],
      ['Delivered', 'Delivered_Other', 'delivered'],
      ['Exception', 'Exception_Returning', 'returning'],
      ['Exception', 'Exception_Returned', 'returned'],
      ['Exception', 'Exception_Lost', 'lost_or_damaged'],
      ['Exception', 'Exception_Damage', 'lost_or_damaged'],
      ['Exception', 'Exception_Destroyed', 'lost_or_damaged'],
      ['Exception', 'Exception_Delayed', 'exception'],
      ['Expired', 'Expired_Other', 'expired'],
    ];
    for (const [main, sub, status] of rows) expect(from17Track(main, sub).status, sub).toBe(status);
    // One client saw this sub-status in the wild; it falls back to its main status.
    expect(from17Track('InTransit', 'InTransit_TransportArrived')).toMatchObject({ status: 'in_transit', known: false });
  });
});

describe('reading events', () => {
  const event = (occurredAt: string, status: string) => ({
    trackingNumber: 'RR1', occurredAt, status, rawStatus: status, rawSubstatus: null, description: status,
  });

  it('takes the latest by time, whatever order they arrived in', () => {
    const events = [event('2025-01-03T00:00:00Z', 'delivered'), event('2025-01-01T00:00:00+08:00', 'info_received'), event('2025-01-02T00:00:00Z', 'in_transit')];
    expect(latestEvent(events)?.status).toBe('delivered');
    expect(latestEvent([])).toBeNull();
  });

  it('gives the same key to the same checkpoint written in another time zone', () => {
    expect(trackingEventKey(event('2025-01-01T08:00:00+08:00', 'x'))).toBe(trackingEventKey(event('2025-01-01T00:00:00Z', 'x')));
  });
});
