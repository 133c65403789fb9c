// What /api/public answers: only what the customer may see.

export interface PublicShop {
  name: string;
  logoUrl: string | null;
  color: string | null;
  supportEmail: string | null;
}

export interface PublicCaseSummary {
  number: number;
  reason: string;
  status: 'received' | 'waiting_on_you' | 'in_progress' | 'resolved';
  openedAt: string;
  closedAt: string | null;
  publicToken: string;
}

export interface PublicOrderView {
  accessToken?: string;
  shop: PublicShop;
  order: { orderNumber: string; placedAt: string; currency: string; totalMinor: number; shippingCountry: string | null; lines: { id: string; title: string; quantity: number; unitPriceMinor: number }[] };
  parcels: { trackingNumber: string; carrier: string | null; status: string; shippedAt: string | null; deliveredAt: string | null; expectedBy: string | null; events: { occurredAt: string; status: string; description: string; location: string | null }[] }[];
  cases: PublicCaseSummary[];
}

export interface PublicCaseView {
  shop: PublicShop;
  orderNumber: string;
  accessToken: string;
  case: PublicCaseSummary & { description: string; lines: { title: string; quantity: number }[]; canReply: boolean; photos: number; photosWanted: { missingPhotos: number; note: string } };
  activity: ({ type: 'event'; kind: string; summary: string; at: string } | { type: 'message'; from: 'you' | 'shop'; body: string; at: string })[];
}

export const CASE_STATUS_TEXT: Record<PublicCaseSummary['status'], string> = {
  received: 'We received your report',
  waiting_on_you: 'Waiting for your reply',
  in_progress: 'We are working on it',
  resolved: 'Resolved',
};
