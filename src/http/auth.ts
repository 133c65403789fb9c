import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import { authenticateSession, authenticateToken } from '../modules/staff/index.ts';
import type { Actor } from '../shared/actor.ts';
import { AppError } from '../shared/errors.ts';

export const SESSION_COOKIE = 'recoup_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The signed-in staff member or API token behind a request; 401 when there is none. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in, or send an API token as "Authorization: Bearer rcp_…".');
  return request.actor;
}

const PUBLIC_API = new Set(['/api/v1/auth/sign-in', '/api/v1/openapi.json']);

/** Every /api/v1 route needs a session cookie or a bearer token; viewers may only read. */
export function installAuth(app: FastifyInstance, db: Database) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const path = request.url.split('?')[0]!;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) request.actor = await authenticateToken(db, header.slice(7).trim());
    else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) request.actor = await authenticateSession(db, cookie);
    }
    if (PUBLIC_API.has(path)) return;
    const actor = actorOf(request);
    if (actor.role === 'viewer' && request.method !== 'GET' && path !== '/api/v1/auth/sign-out') {
      throw new AppError('FORBIDDEN', 'Viewers can look but not change anything.');
    }
  });
}
