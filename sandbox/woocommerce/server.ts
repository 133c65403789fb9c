import Fastify, { type FastifyInstance } from 'fastify';
import { anonymousError, type WooAuth } from './auth.ts';
import type { Faults } from './faults.ts';
import type { SlidingWindowLimiter } from './rate-limit.ts';
import { NAMESPACE, WooHttpError, sendError } from './respond.ts';
import { registerMoneyRoutes } from './routes-money.ts';
import { registerOrderRoutes } from './routes-orders.ts';
import type { WooStore } from './store.ts';

// The HTTP face of the simulated shop. Order of events per request, outermost first, as a real
// stack would have them: the host's rate limit, host faults (5xx pages, hangs), WordPress routing,
// WooCommerce authentication, the route itself, and finally "lost response" faults.

export interface ServerDeps { store: WooStore; auth: WooAuth; limiter: SlidingWindowLimiter; faults: Faults; stats: { unauthorized: number } }

const HOST_ERROR_PAGE = (status: number) => `<html>\r\n<head><title>${status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>${status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

export function buildServer(deps: ServerDeps): FastifyInstance {
  const app = Fastify({
    logger: false, forceCloseConnections: true, bodyLimit: 5 * 1024 * 1024,
    // PHP's $_GET keeps the last value of a repeated name; the official JS client repeats params.
    routerOptions: { querystringParser: (text: string) => Object.fromEntries(new URLSearchParams(text)) },
  });
  const hanging = new Set<NodeJS.Timeout>();
  app.addHook('onClose', async () => {
    for (const timer of hanging) clearTimeout(timer);
  });
  const target = (method: string, url: string) => `${method} ${url.split('?')[0]!.replace(NAMESPACE, '')}`;

  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(null, {});
    try {
      done(null, JSON.parse(body as string));
    } catch (error) {
      done(new WooHttpError(400, 'rest_invalid_json', 'Invalid JSON body passed.', { status: 400, json_error_code: 4, json_error_message: (error as Error).message }), undefined);
    }
  });
  // The webhook ping and some clients send form bodies; WordPress reads them as parameters.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.addHook('onRequest', async (request, reply) => {
    const retryAfter = deps.limiter.admit();
    if (retryAfter !== null) {
      return reply.code(429).header('Retry-After', String(retryAfter)).header('content-type', 'text/html').send('<html><body><h1>429 Too Many Requests</h1></body></html>');
    }
    const fault = deps.faults.before(target(request.method, request.url));
    if (fault?.kind === '5xx') return reply.code(fault.status ?? 502).header('content-type', 'text/html').send(HOST_ERROR_PAGE(fault.status ?? 502));
    if (fault?.kind === '429') return reply.code(429).header('Retry-After', String(fault.retryAfterSeconds ?? 1)).header('content-type', 'text/html').send('<html><body><h1>429 Too Many Requests</h1></body></html>');
    if (fault?.kind === 'timeout') {
      reply.hijack();
      const timer = setTimeout(() => {
        hanging.delete(timer);
        request.raw.socket.destroy();
      }, fault.hangMs ?? 30_000);
      hanging.add(timer);
      return reply;
    }
    if (!request.url.startsWith(`${NAMESPACE}/`)) return;
    const outcome = deps.auth.check({ method: request.method, url: request.url, host: request.headers.host ?? '', authorization: request.headers.authorization });
    if (outcome.ok) return;
    deps.stats.unauthorized++;
    const single = /\/\d+(\/notes|\/refunds)?\/\d+$|\/(orders|coupons)\/\d+$/.test(request.url.split('?')[0]!);
    const error = outcome.anonymous ? anonymousError(request.method, single) : outcome.error;
    return sendError(reply, new WooHttpError(401, error.code, error.message));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Robots-Tag', 'noindex').header('X-Content-Type-Options', 'nosniff');
    if (reply.statusCode < 400 && deps.faults.afterExecution(target(request.method, request.url))) {
      // The work is done (e.g. the refund exists), but the client never hears about it.
      request.raw.socket.destroy();
    }
    return payload;
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof WooHttpError) return sendError(reply, error);
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status < 500) return sendError(reply, new WooHttpError(status, 'rest_invalid_request', (error as Error).message));
    return sendError(reply, new WooHttpError(500, 'internal_server_error', '<p>There has been a critical error on this website.</p>'));
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, new WooHttpError(404, 'rest_no_route', 'No route was found matching the URL and request method.')));

  app.get('/wp-json/wc/v3', async () => ({ namespace: 'wc/v3', routes: {} }));
  registerOrderRoutes(app, deps.store);
  registerMoneyRoutes(app, deps.store);
  return app;
}
