// Recoup's case reasons mapped to the reasons AliExpress offers when a buyer opens a dispute
// (research §2.4: "not received" and "not as described" families). For parcels that never came,
// the tracking status picks the precise sub-reason.

export interface PlatformReason {
  reason: string;
  request: 'refund_only' | 'return_and_refund';
  /** what the dispute should carry as evidence */
  evidence: string[];
}

const NOT_RECEIVED_BY_PARCEL: Record<string, string> = {
  returned: 'Package not received: returned to sender',
  returning: 'Package not received: returned to sender',
  customs_hold: 'Package not received: held by customs',
  pending: 'Package not received: no tracking information',
  info_received: 'Package not received: no tracking information',
  delivered: 'Package not received: delivered to another address',
  lost_or_damaged: 'Package not received: package lost',
};

export function platformReasonFor(caseReason: string, parcelStatus: string | null): PlatformReason {
  switch (caseReason) {
    case 'not_received':
    case 'late_delivery':
      return {
        reason: (parcelStatus && NOT_RECEIVED_BY_PARCEL[parcelStatus]) ?? 'Package not received: still in transit after the promised time',
        request: 'refund_only',
        evidence: ['tracking timeline', 'order details'],
      };
    case 'delivered_not_received':
      return { reason: 'Package not received: delivered to another address', request: 'refund_only', evidence: ['tracking timeline', 'customer statement'] };
    case 'wrong_item':
      return { reason: 'Item not as described: wrong item sent', request: 'refund_only', evidence: ['photos of the item received', 'product listing'] };
    case 'damaged':
      return { reason: 'Item not as described: damaged', request: 'refund_only', evidence: ['photos of the damage', 'photos of the packaging'] };
    case 'defective':
      return { reason: 'Item not as described: does not work / poor quality', request: 'refund_only', evidence: ['photo or video of the defect'] };
    case 'not_as_described':
      return { reason: 'Item not as described: differs from the description', request: 'refund_only', evidence: ['photos side by side with the listing'] };
    case 'missing_item':
      return { reason: 'Item not as described: fewer items than ordered', request: 'refund_only', evidence: ['photo of the parcel contents', 'packing slip'] };
    default:
      return { reason: 'Other', request: 'refund_only', evidence: ['customer statement'] };
  }
}
