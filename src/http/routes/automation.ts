import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { BULK_KINDS, bulkExportCsv, getBulk, startBulk } from '../../modules/bulk/index.ts';
import { createRule, listRules, previewRule, setRuleEnabled } from '../../modules/rules/index.ts';
import { listTemplates, previewTemplate, saveTemplate, sendTemplate, TEMPLATE_VARIABLES } from '../../modules/templates/index.ts';
import { actorOf } from '../auth.ts';
import { idParam } from './schemas.ts';

const templateKey = z.object({ id: z.string(), key: z.string().min(3).max(60) });

export function automationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/templates', { schema: { tags: ['templates'], summary: 'Message templates (defaults and your own) and the variables they may use' } }, async (request) => ({
      items: await listTemplates(ctx, actorOf(request).workspaceId),
      variables: TEMPLATE_VARIABLES,
    }));
    app.put(
      '/templates/:key',
      {
        schema: {
          tags: ['templates'],
          summary: 'Create or replace a template',
          params: z.object({ key: z.string() }),
          body: z.object({ channel: z.enum(['customer', 'supplier']), name: z.string().min(1).max(200), subject: z.string().max(300).default(''), body: z.string().min(1).max(20_000) }),
        },
      },
      async (request) => saveTemplate(ctx, actorOf(request), { key: request.params.key, ...request.body }),
    );
    app.get('/cases/:id/templates/:key/preview', { schema: { tags: ['templates'], summary: 'The template rendered for this case', params: templateKey } }, async (request) =>
      previewTemplate(ctx, actorOf(request), request.params.id, request.params.key),
    );
    app.post('/cases/:id/templates/:key/send', { schema: { tags: ['templates'], summary: 'Render and record the message on the case', params: templateKey } }, async (request, reply) =>
      reply.status(201).send(await sendTemplate(ctx, actorOf(request), request.params.id, request.params.key)),
    );

    app.post(
      '/bulk',
      {
        schema: {
          tags: ['bulk'],
          summary: 'Start a bulk operation on cases (message suppliers, prepare disputes, export) or resolutions (approve); answers 202 with its id',
          body: z.object({ kind: z.enum(BULK_KINDS), ids: z.array(z.string()).min(1).max(1000), templateKey: z.string().optional() }),
        },
      },
      async (request, reply) => reply.status(202).send(await startBulk(ctx, actorOf(request), request.body)),
    );
    app.get('/bulk/:id', { schema: { tags: ['bulk'], summary: 'Progress and the result of each item', params: idParam } }, async (request) => getBulk(ctx, actorOf(request).workspaceId, request.params.id));
    app.get('/bulk/:id/export.csv', { schema: { tags: ['bulk'], params: idParam } }, async (request, reply) =>
      reply.header('content-type', 'text/csv').send(await bulkExportCsv(ctx, actorOf(request).workspaceId, request.params.id)),
    );
    app.get('/rules', { schema: { tags: ['rules'], summary: 'Automation rules by trigger and priority' } }, async (request) => ({ items: await listRules(ctx, actorOf(request).workspaceId) }));
    app.post('/rules', { schema: { tags: ['rules'], summary: 'Add a rule (trigger, conditions, actions, priority)', body: z.unknown() } }, async (request, reply) =>
      reply.status(201).send(await createRule(ctx, actorOf(request), request.body)),
    );
    app.post('/rules/preview', { schema: { tags: ['rules'], summary: 'Dry run on the latest open cases; changes nothing', body: z.unknown() } }, async (request) => previewRule(ctx, actorOf(request), request.body));
    app.post('/rules/:id/enable', { schema: { tags: ['rules'], params: idParam } }, async (request) => {
      await setRuleEnabled(ctx, actorOf(request), request.params.id, true);
      return { ok: true };
    });
    app.post('/rules/:id/disable', { schema: { tags: ['rules'], params: idParam } }, async (request) => {
      await setRuleEnabled(ctx, actorOf(request), request.params.id, false);
      return { ok: true };
    });
  };
}
