// A local AfterShip Tracking API (2025-04): real HTTP, `as-api-key` auth, meta/data envelope,
// per-endpoint rate limits with x-ratelimit-* headers, and `tracking_update` webhooks signed with
// `aftership-hmac-sha256`, played from seeded journeys on a clock the test controls.
import { createHmac, randomBytes } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { ParcelStatus } from '../../src/connectors/tracking-status/index.ts';
import { planJourneys, seededRandom, type Journey, type PlanOptions } from './journeys.ts';
import { createRateLimiter } from './rate-limit.ts';
import { createWebhookSender, type WebhookChaos } from './webhook-sender.ts';
import { API_VERSION, MILESTONE_WIRE, detectSlug, renderTracking, slugOf, stepsAt, trackingId, type SimTracking } from './wire.ts';

export interface AfterShipSandboxOptions {
  port?: number;
  host?: string;
  apiKey?: string;
  webhookSecret?: string;
  webhookUrl?: string | null;
  /** one limit for every endpoint; by default the per-endpoint table of the docs */
  rateLimitPerSecond?: number;
  seed?: number;
  /** the simulated clock's start */
  now?: Date | string;
  /** AfterShip waits 2^retry × 30 s between attempts; tests shrink the 30 s */
  webhookRetryBaseMs?: number;
  /** parallel webhook lanes; one parcel's webhooks always share a lane, so they stay in order */
  webhookLanes?: number;
}

// Documented per-endpoint limits, requests per second (2024-07 onwards).
const LIMITS = { create: 20, list: 6, item: 5 } as const;
const BAD_JSON = Symbol('bad-json');
const TRACKING_NUMBER = /^[A-Za-z0-9\-._/]{4,100}$/;
const META_TYPES: Record<number, string> = { 400: 'BadRequest', 401: 'Unauthorized', 404: 'NotFound', 429: 'TooManyRequests' };

export async function startAfterShipSandbox(options: AfterShipSandboxOptions = {}) {
  const apiKey = options.apiKey ?? `asat_${randomBytes(16).toString('hex')}`;
  const webhookSecret = options.webhookSecret ?? randomBytes(24).toString('base64url');
  const random = seededRandom(options.seed ?? 1);
  let clock = new Date(options.now ?? Date.now());
  let webhookUrl = options.webhookUrl ?? null;
  const journeys = new Map<string, Journey>();
  const trackings = new Map<string, SimTracking>();
  const limiter = createRateLimiter();
  const base = options.webhookRetryBaseMs ?? 30_000;
  const sender = createWebhookSender({ attempts: 14, retryDelayMs: (retry) => 2 ** retry * base, random, lanes: options.webhookLanes ?? 1 });
  let requests = 0;

  const app = Fastify({ logger: false });
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    if (body === '') return done(null, {});
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(null, BAD_JSON);
    }
  });

  function fail(reply: FastifyReply, http: number, code: number, message: string) {
    return reply.code(http).send({ meta: { code, message, type: META_TYPES[http] ?? 'InternalError' }, data: {} });
  }
  const ok = (reply: FastifyReply, data: unknown, http = 200) => reply.code(http).send({ meta: { code: http, message: '', type: 'OK' }, data });

  app.addHook('onRequest', async (request, reply) => {
    requests++;
    if (request.headers['as-api-key'] !== apiKey) return fail(reply, 401, 401, 'Invalid API key.');
    const onCollection = request.url.split('?')[0]!.endsWith('/trackings');
    const kind = onCollection && request.method === 'POST' ? 'create' : onCollection && request.method === 'GET' ? 'list' : 'item';
    const decision = limiter.take(kind, options.rateLimitPerSecond ?? LIMITS[kind]);
    reply.header('x-ratelimit-limit', decision.limit).header('x-ratelimit-remaining', decision.remaining).header('x-ratelimit-reset', decision.resetUnix);
    if (!decision.allowed) {
      reply.header('retry-after', decision.retryAfterSeconds);
      return fail(reply, 429, 429, 'You have exceeded the API call rate limit. The default limit is 10 requests per second.');
    }
  });

  const prefix = `/tracking/${API_VERSION}`;
  const show = (t: SimTracking) => renderTracking(t, stepsAt(t, clock), clock);
  const byId = (request: FastifyRequest) => trackings.get((request.params as { id: string }).id);

  function addTracking(trackingNumber: string, slug: string | undefined, extra: { orderId?: string | null; title?: string | null } = {}) {
    const journey = journeys.get(trackingNumber) ?? null;
    const finalSlug = slug ?? (journey ? slugOf(journey.carrier) : detectSlug(trackingNumber));
    const id = trackingId(trackingNumber, finalSlug);
    if (trackings.has(id)) return { tracking: trackings.get(id)!, created: false };
    const tracking: SimTracking = {
      id, trackingNumber, slug: finalSlug, createdAt: clock, journey, retracks: 0, completed: null,
      // Checkpoints from before registration arrive as one catch-up webhook with the current state.
      emitted: journey ? Math.max(0, stepsAt({ journey } as SimTracking, clock) - 1) : 0, orderId: extra.orderId ?? null, title: extra.title ?? null,
    };
    trackings.set(id, tracking);
    return { tracking, created: true };
  }

  app.post(`${prefix}/trackings`, async (request, reply) => {
    const body = request.body as Record<string, unknown> | typeof BAD_JSON | undefined;
    if (body === BAD_JSON) return fail(reply, 400, 4001, 'Invalid JSON data.');
    const number = body?.tracking_number;
    if (typeof number !== 'string' || number === '') return fail(reply, 400, 4007, '`tracking_number` is required.');
    if (!TRACKING_NUMBER.test(number)) return fail(reply, 400, 4017, 'Tracking number format is invalid.');
    const slug = body?.slug;
    if (slug !== undefined && (typeof slug !== 'string' || !/^[a-z0-9-]+$/.test(slug))) return fail(reply, 400, 4010, 'The value of `slug` is invalid.');
    const { tracking, created } = addTracking(number, slug, { orderId: typeof body?.order_id === 'string' ? body.order_id : null, title: typeof body?.title === 'string' ? body.title : null });
    if (!created) return fail(reply, 400, 4003, `Tracking already exists. id: ${tracking.id}`);
    return ok(reply, show(tracking), 201);
  });

  app.get(`${prefix}/trackings`, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const numbers = query.tracking_numbers?.split(',').filter(Boolean);
    if (numbers && numbers.length > 50) return fail(reply, 400, 4008, 'The value of `tracking_numbers` is invalid: at most 50.');
    const limit = Math.min(200, Math.max(1, Number(query.limit ?? 100) || 100));
    const offset = query.cursor ? Number(Buffer.from(query.cursor, 'base64url').toString()) || 0 : 0;
    const matching = [...trackings.values()].filter((t) => (!numbers || numbers.includes(t.trackingNumber)) && (!query.slug || query.slug === t.slug));
    const page = matching.slice(offset, offset + limit);
    const hasNext = offset + limit < matching.length;
    return ok(reply, {
      pagination: { total: matching.length, next_cursor: hasNext ? Buffer.from(String(offset + limit)).toString('base64url') : null, has_next_page: hasNext },
      trackings: page.map(show),
    });
  });

  app.get(`${prefix}/trackings/:id`, async (request, reply) => {
    const tracking = byId(request);
    return tracking ? ok(reply, show(tracking)) : fail(reply, 404, 4004, 'Tracking does not exist.');
  });

  app.delete(`${prefix}/trackings/:id`, async (request, reply) => {
    const tracking = byId(request);
    if (!tracking) return fail(reply, 404, 4004, 'Tracking does not exist.');
    trackings.delete(tracking.id);
    return ok(reply, show(tracking));
  });

  app.post(`${prefix}/trackings/:id/retrack`, async (request, reply) => {
    const tracking = byId(request);
    if (!tracking) return fail(reply, 404, 4004, 'Tracking does not exist.');
    if (show(tracking).active) return fail(reply, 400, 4013, 'Retrack is not allowed. You can only retrack an inactive tracking.');
    if (tracking.retracks >= 3) return fail(reply, 400, 4016, 'Retrack is not allowed. Max 3 times per tracking.');
    tracking.retracks++;
    tracking.completed = null;
    return ok(reply, show(tracking));
  });

  app.post(`${prefix}/trackings/:id/mark-as-completed`, async (request, reply) => {
    const tracking = byId(request);
    if (!tracking) return fail(reply, 404, 4004, 'Tracking does not exist.');
    const reason = (request.body as { reason?: unknown } | undefined)?.reason;
    const outcome = { DELIVERED: ['Delivered', 'Delivered_001'], LOST: ['Exception', 'Exception_013'], RETURNED_TO_SENDER: ['Exception', 'Exception_011'] }[String(reason)];
    if (!outcome) return fail(reply, 400, 4008, 'The value of `reason` is invalid.');
    tracking.completed = { tag: outcome[0]!, subtag: outcome[1]!, at: clock };
    return ok(reply, show(tracking));
  });

  app.setNotFoundHandler((_request, reply) => fail(reply, 404, 404, 'The URI requested is invalid or the resource requested does not exist.'));

  function sign(body: string) {
    return createHmac('sha256', webhookSecret).update(body, 'utf8').digest('base64');
  }

  /** Moves the clock forward and sends one `tracking_update` per checkpoint reached, in time order. */
  function advanceTo(date: Date | string) {
    const target = new Date(date);
    if (target < clock) throw new Error('the sandbox clock only moves forward');
    clock = target;
    const due: { tracking: SimTracking; index: number; at: Date }[] = [];
    for (const tracking of trackings.values()) {
      const steps = tracking.journey?.steps ?? [];
      for (let index = tracking.emitted; index < steps.length && steps[index]!.at <= target; index++) due.push({ tracking, index, at: steps[index]!.at });
      tracking.emitted = stepsAt(tracking, target);
    }
    due.sort((a, b) => a.at.getTime() - b.at.getTime() || a.tracking.trackingNumber.localeCompare(b.tracking.trackingNumber));
    if (webhookUrl) {
      const url = webhookUrl;
      sender.enqueue(due.map(({ tracking, index, at }) => {
        const steps = tracking.journey!.steps;
        const tag = MILESTONE_WIRE[steps[index]!.milestone].tag;
        const body = JSON.stringify({
          event: 'tracking_update',
          event_id: eventId(tracking.id, index),
          is_tracking_first_tag: !steps.slice(0, index).some((s) => MILESTONE_WIRE[s.milestone].tag === tag),
          msg: renderTracking(tracking, index + 1, at),
          ts: Math.floor(at.getTime() / 1000),
        });
        return { url, body, lane: tracking.trackingNumber, headers: { 'content-type': 'application/json', 'aftership-hmac-sha256': sign(body), 'as-webhook-version': API_VERSION, 'user-agent': 'AfterShipTrackingWebhook/4.0.0' } };
      }));
    }
    return { webhooks: webhookUrl ? due.length : 0 };
  }

  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  return {
    url: address,
    apiKey,
    webhookSecret,
    /** plans journeys whose numbers the carrier knows; `register` also adds them to this account */
    playJourneys(plan: Omit<PlanOptions, 'taken'> & { register?: boolean }): Journey[] {
      const planned = planJourneys({ ...plan, seed: plan.seed ?? options.seed, startAt: plan.startAt ?? clock, taken: new Set(journeys.keys()) });
      for (const journey of planned) {
        journeys.set(journey.trackingNumber, journey);
        if (plan.register) addTracking(journey.trackingNumber, slugOf(journey.carrier));
      }
      return planned;
    },
    advanceTo,
    advanceBy: (ms: number) => advanceTo(new Date(clock.getTime() + ms)),
    now: () => new Date(clock),
    journey: (trackingNumber: string) => journeys.get(trackingNumber) ?? null,
    expectedFinalStatus(trackingNumber: string): ParcelStatus {
      const journey = journeys.get(trackingNumber);
      if (!journey) throw new Error(`no journey was played for ${trackingNumber}`);
      return journey.expectedFinalStatus;
    },
    setWebhookUrl: (url: string | null) => void (webhookUrl = url),
    setWebhookChaos: (chaos: WebhookChaos) => sender.setChaos(chaos),
    flushWebhooks: () => sender.idle(),
    stats: () => ({ requests, throttled: limiter.throttled, trackings: trackings.size, webhooks: sender.stats() }),
    async close() {
      sender.close();
      await app.close();
    },
  };
}

export type AfterShipSandbox = Awaited<ReturnType<typeof startAfterShipSandbox>>;

function eventId(id: string, index: number): string {
  // A UUID-shaped id that is the same on every run and on every retry of the same event.
  const hex = createHmac('sha256', 'event').update(`${id}:${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
