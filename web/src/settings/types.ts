// The shapes the Settings tabs read (see src/http/routes/staff.ts, automation.ts, shops.ts, tracking.ts).
import { request } from '../api/client.ts';

export type Role = 'owner' | 'admin' | 'agent' | 'viewer';
export const ROLES: Role[] = ['owner', 'admin', 'agent', 'viewer'];

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  shopIds: string[] | null;
  createdAt: string;
  disabled: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
}

// Mirrors src/modules/rules/rule.ts.
export const TRIGGERS = ['case.opened', 'evidence.added', 'parcel.flagged', 'clock.warning', 'supplier.replied'] as const;
export const FACTS = ['reason', 'orderValueMinor', 'customerEarlierClaims', 'parcelStatus', 'parcelFlags', 'daysSinceDelivery', 'supplierRefundRate', 'country', 'photos', 'tags'] as const;
export const NUMERIC_FACTS: readonly string[] = ['orderValueMinor', 'customerEarlierClaims', 'daysSinceDelivery', 'supplierRefundRate', 'photos'];
export const FACT_LABELS: Record<(typeof FACTS)[number], string> = {
  reason: 'Reason',
  orderValueMinor: 'Order value (minor units)',
  customerEarlierClaims: 'Customer’s earlier claims',
  parcelStatus: 'Parcel status',
  parcelFlags: 'Parcel flags',
  daysSinceDelivery: 'Days since delivery',
  supplierRefundRate: 'Supplier refund rate (0–1)',
  country: 'Country',
  photos: 'Photos attached',
  tags: 'Case tags',
};
export const OPS = { eq: 'is', neq: 'is not', in: 'is one of', lt: 'is under', lte: 'is at most', gt: 'is over', gte: 'is at least', contains: 'includes' } as const;
export type Op = keyof typeof OPS;
export const ACTION_TYPES = {
  ask_for_evidence: 'Ask the customer for evidence',
  propose_resolution: 'Propose a resolution',
  auto_approve: 'Auto-approve up to an amount',
  draft_dispute: 'Draft the supplier dispute',
  tag: 'Tag the case',
  assign: 'Assign to a user',
} as const;
export type ActionType = keyof typeof ACTION_TYPES;

export interface Condition {
  fact: (typeof FACTS)[number];
  op: Op;
  value: string | number | (string | number)[];
}
export type RuleAction = { type: ActionType } & Record<string, unknown>;
export interface Rule {
  id: string;
  name: string;
  trigger: (typeof TRIGGERS)[number];
  conditions: Condition[];
  actions: RuleAction[];
  priority: number;
  enabled: boolean;
  createdBy: string | null;
}
export interface RulePreview {
  checked: number;
  matches: { caseId: string; caseNumber: number; because: string; wouldDo: string[] }[];
}

export interface Template {
  key: string;
  channel: 'customer' | 'supplier';
  name: string;
  subject: string;
  body: string;
  custom: boolean;
}

export interface WorkspacePolicies {
  reminderDays?: number[];
  sla?: { firstReplyHours?: number; resolutionDays?: number; dnrWaitDays?: number; warnAt?: number };
  agentApprovalLimitMinor?: number;
  disputeRatioWarning?: number;
  requiredEvidence?: Record<string, { photos: number; note: string }>;
}
/** What the server applies when the workspace has not chosen (see the modules that read them). */
export const POLICY_DEFAULTS = { reminderDays: [7, 3, 1], firstReplyHours: 24, resolutionDays: 7, dnrWaitDays: 3, agentApprovalLimitMinor: 5000, disputeRatioWarning: 0.05 };

export interface ParcelThresholds {
  promisedDeliveryDays: number;
  probablyLostDays: number;
  probablyLostSilentDays: number;
  noTrackingDays: number;
  stalledDays: Record<string, number> & { default: number };
}

export const TRACKING_PROVIDERS = ['aftership', '17track'] as const;
export type TrackingProvider = (typeof TRACKING_PROVIDERS)[number];
export interface TrackingConnection {
  id: string;
  provider: TrackingProvider;
  baseUrl: string;
  enabled: boolean;
  requestsPerSecond: number | null;
  hasWebhookSecret: boolean;
  webhookPath: string;
  updatedAt: string;
}

export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
export const del = <T>(path: string) => request<T>('DELETE', path);

/** Mirrors src/modules/evidence/required-evidence.ts: what each reason needs when the workspace has not chosen. */
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
