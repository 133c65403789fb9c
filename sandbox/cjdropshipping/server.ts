// A local CJdropshipping API 2.0: `CJ-Access-Token` auth from getAccessToken (email + apiKey,
// once per 5 minutes), the {code, result, message, data, requestId} envelope, a per-user QPS
// limit, order list/detail and the dispute endpoints, on a clock the test moves.
import { randomBytes, randomUUID } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { CJ_ERRORS, DISPUTE_REASONS, createCjStore, type CjOrderStatus, type CjRefusal, type CjSimDispute, type CjSimOrder } from './store.ts';

export interface CjSandboxOptions {
  port?: number;
  host?: string;
  email?: string;
  apiKey?: string;
  /** requests per second per user; CJ gives free accounts 1 */
  qps?: number;
  accessTokenTtlSeconds?: number;
  seed?: number;
  now?: Date | string;
}

export type CjFaultKind = 'http500' | 'http502' | 'http503' | 'timeout' | 'lost-response';

const PREFIX = '/api2.0/v1';
const LOGIN_INTERVAL_MS = 5 * 60_000;
const dollars = (minor: number) => Math.round(minor) / 100;
const cjTime = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
const isoPlus8 = (ms: number) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

export async function startCjSandbox(options: CjSandboxOptions = {}) {
  const email = options.email ?? 'merchant@example.com';
  const apiKey = options.apiKey ?? `CJ${randomBytes(4).toString('hex')}@api@${randomBytes(16).toString('hex')}`;
  const accessTtlMs = (options.accessTokenTtlSeconds ?? 15 * 86_400) * 1000;
  let qps = options.qps ?? 1;
  let clock = options.now ? new Date(options.now).getTime() : Date.now();
  let seed = options.seed ?? 1;
  const store = createCjStore({ now: () => clock, random: () => ((seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32) });
  const tokens = new Map<string, { expiresAt: number }>();
  const refreshTokens = new Map<string, { expiresAt: number }>();
  let lastLoginAt = -Infinity;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const faults: { path: string; kind: CjFaultKind; times: number }[] = [];
  const calls: { path: string; at: number; code: number }[] = [];
  const hanging = new Set<() => void>();

  const app = Fastify({ logger: false, forceCloseConnections: true });
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, body === '' ? {} : JSON.parse(body as string));
    } catch {
      done(null, null);
    }
  });

  function send(reply: FastifyReply, path: string, data: unknown, refusal?: CjRefusal, http = 200) {
    const code = refusal ? refusal[0] : 200;
    calls.push({ path, at: clock, code });
    return reply.code(http).send({ code, result: !refusal, message: refusal ? refusal[1] : 'Success', data: refusal ? null : data, requestId: randomUUID(), success: !refusal });
  }

  function issue() {
    const access = randomBytes(16).toString('hex');
    const refresh = randomBytes(16).toString('hex');
    tokens.set(access, { expiresAt: clock + accessTtlMs });
    refreshTokens.set(refresh, { expiresAt: clock + 180 * 86_400_000 });
    return {
      openId: 123456789, accessToken: access, accessTokenExpiryDate: isoPlus8(clock + accessTtlMs),
      refreshToken: refresh, refreshTokenExpiryDate: isoPlus8(clock + 180 * 86_400_000), createDate: isoPlus8(clock),
    };
  }

  /** Token bucket on real time: QPS is about wall-clock bursts, not the simulated calendar. */
  function allow(key: string): boolean {
    const t = performance.now();
    const bucket = buckets.get(key) ?? { tokens: qps, at: t };
    bucket.tokens = Math.min(qps, bucket.tokens + ((t - bucket.at) / 1000) * qps);
    bucket.at = t;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  const renderOrder = (o: CjSimOrder) => {
    const productMinor = o.lines.reduce((n, l) => n + l.unitPriceMinor * l.quantity, 0);
    return {
      orderId: o.orderId, orderNum: o.orderNum, cjOrderId: o.orderId, shippingCountryCode: o.countryCode, orderStatus: o.status,
      logisticName: o.logisticName, trackNumber: o.trackNumber, productAmount: dollars(productMinor), postageAmount: dollars(o.postageMinor),
      orderAmount: dollars(productMinor + o.postageMinor), createDate: cjTime(o.createdAt), paymentDate: o.paidAt === null ? null : cjTime(o.paidAt),
      productList: o.lines.map((l) => ({ lineItemId: l.lineItemId, vid: l.variantId, sku: l.sku, productName: l.name, quantity: l.quantity, sellPrice: dollars(l.unitPriceMinor) })),
    };
  };
  const renderDispute = (d: CjSimDispute) => ({
    id: d.id, disputeId: d.id, orderId: d.orderId, orderNumber: store.orders.get(d.orderId)?.orderNum ?? null, businessDisputeId: d.businessDisputeId,
    status: d.status, disputeReasonId: d.reasonId, disputeReason: DISPUTE_REASONS.find((r) => r.disputeReasonId === d.reasonId)?.reasonName ?? '',
    expectType: d.expectType, refundType: d.refundType, money: dollars(d.amountMinor), refundAmount: dollars(d.refundedMinor),
    finallyDeal: d.finallyDeal, resendOrderCode: d.resendOrderCode, messageText: d.message, imageUrl: d.imageUrls, videoUrl: d.videoUrls,
    productInfoList: d.lines, replyList: d.replies.map((r) => ({ from: r.from, content: r.text, createDate: cjTime(r.at) })),
    createDate: cjTime(d.createdAt), updateDate: cjTime(d.updatedAt),
  });
  const page = <T>(items: T[], query: Record<string, string>) => {
    const pageNum = Math.max(1, Number(query.pageNum ?? 1));
    const pageSize = Math.min(100, Math.max(1, Number(query.pageSize ?? 20)));
    return { pageNum, pageSize, total: items.length, list: items.slice((pageNum - 1) * pageSize, pageNum * pageSize) };
  };

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0]!.slice(PREFIX.length);
    const fault = faults.find((f) => f.times > 0 && (f.path === '*' || f.path === path));
    if (fault) {
      fault.times--;
      if (fault.kind === 'lost-response') (request as { loseResponse?: boolean }).loseResponse = true;
      else if (fault.kind === 'timeout') {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 60_000);
          hanging.add(() => { clearTimeout(timer); resolve(); });
        });
        return reply.code(504).send('Gateway Timeout');
      } else return reply.code(Number(fault.kind.slice(4))).send('Server Error');
    }
    if (path.startsWith('/authentication/')) return;
    const token = request.headers['cj-access-token'];
    if (typeof token !== 'string' || token === '') return send(reply, path, null, [1600002, 'access token cannot be empty']);
    const known = tokens.get(token);
    if (!known || known.expiresAt <= clock) return send(reply, path, null, [1600001, 'Invalid API key or access token']);
    if (!allow(token)) return send(reply, path, null, [1600200, `Too Many Requests, QPS limit is ${qps} time/1second`], 429);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if ((request as { loseResponse?: boolean }).loseResponse) { reply.code(502); return 'Bad Gateway'; }
    return payload;
  });

  const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
  const query = (request: FastifyRequest) => request.query as Record<string, string>;

  app.post(`${PREFIX}/authentication/getAccessToken`, async (request, reply) => {
    const b = body(request);
    if (b.email !== email || b.apiKey !== apiKey) return send(reply, '/authentication/getAccessToken', null, [1600001, 'Invalid API key or access token']);
    if (clock - lastLoginAt < LOGIN_INTERVAL_MS) return send(reply, '/authentication/getAccessToken', null, [1600200, 'Too Many Requests, getAccessToken can be called once every 5 minutes'], 429);
    lastLoginAt = clock;
    return send(reply, '/authentication/getAccessToken', issue());
  });
  app.post(`${PREFIX}/authentication/refreshAccessToken`, async (request, reply) => {
    const known = refreshTokens.get(String(body(request).refreshToken ?? ''));
    if (!known || known.expiresAt <= clock) return send(reply, '/authentication/refreshAccessToken', null, [1600003, 'Invalid Refresh token']);
    return send(reply, '/authentication/refreshAccessToken', issue());
  });

  app.get(`${PREFIX}/shopping/order/list`, async (request, reply) => {
    const q = query(request);
    const ids = q.orderIds ? new Set(q.orderIds.split(',')) : null;
    const items = [...store.orders.values()].filter((o) => (!ids || ids.has(o.orderId)) && (!q.status || o.status === q.status));
    return send(reply, '/shopping/order/list', page(items.map(renderOrder), q));
  });
  app.get(`${PREFIX}/shopping/order/getOrderDetail`, async (request, reply) => {
    const order = store.orders.get(query(request).orderId ?? '');
    return order ? send(reply, '/shopping/order/getOrderDetail', renderOrder(order)) : send(reply, '/shopping/order/getOrderDetail', null, CJ_ERRORS.orderNotFound);
  });

  app.get(`${PREFIX}/disputes/disputeProducts`, async (request, reply) => {
    const order = store.orders.get(query(request).orderId ?? '');
    if (!order) return send(reply, '/disputes/disputeProducts', null, CJ_ERRORS.orderNotFound);
    return send(reply, '/disputes/disputeProducts', {
      orderId: order.orderId, orderNumber: order.orderNum,
      productInfoList: order.lines.map((l) => ({
        lineItemId: l.lineItemId, cjProductId: l.productId, cjVariantId: l.variantId, canChoose: !store.openOn(order.orderId, l.lineItemId),
        price: dollars(l.unitPriceMinor), quantity: l.quantity, cjProductName: l.name, cjImage: `https://cf.cjdropshipping.com/${l.variantId}.jpg`, sku: l.sku, supplierName: l.supplierName,
      })),
    });
  });
  app.post(`${PREFIX}/disputes/disputeConfirmInfo`, async (request, reply) => {
    const b = body(request);
    const confirmed = store.confirm(b.orderId as string | undefined, b.productInfoList as never);
    if ('refusal' in confirmed) return send(reply, '/disputes/disputeConfirmInfo', null, confirmed.refusal);
    return send(reply, '/disputes/disputeConfirmInfo', {
      orderId: confirmed.order.orderId, orderNumber: confirmed.order.orderNum, maxProductPrice: dollars(confirmed.productMinor),
      maxPostage: dollars(confirmed.order.postageMinor), maxAmount: dollars(confirmed.maxMinor), expectResultOptionList: ['1', '2'], disputeReasonList: DISPUTE_REASONS,
      productInfoList: confirmed.lines.map(({ line, quantity }) => ({ lineItemId: line.lineItemId, quantity, price: dollars(line.unitPriceMinor), cjProductName: line.name, sku: line.sku })),
    });
  });
  app.post(`${PREFIX}/disputes/create`, async (request, reply) => {
    const created = store.create(body(request));
    return 'refusal' in created ? send(reply, '/disputes/create', null, created.refusal) : send(reply, '/disputes/create', true);
  });
  app.post(`${PREFIX}/disputes/cancel`, async (request, reply) => {
    const b = body(request);
    const refusal = store.cancel(b.orderId as string | undefined, b.disputeId as string | undefined);
    return send(reply, '/disputes/cancel', refusal ? null : true, refusal ?? undefined);
  });
  app.get(`${PREFIX}/disputes/getDisputeList`, async (request, reply) => {
    const q = query(request);
    const items = [...store.disputes.values()].reverse()
      .filter((d) => (!q.orderId || d.orderId === q.orderId) && (!q.disputeId || d.id === q.disputeId) && (!q.orderNumber || store.orders.get(d.orderId)?.orderNum === q.orderNumber))
      .sort((a, b) => b.createdAt - a.createdAt);
    return send(reply, '/disputes/getDisputeList', page(items.map(renderDispute), q));
  });
  app.get(`${PREFIX}/disputes/getDisputeDetail`, async (request, reply) => {
    const dispute = store.disputes.get(query(request).disputeId ?? '');
    return dispute ? send(reply, '/disputes/getDisputeDetail', renderDispute(dispute)) : send(reply, '/disputes/getDisputeDetail', null, CJ_ERRORS.disputeNotFound);
  });

  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });

  return {
    url: address,
    baseUrl: `${address}${PREFIX}`,
    email,
    apiKey,
    now: () => new Date(clock),
    setNow(date: Date | string) { clock = new Date(date).getTime(); },
    advance(ms: number) { clock += ms; },
    setQps(next: number) { qps = next; buckets.clear(); },
    /** A token without the once-per-5-minutes login. */
    issueAccessToken: () => issue().accessToken,
    addOrder: store.addOrder,
    order: (orderId: string) => store.orders.get(orderId) ?? null,
    setOrderStatus: (orderId: string, status: CjOrderStatus, extra?: { trackNumber?: string }) => store.setOrderStatus(orderId, status, extra),
    disputes: () => [...store.disputes.values()],
    moveDispute: store.moveDispute,
    injectFault(fault: { path?: string; kind: CjFaultKind; times?: number }) { faults.push({ path: fault.path ?? '*', kind: fault.kind, times: fault.times ?? 1 }); },
    clearFaults() { faults.length = 0; },
    calls: (path?: string) => calls.filter((c) => path === undefined || c.path === path),
    async close() {
      for (const release of hanging) release();
      await app.close();
    },
  };
}

export type CjSandbox = Awaited<ReturnType<typeof startCjSandbox>>;
