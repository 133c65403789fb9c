import { ConnectorError } from '../types.ts';
import { RatePacer } from './pacer.ts';

// One WooCommerce REST v3 transport per shop: HTTP Basic with the consumer key pair, paced under
// the host's rate limit. Retries: 429 is always safe (the host refused before WordPress ran).
// Host 5xx pages, timeouts and dropped connections are retried for reads; for writes the outcome
// is unknown and the caller looks for its idempotency mark first (`OutcomeUnknownError`).
// A 5xx whose body is a WordPress `{code, message}` error is a definite answer, not a host fault:
// WooCommerce reports refused refunds as HTTP 500 (`woocommerce_rest_cannot_create_order_refund`).

export class OutcomeUnknownError extends ConnectorError {
  readonly outcomeUnknown = true;
}

/** A definite refusal from WooCommerce, with its error code (e.g. woocommerce_rest_coupon_code_already_exists). */
export class WooApiError extends ConnectorError {
  constructor(message: string, kind: ConnectorError['kind'], status: number, readonly code: string) {
    super(message, kind, status);
  }
}

export interface WooClientOptions {
  /** the site URL, e.g. https://shop.example.com (the REST base /wp-json/wc/v3 is added) */
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  fetch?: typeof fetch;
  /** host limit to stay under; default 5 requests per second */
  requestsPerSecond?: number;
  timeoutMs?: number;
  maxRetries?: number;
  retryBaseMs?: number;
  maxRateLimitRetries?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface WooResponse<T> { data: T; status: number; headers: Headers }
export interface ClientStats { requests: number; rateLimited429: number; serverErrors: number; networkErrors: number; retries: number; waitedMs: number }

type Query = Record<string, string | number | boolean | undefined | null>;

export class WooRestClient {
  readonly apiBase: string;
  readonly pacer: RatePacer;
  private readonly authorization: string;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly counters = { requests: 0, rateLimited429: 0, serverErrors: 0, networkErrors: 0, retries: 0 };

  constructor(private readonly options: WooClientOptions) {
    const site = options.baseUrl.trim().replace(/\/+$/, '').replace(/\/wp-json(\/wc\/v3)?$/, '');
    this.apiBase = `${site}/wp-json/wc/v3`;
    this.authorization = `Basic ${Buffer.from(`${options.consumerKey}:${options.consumerSecret}`).toString('base64')}`;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.pacer = new RatePacer(options.requestsPerSecond ?? 5, undefined, undefined, this.sleep);
  }

  stats(): ClientStats {
    return { ...this.counters, waitedMs: this.pacer.waitedMs };
  }

  private backoff(attempt: number): number {
    return Math.min(10_000, (this.options.retryBaseMs ?? 250) * 2 ** attempt) * (0.5 + Math.random() * 0.5);
  }

  async request<T>(method: 'GET' | 'POST' | 'PUT', path: string, options: { query?: Query; body?: unknown; idempotent?: boolean } = {}): Promise<WooResponse<T>> {
    const url = new URL(`${this.apiBase}${path}`);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
    const write = method !== 'GET';
    // Writes that give the same result however often they run (a PUT of the same meta) retry like reads.
    const retryable = !write || options.idempotent === true;
    let failures = 0;
    let limited = 0;
    for (;;) {
      const done = await this.pacer.acquire();
      this.counters.requests++;
      let response: Response;
      let text: string;
      try {
        response = await (this.options.fetch ?? fetch)(url, {
          method,
          headers: { authorization: this.authorization, accept: 'application/json', ...(write ? { 'content-type': 'application/json' } : {}) },
          body: write ? JSON.stringify(options.body ?? {}) : undefined,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        });
        text = await response.text();
        done();
      } catch (error) {
        done();
        this.counters.networkErrors++;
        const reason = error instanceof Error ? (error.name === 'TimeoutError' ? 'timed out' : `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}`) : String(error);
        if (!retryable) throw new OutcomeUnknownError(`WooCommerce did not answer ${method} ${path} (${reason}); it may or may not have run.`, 'unavailable');
        if (failures >= (this.options.maxRetries ?? 4)) throw new ConnectorError(`WooCommerce did not answer after ${failures + 1} attempts (${reason}).`, 'unavailable');
        this.counters.retries++;
        await this.sleep(this.backoff(failures++));
        continue;
      }

      const status = response.status;
      if (status === 429) {
        this.counters.rateLimited429++;
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        if (limited >= (this.options.maxRateLimitRetries ?? 10)) throw new ConnectorError('The shop kept answering 429 Too Many Requests.', 'rate_limited', 429, retryAfterMs);
        limited++;
        this.counters.retries++;
        this.pacer.block(retryAfterMs);
        continue;
      }
      const json = parseJson(text);
      const wpError = json && typeof json === 'object' && typeof (json as { code?: unknown }).code === 'string' && typeof (json as { message?: unknown }).message === 'string'
        ? (json as { code: string; message: string }) : null;
      if (status >= 200 && status < 300) {
        if (json === undefined) throw new ConnectorError(`WooCommerce answered ${status} without JSON (is ${this.apiBase} a WordPress REST API with pretty permalinks?).`, 'invalid', status);
        return { data: json as T, status, headers: response.headers };
      }
      if (wpError) throw toApiError(wpError, status, method, path);
      if (status >= 500) {
        this.counters.serverErrors++;
        if (!retryable) throw new OutcomeUnknownError(`The shop answered ${status} to ${method} ${path}; it may or may not have run.`, 'unavailable', status);
        if (failures >= (this.options.maxRetries ?? 4)) throw new ConnectorError(`The shop answered ${status} after ${failures + 1} attempts.`, 'unavailable', status);
        this.counters.retries++;
        await this.sleep(this.backoff(failures++));
        continue;
      }
      if (status === 401 || status === 403) throw new ConnectorError('WooCommerce rejected the request (check the REST API key and its permissions).', 'auth', status);
      if (status === 404) throw new ConnectorError(`No WooCommerce REST API at ${this.apiBase}${path}.`, 'not_found', status);
      throw new ConnectorError(`WooCommerce answered ${status} to ${method} ${path}.`, 'invalid', status);
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseRetryAfter(value: string | null): number {
  if (!value) return 1000;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? 1000 : Math.max(0, at - Date.now());
}

function toApiError(error: { code: string; message: string }, status: number, method: string, path: string): WooApiError {
  const text = `WooCommerce refused ${method} ${path}: ${error.message} (${error.code})`;
  const { code } = error;
  const kind: ConnectorError['kind'] =
    code === 'woocommerce_rest_authentication_error' || code.startsWith('woocommerce_rest_cannot_view') || code === 'woocommerce_rest_cannot_create' || code === 'woocommerce_rest_cannot_edit' || status === 401 || status === 403 ? 'auth'
      : /invalid_(order_)?id$|_invalid_id$|rest_no_route/.test(code) ? 'not_found'
        : code === 'woocommerce_rest_coupon_code_already_exists' ? 'conflict'
          : 'invalid';
  return new WooApiError(text, kind, status, code);
}
