import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { signIn, signOut } from '../../modules/staff/index.ts';
import { actorOf, SESSION_COOKIE } from '../auth.ts';

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/sign-in',
      { schema: { tags: ['auth'], summary: 'Sign in with email and password; sets the session cookie', body: z.object({ email: z.string().min(3), password: z.string().min(1) }) } },
      async (request, reply) => {
        const { token, user, expiresAt } = await signIn(ctx.db, request.body.email, request.body.password);
        reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.publicUrl.startsWith('https://'), expires: expiresAt });
        return { user };
      },
    );
    app.post('/auth/sign-out', { schema: { tags: ['auth'], summary: 'End this session' } }, async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) await signOut(ctx.db, cookie);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    });
    app.get('/auth/me', { schema: { tags: ['auth'], summary: 'Who is signed in' } }, async (request) => {
      const actor = actorOf(request);
      return { id: actor.id, label: actor.label, type: actor.type, role: actor.role, shopIds: actor.shopIds };
    });
  };
}
