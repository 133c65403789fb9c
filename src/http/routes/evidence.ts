import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { addEvidence, listEvidence, readEvidenceFile } from '../../modules/evidence/index.ts';
import { getCase } from '../../modules/cases/index.ts';
import { AppError } from '../../shared/errors.ts';
import { actorOf } from '../auth.ts';
import { idParam } from './schemas.ts';

export function evidenceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/cases/:id/evidence',
      { schema: { tags: ['cases'], summary: 'Attach a photo or PDF (multipart field "file", optional "note"); images are re-encoded without metadata', params: idParam, consumes: ['multipart/form-data'] } },
      async (request, reply) => {
        const actor = actorOf(request);
        if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data in a field named "file".');
        const part = await request.file();
        if (!part) throw new AppError('VALIDATION_FAILED', 'file: no file was sent.');
        const bytes = await part.toBuffer();
        const note = (part.fields.note as { value?: string } | undefined)?.value ?? null;
        return reply.status(201).send(await addEvidence(ctx, actor, { caseId: request.params.id, file: bytes, filename: part.filename, note }));
      },
    );
    app.get('/cases/:id/evidence', { schema: { tags: ['cases'], params: idParam } }, async (request) => {
      const kase = await getCase(ctx.db, actorOf(request).workspaceId, request.params.id);
      return { items: await listEvidence(ctx.db, kase.id) };
    });
    app.get('/evidence/:id/file', { schema: { tags: ['cases'], summary: 'The stored (cleaned) file', params: idParam } }, async (request, reply) => {
      const file = await readEvidenceFile(ctx.db, actorOf(request).workspaceId, request.params.id);
      return reply
        .header('content-type', file.mime)
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('content-disposition', `inline; filename="${file.filename ?? request.params.id}"`)
        .send(file.bytes);
    });
  };
}
