import type { Role } from '../db/schema.ts';
import { AppError } from './errors.ts';

// Who is doing something. Every command takes one; the timeline records `label`.
export interface Actor {
  type: 'user' | 'token' | 'customer' | 'system' | 'rule';
  id: string;
  label: string;
  workspaceId: string;
  role: Role | null;
  /** shops an agent may work on; null = all */
  shopIds: string[] | null;
}

export const systemActor = (workspaceId: string): Actor => ({
  type: 'system',
  id: 'system',
  label: 'system',
  workspaceId,
  role: 'owner',
  shopIds: null,
});

export const customerActor = (workspaceId: string, customerId: string | null): Actor => ({
  type: 'customer',
  id: customerId ?? 'customer',
  label: 'customer',
  workspaceId,
  role: null,
  shopIds: null,
});

const RANK = { viewer: 1, agent: 2, admin: 3, owner: 4 } as const;

/** Refuses unless the actor's role is at least `minimum`. Customers and viewers never write. */
export function requireRole(actor: Actor, minimum: Role): void {
  if (actor.type === 'system' || actor.type === 'rule') return;
  if (!actor.role || RANK[actor.role] < RANK[minimum]) {
    throw new AppError('FORBIDDEN', `This needs the ${minimum} role or higher; you are ${actor.role ?? 'not staff'}.`);
  }
}

export function requireShop(actor: Actor, shopId: string): void {
  if (actor.shopIds && !actor.shopIds.includes(shopId)) {
    throw new AppError('FORBIDDEN', `You are not assigned to shop ${shopId}.`);
  }
}

export const roleRank = (role: Role) => RANK[role];
