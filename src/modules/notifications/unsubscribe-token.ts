import { createHmac } from 'node:crypto';
import { safeEqual } from '../../shared/crypto.ts';

// The opt-out link carries who it is for and an HMAC under the instance's secret key, so it
// needs no table to be checked and cannot be forged for someone else's address.

const mac = (payload: string, key: Buffer) => createHmac('sha256', key).update(`unsubscribe:${payload}`).digest('base64url').slice(0, 32);

export function unsubscribeToken(workspaceId: string, email: string, key: Buffer): string {
  const payload = Buffer.from(`${workspaceId}:${email.toLowerCase()}`).toString('base64url');
  return `${payload}.${mac(payload, key)}`;
}

export function readUnsubscribeToken(token: string, key: Buffer): { workspaceId: string; email: string } | null {
  const [payload, given] = token.split('.');
  if (!payload || !given || !safeEqual(given, mac(payload, key))) return null;
  const text = Buffer.from(payload, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  return { workspaceId: text.slice(0, colon), email: text.slice(colon + 1) };
}
