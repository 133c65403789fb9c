// A local AliExpress Open Platform for dropshippers: the /sync business gateway (signed system
// parameters, session = access token) and the /rest OAuth token calls, on a clock the test moves.
import { createHmac, randomBytes } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { defaultCatalogue, type SimProduct } from './catalogue.ts';
import { createOrderBook, type OrderStep, type SimOrder, type StepOptions } from './orders.ts';
import { createPushSender, type PushOptions } from './push.ts';
import { handleSync, type SyncContext } from './sync.ts';
import { GATEWAY, missingParameter, type GatewayError } from './wire.ts';

export interface AliExpressSandboxOptions {
  port?: number;
  host?: string;
  appKey?: string;
  appSecret?: string;
  /** access-token life; test apps get one day */
  tokenTtlSeconds?: number;
  /** refresh-token life, fixed at creation (a refresh does not extend it) */
  refreshTtlSeconds?: number;
  seed?: number;
  now?: Date | string;
}

export type FaultKind = 'http500' | 'http502' | 'http503' | 'timeout' | 'lost-response';
export interface Fault { kind: FaultKind; method?: string; times?: number }

interface SimToken { accessToken: string; refreshToken: string; userId: string; account: string; expiresAt: number; refreshExpiresAt: number }

const SKEW_MS = 10 * 60_000;
const HANG_MS = 60_000;

/** The platform's own signature check, written apart from the connector's signer on purpose. */
function expectedSign(params: Record<string, string>, secret: string, apiPath: string) {
  const text = Object.keys(params).filter((k) => k !== 'sign').sort().reduce((s, k) => s + k + params[k], apiPath);
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex').toUpperCase();
}

function parseTimestamp(value: string | undefined): number | null {
  if (!value) return null;
  if (/^\d{13}$/.test(value)) return Number(value);
  if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(value)) return Date.parse(`${value.replace(' ', 'T')}+08:00`);
  return null;
}

function seededRandom(seed: number) {
  let state = seed >>> 0 || 1;
  return () => ((state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
}

export async function startAliExpressSandbox(options: AliExpressSandboxOptions = {}) {
  const appKey = options.appKey ?? String(500_000 + Math.floor(Math.random() * 99_999));
  const appSecret = options.appSecret ?? randomBytes(16).toString('hex');
  const tokenTtlMs = (options.tokenTtlSeconds ?? 86_400) * 1000;
  const refreshTtlMs = (options.refreshTtlSeconds ?? 2 * 86_400) * 1000;
  const random = seededRandom(options.seed ?? 1);
  let clock = options.now ? new Date(options.now).getTime() : Date.now();
  const now = () => clock;

  let catalogue = new Map<string, SimProduct>(defaultCatalogue().map((p) => [p.productId, p]));
  const tokens = new Map<string, SimToken>();
  const refreshTokens = new Map<string, SimToken>();
  const authCodes = new Map<string, { userId: string; account: string; expiresAt: number }>();
  const faults: Required<Fault>[] = [];
  const calls: { method: string; at: number }[] = [];
  const hanging = new Set<() => void>();
  const push = createPushSender({ appKey, appSecret, now });
  const book = createOrderBook({
    now, random, catalogue: () => catalogue,
    onEvent: (order: SimOrder, event: string) => push.send({ orderId: order.orderId, buyerId: order.buyerUserId, sellerId: order.product.seller.sellerId, orderStatus: event }),
  });

  function issueToken(userId: string, account: string): SimToken {
    const token: SimToken = {
      accessToken: `50000${randomBytes(20).toString('hex')}`, refreshToken: `50001${randomBytes(20).toString('hex')}`,
      userId, account, expiresAt: clock + tokenTtlMs, refreshExpiresAt: clock + refreshTtlMs,
    };
    tokens.set(token.accessToken, token);
    refreshTokens.set(token.refreshToken, token);
    return token;
  }

  const app = Fastify({ logger: false, forceCloseConnections: true });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, body === '' ? {} : JSON.parse(body as string));
    } catch {
      done(null, {});
    }
  });

  const paramsOf = (request: FastifyRequest): Record<string, string> => {
    const merged = { ...(request.query as Record<string, unknown>), ...((request.body as Record<string, unknown>) ?? {}) };
    return Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  };
  const requestId = () => randomBytes(8).toString('hex');
  const syncError = (reply: FastifyReply, error: GatewayError) => reply.send({ error_response: { ...error, request_id: requestId() } });
  // /rest (GOP) answers errors flat, without the error_response wrapper.
  const restError = (reply: FastifyReply, error: GatewayError) => reply.send({ type: error.type, code: error.code, message: error.msg, request_id: requestId() });

  /** Applies an injected fault; returns true when the request was answered (or hung) by it. */
  async function applyFault(method: string, reply: FastifyReply): Promise<'handled' | 'lose-response' | null> {
    const fault = faults.find((f) => f.times > 0 && (f.method === '*' || f.method === method));
    if (!fault) return null;
    fault.times--;
    if (fault.kind === 'lost-response') return 'lose-response';
    if (fault.kind === 'timeout') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, HANG_MS);
        hanging.add(() => { clearTimeout(timer); resolve(); });
      });
      reply.code(504).send('Gateway Timeout');
      return 'handled';
    }
    const status = Number(fault.kind.slice(4));
    reply.code(status).header('content-type', 'text/html').send(`<html><body><h1>${status} Server Error</h1></body></html>`);
    return 'handled';
  }

  /** System parameters and signature, shared by /sync and /rest; returns the refusal or null. */
  function checkSystemParams(params: Record<string, string>, apiPath: string): GatewayError | null {
    if (params.app_key !== appKey) return GATEWAY.invalidAppKey;
    if (!params.sign) return GATEWAY.incompleteSignature;
    if ((params.sign_method ?? 'sha256').toLowerCase() !== 'sha256') return GATEWAY.invalidSignMethod;
    if (expectedSign(params, appSecret, apiPath) !== params.sign.toUpperCase()) return GATEWAY.incompleteSignature;
    const timestamp = parseTimestamp(params.timestamp);
    if (timestamp === null || Math.abs(timestamp - clock) > SKEW_MS) return GATEWAY.invalidTimestamp;
    return null;
  }

  const context: SyncContext = { book, catalogue: () => catalogue, requestId };

  app.all('/sync', async (request, reply) => {
    const params = paramsOf(request);
    const method = params.method ?? '';
    calls.push({ method: method || '(none)', at: clock });
    const fault = await applyFault(method, reply);
    if (fault === 'handled') return reply;
    if (!method) return syncError(reply, missingParameter('method'));
    const refusal = checkSystemParams(params, '');
    if (refusal) return syncError(reply, refusal);
    const token = tokens.get(params.session ?? params.access_token ?? '');
    if (!token || token.expiresAt <= clock) return syncError(reply, GATEWAY.illegalAccessToken);
    const body = handleSync(context, method, params, token.userId);
    if (fault === 'lose-response') return reply.code(502).send('Bad Gateway');
    return body.error ? syncError(reply, body.error) : reply.send(body.ok);
  });

  app.all('/rest/auth/token/:action', async (request, reply) => {
    const action = (request.params as { action: string }).action;
    const apiPath = `/auth/token/${action}`;
    const params = paramsOf(request);
    calls.push({ method: apiPath, at: clock });
    const fault = await applyFault(apiPath, reply);
    if (fault === 'handled') return reply;
    const refusal = checkSystemParams(params, apiPath);
    if (refusal) return restError(reply, refusal);
    let token: SimToken;
    if (action === 'create') {
      const grant = authCodes.get(params.code ?? '');
      if (!params.code) return restError(reply, missingParameter('code'));
      if (!grant || grant.expiresAt <= clock) return restError(reply, { type: 'ISV', code: 'InvalidCode', msg: 'The authorization code is invalid or expired' });
      authCodes.delete(params.code);
      token = issueToken(grant.userId, grant.account);
    } else if (action === 'refresh') {
      const previous = refreshTokens.get(params.refresh_token ?? '');
      if (!params.refresh_token) return restError(reply, missingParameter('refresh_token'));
      if (!previous || previous.refreshExpiresAt <= clock) return restError(reply, { type: 'ISV', code: 'IllegalRefreshToken', msg: 'The specified refresh token is invalid or expired' });
      // A new access token; the refresh token and its expiry stay as they were.
      token = { ...previous, accessToken: `50000${randomBytes(20).toString('hex')}`, expiresAt: clock + tokenTtlMs };
      tokens.set(token.accessToken, token);
      refreshTokens.set(token.refreshToken, token);
    } else {
      return restError(reply, GATEWAY.invalidApiPath);
    }
    if (fault === 'lose-response') return reply.code(502).send('Bad Gateway');
    return reply.send({
      access_token: token.accessToken, refresh_token: token.refreshToken,
      expire_time: token.expiresAt, refresh_token_valid_time: token.refreshExpiresAt,
      expires_in: Math.round((token.expiresAt - clock) / 1000), refresh_expires_in: Math.round((token.refreshExpiresAt - clock) / 1000),
      user_id: token.userId, seller_id: token.userId, account: token.account, account_platform: 'buyerApp', sp: 'ae', locale: 'en_US',
      code: '0', request_id: requestId(),
    });
  });

  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });

  return {
    url: address,
    appKey,
    appSecret,
    now: () => new Date(clock),
    setNow(date: Date | string) { clock = new Date(date).getTime(); },
    advance(ms: number) { clock += ms; },

    // --- OAuth
    /** An authorization code as the consent page would hand it to the callback (valid 30 min, single use). */
    issueAuthCode(user: { userId?: string; account?: string } = {}) {
      const code = `3_${appKey}_${randomBytes(12).toString('hex')}`;
      authCodes.set(code, { userId: user.userId ?? '2000000001', account: user.account ?? 'buyer@example.com', expiresAt: clock + 30 * 60_000 });
      return code;
    },
    /** A ready access token, skipping the consent dance. */
    issueAccessToken(user: { userId?: string; account?: string } = {}) {
      const t = issueToken(user.userId ?? '2000000001', user.account ?? 'buyer@example.com');
      return { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: new Date(t.expiresAt), userId: t.userId };
    },

    // --- catalogue and orders
    setCatalogue(products: SimProduct[]) { catalogue = new Map(products.map((p) => [p.productId, structuredClone(p)])); },
    catalogue: () => [...catalogue.values()],
    orders: () => [...book.orders.values()],
    order: (orderId: string) => book.get(orderId),
    advanceOrder: (orderId: string, step: OrderStep, stepOptions?: StepOptions) => book.advance(orderId, step, stepOptions),
    setOrderStatus: book.setStatus,
    addTrackingEvent: book.addTrackingEvent,

    // --- pushes
    setPushUrl: push.setUrl,
    setPushFaults: (faultOptions: PushOptions) => push.setFaults(faultOptions),
    pushOrderStatus(orderId: string, orderStatus: string) {
      const order = book.mustGet(orderId);
      push.send({ orderId, buyerId: order.buyerUserId, sellerId: order.product.seller.sellerId, orderStatus });
    },
    pushes: () => [...push.log],
    flushPushes: push.flush,

    // --- faults and inspection
    /** Fails the next `times` calls of `method` (or of every method when omitted). */
    injectFault(fault: Fault) { faults.push({ method: fault.method ?? '*', kind: fault.kind, times: fault.times ?? 1 }); },
    clearFaults() { faults.length = 0; },
    calls: (method?: string) => calls.filter((c) => method === undefined || c.method === method).length,
    callLog: () => [...calls],

    async close() {
      for (const release of hanging) release();
      await push.flush();
      await app.close();
    },
  };
}

export type AliExpressSandbox = Awaited<ReturnType<typeof startAliExpressSandbox>>;
