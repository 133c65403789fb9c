import { ConnectorError } from '../types.ts';
import { CostPacer, type ThrottleStatus } from './pacer.ts';

// One Admin GraphQL transport per shop. Requests go out one at a time (the cost bucket is shared
// by the whole shop, so parallel requests would only race for it), paced by `CostPacer`.
// Retries: THROTTLED and 429 are always safe to retry (Shopify ran nothing). 5xx, timeouts and
// dropped connections are retried for queries only; for a mutation the outcome is unknown and the
// caller must look for its idempotency mark before trying again (`OutcomeUnknownError`).

export class OutcomeUnknownError extends ConnectorError {
  readonly outcomeUnknown = true;
}

/** The query asks for more points than the shop's bucket can ever hold; make it smaller. */
export class QueryTooCostlyError extends ConnectorError {
  constructor(message: string, readonly requestedCost: number, readonly maxCost: number) {
    super(message, 'invalid', 200);
  }
}

export interface ShopifyClientOptions {
  endpoint: string;
  accessToken: string;
  fetch?: typeof fetch;
  /** per-request timeout; default 30 s */
  timeoutMs?: number;
  /** retries of queries after 5xx / network errors; default 4 */
  maxRetries?: number;
  /** first backoff step; default 250 ms, doubling, with jitter, capped at 10 s */
  retryBaseMs?: number;
  /** how long to keep retrying THROTTLED / 429 before giving up; default 10 attempts */
  maxRateLimitRetries?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RequestOptions {
  /** names the query shape whose last requested cost predicts the next one */
  costKey: string;
  /** cost to assume before Shopify has told us (computed from its published rules) */
  estimatedCost: number;
  /** true for mutations that must never be blindly repeated */
  mutation?: boolean;
}

interface Envelope<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[] | string | Record<string, unknown>;
  extensions?: { cost?: { requestedQueryCost?: number; actualQueryCost?: number | null; throttleStatus?: ThrottleStatus } };
}

export interface ClientStats {
  requests: number;
  throttledResponses: number;
  rateLimited429: number;
  serverErrors: number;
  networkErrors: number;
  retries: number;
  waitedMs: number;
}

export class ShopifyGraphqlClient {
  readonly pacer: CostPacer;
  private readonly costs = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly counters = { requests: 0, throttledResponses: 0, rateLimited429: 0, serverErrors: 0, networkErrors: 0, retries: 0 };
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: ShopifyClientOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.pacer = new CostPacer({}, undefined, this.sleep);
  }

  stats(): ClientStats {
    return { ...this.counters, waitedMs: this.pacer.waitedMs };
  }

  /** Last requested cost Shopify reported for a query shape, if any. */
  knownCost(costKey: string): number | undefined {
    return this.costs.get(costKey);
  }

  request<T>(query: string, variables: Record<string, unknown>, options: RequestOptions): Promise<T> {
    const run = this.queue.then(() => this.send<T>(query, variables, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private backoff(attempt: number): number {
    const base = this.options.retryBaseMs ?? 250;
    return Math.min(10_000, base * 2 ** attempt) * (0.5 + Math.random() * 0.5);
  }

  private async send<T>(query: string, variables: Record<string, unknown>, options: RequestOptions): Promise<T> {
    const maxRetries = this.options.maxRetries ?? 4;
    const maxRateLimitRetries = this.options.maxRateLimitRetries ?? 10;
    let failures = 0;
    let limited = 0;
    for (;;) {
      await this.pacer.reserve(this.costs.get(options.costKey) ?? options.estimatedCost);
      this.counters.requests++;
      let response: Response;
      let envelope: Envelope<T>;
      try {
        response = await (this.options.fetch ?? fetch)(this.options.endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'x-shopify-access-token': this.options.accessToken },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        });
        envelope = response.status === 200 ? ((await response.json()) as Envelope<T>) : {};
        if (response.status !== 200) await response.arrayBuffer().catch(() => undefined);
      } catch (error) {
        this.counters.networkErrors++;
        const reason = error instanceof Error ? (error.name === 'TimeoutError' ? 'timed out' : `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}`) : String(error);
        if (options.mutation) throw new OutcomeUnknownError(`Shopify did not answer (${reason}); the mutation may or may not have run.`, 'unavailable');
        if (failures >= maxRetries) throw new ConnectorError(`Shopify did not answer after ${failures + 1} attempts (${reason}).`, 'unavailable');
        this.counters.retries++;
        await this.sleep(this.backoff(failures++));
        continue;
      }

      const status = response.status;
      if (status === 401 || status === 403) throw new ConnectorError('Shopify rejected the access token (check the app is installed and the token is current).', 'auth', status);
      if (status === 404) throw new ConnectorError(`Shopify has no Admin API at ${this.options.endpoint}.`, 'not_found', status);
      if (status === 429) {
        this.counters.rateLimited429++;
        const retryAfterMs = Math.max(0, Number(response.headers.get('retry-after') ?? '1') * 1000) || 1000;
        if (limited >= maxRateLimitRetries) throw new ConnectorError('Shopify kept answering 429 Too Many Requests.', 'rate_limited', 429, retryAfterMs);
        limited++;
        this.counters.retries++;
        await this.sleep(retryAfterMs);
        continue;
      }
      if (status >= 500) {
        this.counters.serverErrors++;
        if (options.mutation) throw new OutcomeUnknownError(`Shopify answered ${status}; the mutation may or may not have run.`, 'unavailable', status);
        if (failures >= maxRetries) throw new ConnectorError(`Shopify answered ${status} after ${failures + 1} attempts.`, 'unavailable', status);
        this.counters.retries++;
        await this.sleep(this.backoff(failures++));
        continue;
      }
      if (status !== 200) throw new ConnectorError(`Shopify answered ${status}.`, 'invalid', status);

      const cost = envelope.extensions?.cost;
      this.pacer.observe(cost?.throttleStatus);
      if (typeof cost?.requestedQueryCost === 'number') this.costs.set(options.costKey, cost.requestedQueryCost);
      const errors = Array.isArray(envelope.errors) ? envelope.errors : envelope.errors ? [{ message: JSON.stringify(envelope.errors) }] : [];
      if (errors.some((e) => e.extensions?.code === 'THROTTLED')) {
        this.counters.throttledResponses++;
        if (limited >= maxRateLimitRetries) throw new ConnectorError('Shopify kept throttling the request.', 'rate_limited', 200);
        limited++;
        this.counters.retries++;
        continue; // the pacer now knows the real bucket level and waits for the points
      }
      if (errors.length > 0 && !envelope.data) {
        const code = errors[0]?.extensions?.code;
        if (code === 'MAX_COST_EXCEEDED') {
          throw new QueryTooCostlyError(errors[0]!.message, cost?.requestedQueryCost ?? 0, cost?.throttleStatus?.maximumAvailable ?? this.pacer.maximum);
        }
        throw new ConnectorError(`Shopify GraphQL error${code ? ` ${code}` : ''}: ${errors.map((e) => e.message).join('; ')}`, 'invalid', 200);
      }
      if (!envelope.data) throw new ConnectorError('Shopify answered without data.', 'unavailable', 200);
      return envelope.data;
    }
  }
}
