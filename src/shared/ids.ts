import { randomBytes } from 'node:crypto';

// Readable, prefixed, time-ordered ids: `case_01J9…`. A log line tells what an id points at,
// and ordering by id is ordering by creation, which keeps cursor pagination simple.

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

export const ID_PREFIXES = {
  workspace: 'wsp',
  user: 'usr',
  session: 'ses',
  apiToken: 'tok',
  shop: 'shp',
  customer: 'cus',
  order: 'ord',
  orderLine: 'oli',
  supplier: 'sup',
  supplierOrder: 'spo',
  parcel: 'prc',
  trackingEvent: 'tev',
  case: 'case',
  caseLine: 'cli',
  evidence: 'evd',
  message: 'msg',
  dispute: 'dsp',
  resolution: 'rfd',
  ledgerEntry: 'led',
  timeline: 'tml',
  disputeRule: 'dwr',
  import: 'imp',
  webhook: 'whk',
  trackingConnection: 'trc',
  notification: 'ntf',
  notificationTemplate: 'ntt',
  template: 'tpl',
  rule: 'rul',
  bulk: 'blk',
  supplierAccount: 'spa',
  productMapping: 'pmp',
  shippingPreset: 'ssp',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

function encodeTime(ms: number): string {
  let out = '';
  let n = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[n % 32] + out;
    n = Math.floor(n / 32);
  }
  return out;
}

let lastMs = 0;
let counter = 0;

export function newId(kind: IdKind, now: number = Date.now()): string {
  // Ids made in the same millisecond still sort in creation order thanks to the counter.
  if (now === lastMs) counter++;
  else {
    lastMs = now;
    counter = 0;
  }
  const bytes = randomBytes(8);
  let random = ALPHABET[counter % 32]! + ALPHABET[Math.floor(counter / 32) % 32]!;
  for (let i = 0; i < 10; i++) random += ALPHABET[bytes[i % 8]! % 32];
  return `${ID_PREFIXES[kind]}_${encodeTime(now)}${random}`;
}

export function hasPrefix(id: string, kind: IdKind): boolean {
  return id.startsWith(`${ID_PREFIXES[kind]}_`);
}
