// AfterShip Tracking API client (version 2025-04). AfterShip creates trackings one per call, so
// `register` spreads calls inside the per-endpoint rate limits; reads batch 50 numbers per list call.
import type { RegisterResult, TrackingRegistration } from '../tracking-status/index.ts';
import { ConnectorError, type ExternalTrackingEvent } from '../types.ts';
import { chunk, createPacer, mapLimit, sleep } from '../pacing.ts';
import { TrackingSchema, parseAfterShipTracking } from './parse.ts';

export const AFTERSHIP_API_VERSION = '2025-04';
// Documented per-endpoint limits (requests/s) since 2024-07.
const ENDPOINT_LIMITS = { create: 20, list: 6, item: 5 } as const;
type Endpoint = keyof typeof ENDPOINT_LIMITS;
const LIST_BATCH = 50;
const INVALID_NUMBER_CODES = new Set([4005, 4017]);

export interface AfterShipClientOptions {
  /** e.g. https://api.aftership.com (the version path is added here) */
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  /** one budget for every endpoint; by default the documented per-endpoint limits */
  requestsPerSecond?: number;
  maxRetries?: number;
  now?: () => Date;
}

interface Envelope { status: number; meta: { code: number; message: string; type?: string }; data: unknown; retryAfterMs: number | null }

export function createAfterShipClient(options: AfterShipClientOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const root = `${options.baseUrl.replace(/\/+$/, '')}/tracking/${AFTERSHIP_API_VERSION}`;
  const maxRetries = options.maxRetries ?? 5;
  const pacers: Record<Endpoint, () => Promise<void>> = {
    create: createPacer(options.requestsPerSecond ?? ENDPOINT_LIMITS.create),
    list: createPacer(options.requestsPerSecond ?? ENDPOINT_LIMITS.list),
    item: createPacer(options.requestsPerSecond ?? ENDPOINT_LIMITS.item),
  };

  async function call(endpoint: Endpoint, method: string, path: string, body?: unknown): Promise<Envelope> {
    for (let attempt = 0; ; attempt++) {
      await pacers[endpoint]();
      let response: Response;
      try {
        response = await fetchImpl(`${root}${path}`, {
          method,
          headers: { 'as-api-key': options.apiKey, 'content-type': 'application/json', 'aftership-client': 'recoup' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (error) {
        if (attempt < maxRetries) {
          await sleep(backoff(attempt));
          continue;
        }
        throw new ConnectorError(`AfterShip unreachable: ${(error as Error).message}`, 'unavailable');
      }
      const envelope = await readEnvelope(response);
      if (response.status === 429 || response.status >= 500) {
        if (attempt < maxRetries) {
          await sleep(envelope.retryAfterMs ?? backoff(attempt));
          continue;
        }
        const kind = response.status === 429 ? 'rate_limited' : 'unavailable';
        throw new ConnectorError(`AfterShip ${response.status}: ${envelope.meta.message}`, kind, response.status, envelope.retryAfterMs);
      }
      if (response.status === 401 || response.status === 403) throw new ConnectorError(`AfterShip refused the API key: ${envelope.meta.message}`, 'auth', response.status);
      return envelope;
    }
  }

  async function registerOne(item: TrackingRegistration): Promise<RegisterResult> {
    const slug = typeof item.carrier === 'string' && item.carrier !== '' ? item.carrier : undefined;
    const { status, meta, data } = await call('create', 'POST', '/trackings', { tracking_number: item.number, slug });
    const tracking = TrackingSchema.safeParse(data);
    if (status === 201 || status === 200) {
      return { accepted: [{ number: item.number, carrier: tracking.data?.slug ?? slug ?? null, externalId: tracking.data?.id ?? null, alreadyRegistered: false }], rejected: [] };
    }
    if (meta.code === 4003) {
      // Already followed under this account: registering is idempotent from Recoup's side.
      return { accepted: [{ number: item.number, carrier: slug ?? null, externalId: tracking.data?.id ?? null, alreadyRegistered: true }], rejected: [] };
    }
    const invalid = INVALID_NUMBER_CODES.has(meta.code);
    return { accepted: [], rejected: [{ number: item.number, code: String(meta.code), message: meta.message, status: invalid ? 'invalid_number' : 'rejected' }] };
  }

  return {
    async register(items: TrackingRegistration[]): Promise<RegisterResult> {
      const results = await mapLimit(items, 4, registerOne);
      return { accepted: results.flatMap((r) => r.accepted), rejected: results.flatMap((r) => r.rejected) };
    },

    /** Every event AfterShip holds for each number (all couriers), oldest first; unknown numbers map to []. */
    async getTracking(numbers: string[]): Promise<Map<string, ExternalTrackingEvent[]>> {
      const unique = [...new Set(numbers)];
      const result = new Map(unique.map((n) => [n, [] as ExternalTrackingEvent[]]));
      for (const batch of chunk(unique, LIST_BATCH)) {
        let cursor: string | null = null;
        do {
          const query = new URLSearchParams({ tracking_numbers: batch.join(','), limit: '200' });
          if (cursor) query.set('cursor', cursor);
          const { status, meta, data } = await call('list', 'GET', `/trackings?${query}`);
          if (status !== 200) throw new ConnectorError(`AfterShip list failed: ${meta.code} ${meta.message}`, 'invalid', status);
          const page = data as { trackings?: unknown[]; pagination?: { next_cursor?: string | null; has_next_page?: boolean } };
          for (const raw of page.trackings ?? []) {
            const tracking = TrackingSchema.safeParse(raw);
            if (!tracking.success) continue;
            result.get(tracking.data.tracking_number)?.push(...parseAfterShipTracking(tracking.data, options.now));
          }
          cursor = page.pagination?.has_next_page ? (page.pagination.next_cursor ?? null) : null;
        } while (cursor);
      }
      for (const events of result.values()) events.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
      return result;
    },

    /** Stops following a number (AfterShip DELETE /trackings/{id}). */
    async remove(externalId: string): Promise<boolean> {
      const { status } = await call('item', 'DELETE', `/trackings/${encodeURIComponent(externalId)}`);
      return status === 200;
    },
  };
}

export type AfterShipClient = ReturnType<typeof createAfterShipClient>;

const backoff = (attempt: number) => Math.min(8_000, 250 * 2 ** attempt);

async function readEnvelope(response: Response): Promise<Envelope> {
  const body = await response.text();
  let json: { meta?: Envelope['meta']; data?: unknown } = {};
  try {
    json = JSON.parse(body);
  } catch {
    json = {};
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  const reset = Number(response.headers.get('x-ratelimit-reset'));
  const retryAfterMs = retryAfter > 0 ? retryAfter * 1000 : reset > 0 ? Math.max(50, reset * 1000 - Date.now()) : null;
  return {
    status: response.status,
    meta: json.meta ?? { code: response.status, message: body.slice(0, 200) || response.statusText },
    data: json.data ?? null,
    retryAfterMs: response.status === 429 ? retryAfterMs : null,
  };
}
