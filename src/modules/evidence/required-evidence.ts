// What a case needs before it can go to the supplier, by reason (editable per workspace in
// settings.requiredEvidence). AliExpress expects photos for "received" disputes and nothing
// for "not received" ones (research §2.3).
export const DEFAULT_REQUIRED_EVIDENCE: Record<string, { photos: number; note: string }> = {
  not_received: { photos: 0, note: 'Tracking timeline is enough.' },
  late_delivery: { photos: 0, note: 'Tracking timeline is enough.' },
  delivered_not_received: { photos: 0, note: 'A statement from the customer; photos of the mailbox help.' },
  wrong_item: { photos: 1, note: 'A photo of the item received next to its label.' },
  damaged: { photos: 2, note: 'Photos of the damage and of the packaging.' },
  defective: { photos: 1, note: 'A photo or short video showing the defect.' },
  not_as_described: { photos: 1, note: 'Photos showing how it differs from the listing.' },
  missing_item: { photos: 1, note: 'A photo of everything that was in the parcel.' },
  other: { photos: 0, note: 'Whatever explains the problem.' },
};

export function missingEvidence(reason: string, photos: number, rules = DEFAULT_REQUIRED_EVIDENCE): { missingPhotos: number; note: string } {
  const rule = rules[reason] ?? rules.other ?? { photos: 0, note: '' };
  return { missingPhotos: Math.max(0, rule.photos - photos), note: rule.note };
}
