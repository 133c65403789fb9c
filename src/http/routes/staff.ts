import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { createApiToken, createUser, listApiTokens, listUsers, revokeApiToken, updateUser } from '../../modules/staff/index.ts';
import { requireRole } from '../../shared/actor.ts';
import { actorOf } from '../auth.ts';
import { idParam } from './schemas.ts';

const role = z.enum(['owner', 'admin', 'agent', 'viewer']);

// Users and roles, and API tokens: the Settings screens' API (admins and owners).
export function staffRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/users', { schema: { tags: ['settings'], summary: 'Staff accounts' } }, async (request) => ({ items: await listUsers(ctx.db, actorOf(request).workspaceId) }));
    app.post(
      '/users',
      { schema: { tags: ['settings'], summary: 'Invite a staff member with a first password', body: z.object({ email: z.email(), name: z.string().min(1).max(200), role, password: z.string().min(10).max(200), shopIds: z.array(z.string()).nullable().optional() }) } },
      async (request, reply) => {
        const actor = actorOf(request);
        requireRole(actor, request.body.role === 'owner' ? 'owner' : 'admin');
        return reply.status(201).send(await createUser(ctx.db, request.body, actor.label));
      },
    );
    app.patch(
      '/users/:id',
      { schema: { tags: ['settings'], summary: 'Change role, shops, or disable', params: idParam, body: z.object({ role: role.optional(), shopIds: z.array(z.string()).nullable().optional(), disabled: z.boolean().optional() }) } },
      async (request) => updateUser(ctx.db, actorOf(request), request.params.id, request.body),
    );
    app.get('/tokens', { schema: { tags: ['settings'], summary: 'API tokens (never their secret)' } }, async (request) => {
      requireRole(actorOf(request), 'admin');
      return { items: await listApiTokens(ctx.db, actorOf(request).workspaceId) };
    });
    app.post('/tokens', { schema: { tags: ['settings'], summary: 'Create an API token; the token is shown once', body: z.object({ name: z.string().min(1).max(100), role: z.enum(['admin', 'agent', 'viewer']).default('agent') }) } }, async (request, reply) => {
      const actor = actorOf(request);
      requireRole(actor, 'admin');
      return reply.status(201).send(await createApiToken(ctx.db, request.body, actor.label));
    });
    app.delete('/tokens/:id', { schema: { tags: ['settings'], summary: 'Revoke an API token', params: idParam } }, async (request) => {
      const actor = actorOf(request);
      requireRole(actor, 'admin');
      await revokeApiToken(ctx.db, request.params.id, actor.label);
      return { ok: true };
    });
  };
}
