import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/**
 * Serves the built dashboard and customer pages (web/dist, built by `npm install`). Any GET that
 * is not the API, webhooks or a file gets index.html, so client-side routes survive a reload.
 * Files are listed at boot (wildcard: false leaves `/*` to that fallback): restart after a rebuild.
 */
export async function installWeb(app: FastifyInstance): Promise<boolean> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) return false;
  await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: ['index.html'] });
  app.get('/*', (request, reply) => {
    const url = request.url.split('?')[0]!;
    if (url.startsWith('/api/') || url.startsWith('/webhooks/') || path.extname(url)) {
      return reply.callNotFound();
    }
    return reply.sendFile('index.html');
  });
  return true;
}
