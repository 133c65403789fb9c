import type { IncomingTrackingEvent } from '../modules/parcels/index.ts';

// Parcel journeys China → destination, as tracking services report them.
export type JourneyKind = 'delivered' | 'moving' | 'stalled' | 'customs' | 'returned' | 'lost' | 'failed_attempt';

const H = 3_600_000;

export function journey(kind: JourneyKind, shippedAt: Date, country: string, pace: number): IncomingTrackingEvent[] {
  const at = (days: number) => new Date(shippedAt.getTime() + days * pace * 24 * H);
  const steps: [number, string, string, string, string | null][] = [
    [0.2, 'info_received', 'InfoReceived', 'Shipment information received', 'Shenzhen, CN'],
    [1.5, 'in_transit', 'InTransit_PickedUp', 'Accepted by carrier', 'Shenzhen, CN'],
    [3, 'in_transit', 'InTransit_Departure', 'Departed from origin sorting center', 'Shenzhen, CN'],
    [5, 'in_transit', 'InTransit_Other', 'Left the departure country', 'Hong Kong, HK'],
  ];
  const tail: Record<JourneyKind, [number, string, string, string, string | null][]> = {
    delivered: [
      [8, 'in_transit', 'InTransit_Arrival', 'Arrived in destination country', country],
      [9, 'customs_hold', 'InTransit_CustomsProcessing', 'Customs clearance in progress', country],
      [10, 'in_transit', 'InTransit_CustomsReleased', 'Released by customs', country],
      [13, 'out_for_delivery', 'OutForDelivery', 'Out for delivery', country],
      [13.4, 'delivered', 'Delivered', 'Delivered, in or at mailbox', country],
    ],
    moving: [[8, 'in_transit', 'InTransit_Arrival', 'Arrived in destination country', country]],
    stalled: [],
    customs: [
      [8, 'in_transit', 'InTransit_Arrival', 'Arrived in destination country', country],
      [9, 'customs_hold', 'InTransit_CustomsRequiringInformation', 'Held by customs: information required', country],
    ],
    returned: [
      [8, 'in_transit', 'InTransit_Arrival', 'Arrived in destination country', country],
      [12, 'failed_attempt', 'DeliveryFailure_NoBody', 'Delivery attempted, addressee not available', country],
      [20, 'returning', 'Exception_Returning', 'Returning to sender', country],
      [34, 'returned', 'Exception_Returned', 'Returned to sender', 'Shenzhen, CN'],
    ],
    lost: [
      [8, 'in_transit', 'InTransit_Arrival', 'Arrived in destination country', country],
      [25, 'lost_or_damaged', 'Exception_Lost', 'Parcel reported lost by the carrier', country],
    ],
    failed_attempt: [
      [8, 'in_transit', 'InTransit_Arrival', 'Arrived in destination country', country],
      [12, 'out_for_delivery', 'OutForDelivery', 'Out for delivery', country],
      [12.4, 'failed_attempt', 'DeliveryFailure_Security', 'Delivery attempted: no secure location', country],
    ],
  };
  return [...steps, ...tail[kind]].map(([days, status, rawStatus, description, location]) => ({ occurredAt: at(days), status, rawStatus, description, location }));
}
