// A local 17TRACK Tracking API (v2.2): POST-only JSON endpoints behind the `17token` header,
// {code, data:{accepted, rejected}} envelopes, 40 numbers per call (-18010014), a per-key request
// rate (429), and TRACKING_UPDATED webhooks signed `sign` = sha256(body + "/" + key), played from
// the same seeded journeys as the AfterShip sandbox on a clock the test controls.
import { createHash, randomBytes } from 'node:crypto';
import Fastify, { type FastifyReply } from 'fastify';
import type { ParcelStatus } from '../../src/connectors/tracking-status/index.ts';
import { createRateLimiter, createWebhookSender, planJourneys, seededRandom, type Journey, type PlanOptions, type WebhookChaos } from '../aftership/index.ts';
import { API_VERSION, CARRIERS, detectCarrier, renderItem, stepsAt, type SimNumber } from './wire.ts';

export interface SeventeenTrackSandboxOptions {
  port?: number;
  host?: string;
  apiKey?: string;
  /** 17TRACK signs pushes with the account's API key; a different key can be set here */
  webhookSecret?: string;
  webhookUrl?: string | null;
  /** per key; 3/s is the commonly cited limit (not in the official text) */
  rateLimitPerSecond?: number;
  seed?: number;
  now?: Date | string;
  webhookRetryBaseMs?: number;
}

const BATCH_LIMIT = 40;
const NUMBER_FORMAT = /^[A-Za-z0-9]{5,50}$/;
const ERR = {
  invalidKey: -18010002, missingData: -18010010, badNumber: -18010012, badBody: -18010013, tooMany: -18010014,
  badField: -18010015, already: -18019901, notRegistered: -18019902, noCarrier: -18019903, notStopped: -18019904,
} as const;

type Item = { number?: unknown; carrier?: unknown; tag?: unknown };
type Rejected = { number: string; error: { code: number; message: string } };

export async function start17TrackSandbox(options: SeventeenTrackSandboxOptions = {}) {
  const apiKey = options.apiKey ?? randomBytes(16).toString('hex').toUpperCase();
  const webhookSecret = options.webhookSecret ?? apiKey;
  const random = seededRandom(options.seed ?? 1);
  let clock = new Date(options.now ?? Date.now());
  let webhookUrl = options.webhookUrl ?? null;
  const journeys = new Map<string, Journey>();
  const numbers = new Map<string, SimNumber>();
  const limiter = createRateLimiter();
  const base = options.webhookRetryBaseMs ?? 60_000;
  const sender = createWebhookSender({ attempts: 6, retryDelayMs: (retry) => 2 ** retry * base, random });
  let requests = 0;
  let quotaUsed = 0;

  const app = Fastify({ logger: false });
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, body === '' ? null : JSON.parse(body as string));
    } catch {
      done(null, undefined);
    }
  });
  const fail = (reply: FastifyReply, http: number, code: number, message: string) => reply.code(http).send({ code, data: { errors: [{ code, message }] } });
  const batch = (accepted: unknown[], rejected: Rejected[]) => ({ code: 0, data: { accepted, rejected } });
  const reject = (number: string, code: number, message: string): Rejected => ({ number, error: { code, message } });

  app.addHook('onRequest', async (request, reply) => {
    requests++;
    if (request.headers['17token'] !== apiKey) return fail(reply, 401, ERR.invalidKey, 'The security key is invalid.');
    if (!limiter.take(apiKey, options.rateLimitPerSecond ?? 3).allowed) {
      reply.header('retry-after', 1);
      return fail(reply, 429, 429, 'Too many requests.');
    }
  });

  /** Every batch endpoint takes a JSON array of at most 40 items. */
  function items(body: unknown, reply: FastifyReply): Item[] | null {
    const problem: [number, string] | null = !Array.isArray(body)
      ? [ERR.badBody, 'The request body must be a JSON array.']
      : body.length === 0
        ? [ERR.missingData, 'The request data is empty.']
        : body.length > BATCH_LIMIT
          ? [ERR.tooMany, `The submitted data exceeds the limit of ${BATCH_LIMIT} items.`]
          : null;
    if (!problem) return body as Item[];
    fail(reply, 200, ...problem);
    return null;
  }
  const show = (item: SimNumber) => renderItem(item, stepsAt(item.journey, clock), clock);

  function register(number: string, carrier: number, tag: string | null) {
    const journey = journeys.get(number) ?? null;
    // Checkpoints from before registration arrive as one catch-up push with the current state.
    const entry: SimNumber = { number, carrier, journey, registeredAt: clock, stopped: false, tag, emitted: Math.max(0, stepsAt(journey, clock) - 1) };
    numbers.set(number, entry);
    quotaUsed++;
    return entry;
  }

  const prefix = `/track/${API_VERSION}`;
  app.post(`${prefix}/register`, async (request, reply) => {
    const list = items(request.body, reply);
    if (!list) return;
    const accepted: unknown[] = [];
    const rejected: Rejected[] = [];
    for (const item of list) {
      const number = typeof item.number === 'string' ? item.number : '';
      if (!number) rejected.push(reject(number, ERR.missingData, "The field 'number' is required."));
      else if (!NUMBER_FORMAT.test(number)) rejected.push(reject(number, ERR.badNumber, `The format of '${number}' is invalid.`));
      else if (item.carrier !== undefined && item.carrier !== null && !Number.isInteger(item.carrier)) rejected.push(reject(number, ERR.badField, "The field 'carrier' is invalid."));
      else if (numbers.has(number)) rejected.push(reject(number, ERR.already, `The tracking number '${number}' has been registered.`));
      else {
        const journey = journeys.get(number);
        const carrier = (item.carrier as number | undefined) ?? (journey ? CARRIERS[journey.carrier].code : detectCarrier(number));
        if (!carrier) rejected.push(reject(number, ERR.noCarrier, 'The carrier cannot be detected.'));
        else {
          register(number, carrier, typeof item.tag === 'string' ? item.tag : null);
          accepted.push({ origin: 1, number, carrier });
        }
      }
    }
    return batch(accepted, rejected);
  });

  function perNumber(path: string, act: (entry: SimNumber) => unknown | Rejected) {
    app.post(`${prefix}/${path}`, async (request, reply) => {
      const list = items(request.body, reply);
      if (!list) return;
      const accepted: unknown[] = [];
      const rejected: Rejected[] = [];
      for (const item of list) {
        const number = typeof item.number === 'string' ? item.number : '';
        const entry = numbers.get(number);
        if (!entry) {
          rejected.push(reject(number, ERR.notRegistered, `The tracking number '${number}' does not register, please register first.`));
          continue;
        }
        const outcome = act(entry);
        if (outcome && typeof outcome === 'object' && 'error' in outcome) rejected.push(outcome as Rejected);
        else accepted.push(outcome);
      }
      return batch(accepted, rejected);
    });
  }
  perNumber('gettrackinfo', show);
  perNumber('stoptrack', (entry) => {
    entry.stopped = true;
    if (webhookUrl) sender.enqueue([push('TRACKING_STOPPED', show(entry))]);
    return { number: entry.number, carrier: entry.carrier };
  });
  perNumber('retrack', (entry) => {
    if (!entry.stopped) return reject(entry.number, ERR.notStopped, 'Only stopped numbers can be retracked.');
    entry.stopped = false;
    return { number: entry.number, carrier: entry.carrier };
  });
  perNumber('deletetrack', (entry) => {
    numbers.delete(entry.number);
    return { number: entry.number, carrier: entry.carrier };
  });
  app.post(`${prefix}/getquota`, async () => ({
    code: 0,
    data: { quota_total: 1_000_000, quota_used: quotaUsed, quota_remain: 1_000_000 - quotaUsed, today_used: quotaUsed, max_track_daily: 100_000 },
  }));
  app.setNotFoundHandler((_request, reply) => fail(reply, 404, 404, 'Not found.'));

  function push(event: 'TRACKING_UPDATED' | 'TRACKING_STOPPED', data: unknown) {
    const body = JSON.stringify({ event, data });
    const sign = createHash('sha256').update(`${body}/${webhookSecret}`, 'utf8').digest('hex');
    return { url: webhookUrl!, body, headers: { 'content-type': 'application/json', sign } };
  }

  /** Moves the clock forward and pushes one TRACKING_UPDATED per event reached, in time order. */
  function advanceTo(date: Date | string) {
    const target = new Date(date);
    if (target < clock) throw new Error('the sandbox clock only moves forward');
    clock = target;
    const due: { entry: SimNumber; index: number; at: Date }[] = [];
    for (const entry of numbers.values()) {
      const steps = entry.journey?.steps ?? [];
      if (!entry.stopped) for (let index = entry.emitted; index < steps.length && steps[index]!.at <= target; index++) due.push({ entry, index, at: steps[index]!.at });
      entry.emitted = stepsAt(entry.journey, target);
    }
    due.sort((a, b) => a.at.getTime() - b.at.getTime() || a.entry.number.localeCompare(b.entry.number));
    if (webhookUrl) sender.enqueue(due.map(({ entry, index, at }) => push('TRACKING_UPDATED', renderItem(entry, index + 1, at))));
    return { webhooks: webhookUrl ? due.length : 0 };
  }

  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  return {
    url: address,
    apiKey,
    webhookSecret,
    playJourneys(plan: Omit<PlanOptions, 'taken'> & { register?: boolean }): Journey[] {
      const planned = planJourneys({ ...plan, seed: plan.seed ?? options.seed, startAt: plan.startAt ?? clock, taken: new Set(journeys.keys()) });
      for (const journey of planned) {
        journeys.set(journey.trackingNumber, journey);
        if (plan.register && !numbers.has(journey.trackingNumber)) register(journey.trackingNumber, CARRIERS[journey.carrier].code, null);
      }
      return planned;
    },
    advanceTo,
    advanceBy: (ms: number) => advanceTo(new Date(clock.getTime() + ms)),
    now: () => new Date(clock),
    journey: (number: string) => journeys.get(number) ?? null,
    expectedFinalStatus(number: string): ParcelStatus {
      const journey = journeys.get(number);
      if (!journey) throw new Error(`no journey was played for ${number}`);
      return journey.expectedFinalStatus;
    },
    setWebhookUrl: (url: string | null) => void (webhookUrl = url),
    setWebhookChaos: (chaos: WebhookChaos) => sender.setChaos(chaos),
    flushWebhooks: () => sender.idle(),
    stats: () => ({ requests, throttled: limiter.throttled, numbers: numbers.size, quotaUsed, webhooks: sender.stats() }),
    async close() {
      sender.close();
      await app.close();
    },
  };
}

export type SeventeenTrackSandbox = Awaited<ReturnType<typeof start17TrackSandbox>>;
