// 17TRACK Tracking API v2.2 client: every call is a POST of at most 40 numbers, so lists are cut
// into batches of 40 and paced inside the per-key request rate (3/s unless told otherwise).
import type { RegisterResult, TrackingRegistration } from '../tracking-status/index.ts';
import { ConnectorError, type ExternalTrackingEvent } from '../types.ts';
import { chunk, createPacer, sleep } from '../pacing.ts';
import { ItemSchema, parse17TrackItem } from './parse.ts';

export const SEVENTEEN_TRACK_API_VERSION = 'v2.2';
export const SEVENTEEN_TRACK_BATCH_LIMIT = 40;
const AUTH_CODES = new Set([-18010001, -18010002, -18010004, -18010005]);
const ALREADY_REGISTERED = -18019901;
const NOT_REGISTERED = -18019902;
const INVALID_NUMBER_CODES = new Set([-18010012]);
// Carrier codes for the slugs Recoup meets most (17TRACK numbers its carriers).
const CARRIER_CODES: Record<string, number> = {
  'china-post': 3011, cainiao: 190271, yunexpress: 190107, yanwen: 190012, usps: 21051, ups: 100002, fedex: 100003, dhl: 100001, 'dhl-germany': 7041,
};

export interface SeventeenTrackClientOptions {
  /** e.g. https://api.17track.net (the version path is added here) */
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  requestsPerSecond?: number;
  maxRetries?: number;
  now?: () => Date;
}

type Batch = { accepted: unknown[]; rejected: { number: string; error: { code: number; message: string } }[] };

export function create17TrackClient(options: SeventeenTrackClientOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const root = `${options.baseUrl.replace(/\/+$/, '')}/track/${SEVENTEEN_TRACK_API_VERSION}`;
  const maxRetries = options.maxRetries ?? 5;
  const pace = createPacer(options.requestsPerSecond ?? 3);

  async function call(path: string, body: unknown): Promise<Batch> {
    for (let attempt = 0; ; attempt++) {
      await pace();
      let response: Response;
      try {
        response = await fetchImpl(`${root}/${path}`, { method: 'POST', headers: { '17token': options.apiKey, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      } catch (error) {
        if (attempt < maxRetries) {
          await sleep(backoff(attempt));
          continue;
        }
        throw new ConnectorError(`17TRACK unreachable: ${(error as Error).message}`, 'unavailable');
      }
      const text = await response.text();
      if (response.status === 429 || response.status >= 500) {
        const retryAfter = Number(response.headers.get('retry-after')) * 1000 || null;
        if (attempt < maxRetries) {
          await sleep(retryAfter ?? backoff(attempt));
          continue;
        }
        throw new ConnectorError(`17TRACK ${response.status}`, response.status === 429 ? 'rate_limited' : 'unavailable', response.status, retryAfter);
      }
      let json: { code?: number; data?: Partial<Batch> & { errors?: { code: number; message: string }[] } } = {};
      try {
        json = JSON.parse(text);
      } catch {
        throw new ConnectorError(`17TRACK answered ${response.status} with a body that is not JSON`, 'unavailable', response.status);
      }
      if (json.code !== 0) {
        const code = json.code ?? response.status;
        const message = json.data?.errors?.[0]?.message ?? text.slice(0, 200);
        throw new ConnectorError(`17TRACK ${code}: ${message}`, response.status === 401 || AUTH_CODES.has(code) ? 'auth' : 'invalid', response.status);
      }
      return { accepted: json.data?.accepted ?? [], rejected: json.data?.rejected ?? [] };
    }
  }

  /** Runs `path` over the numbers 40 at a time, one batch after the other. */
  async function batched<T>(path: string, items: T[], toBody: (item: T) => unknown): Promise<Batch> {
    const all: Batch = { accepted: [], rejected: [] };
    for (const part of chunk(items, SEVENTEEN_TRACK_BATCH_LIMIT)) {
      const { accepted, rejected } = await call(path, part.map(toBody));
      all.accepted.push(...accepted);
      all.rejected.push(...rejected);
    }
    return all;
  }

  return {
    async register(items: TrackingRegistration[]): Promise<RegisterResult> {
      const { accepted, rejected } = await batched('register', items, (item) => {
        const carrier = typeof item.carrier === 'number' ? item.carrier : /^\d+$/.test(item.carrier ?? '') ? Number(item.carrier) : CARRIER_CODES[item.carrier ?? ''];
        return carrier ? { number: item.number, carrier } : { number: item.number };
      });
      const result: RegisterResult = {
        accepted: (accepted as { number: string; carrier?: number | null }[]).map((a) => ({ number: a.number, carrier: a.carrier != null ? String(a.carrier) : null, externalId: null, alreadyRegistered: false })),
        rejected: [],
      };
      for (const { number, error } of rejected) {
        // Registering is idempotent from Recoup's side: "already registered" is a success.
        if (error.code === ALREADY_REGISTERED) result.accepted.push({ number, carrier: null, externalId: null, alreadyRegistered: true });
        else result.rejected.push({ number, code: String(error.code), message: error.message, status: INVALID_NUMBER_CODES.has(error.code) ? 'invalid_number' : 'rejected' });
      }
      return result;
    },

    /** Every event 17TRACK holds for each number, oldest first; numbers it does not follow map to []. */
    async getTracking(numbers: string[]): Promise<Map<string, ExternalTrackingEvent[]>> {
      const unique = [...new Set(numbers)];
      const result = new Map(unique.map((n) => [n, [] as ExternalTrackingEvent[]]));
      const { accepted, rejected } = await batched('gettrackinfo', unique, (number) => ({ number }));
      for (const raw of accepted) {
        const item = ItemSchema.safeParse(raw);
        if (item.success) result.get(item.data.number)?.push(...parse17TrackItem(item.data, options.now));
      }
      const unexpected = rejected.filter((r) => r.error.code !== NOT_REGISTERED);
      if (unexpected.length > 0) throw new ConnectorError(`17TRACK refused ${unexpected.length} numbers: ${unexpected[0]!.error.message}`, 'invalid');
      return result;
    },

    /** Stops following numbers (no more pushes, no more quota). */
    async stop(numbers: string[]): Promise<{ stopped: string[]; unknown: string[] }> {
      const { accepted, rejected } = await batched('stoptrack', numbers, (number) => ({ number }));
      return { stopped: (accepted as { number: string }[]).map((a) => a.number), unknown: rejected.map((r) => r.number) };
    },
  };
}

export type SeventeenTrackClient = ReturnType<typeof create17TrackClient>;

const backoff = (attempt: number) => Math.min(8_000, 250 * 2 ** attempt);
