// CJ API 2.0 transport: the access token (getAccessToken is allowed once per 5 minutes, so
// tokens are cached, refreshed with the refresh token, and handed to `onTokens` for keeping),
// pacing under the account's QPS, the {code, result, message, data} envelope, and retries.
import { ConnectorError } from '../types.ts';
import { cjTimeToIso } from './parse.ts';

export interface CjTokens { accessToken: string; accessTokenExpiresAt: string; refreshToken: string; refreshTokenExpiresAt: string }

export interface CjTransportOptions {
  /** e.g. https://developers.cjdropshipping.com/api2.0/v1 */
  baseUrl: string;
  email: string;
  apiKey: string;
  fetch?: typeof fetch;
  now?: () => Date;
  /** CJ's per-account limit: 1/s for free accounts, up to 6/s for the highest levels */
  requestsPerSecond?: number;
  maxRetries?: number;
  retryBaseMs?: number;
  timeoutMs?: number;
  /** tokens kept from an earlier run, to spare a getAccessToken call */
  tokens?: CjTokens | null;
  onTokens?: (tokens: CjTokens) => void | Promise<void>;
}

export class CjError extends ConnectorError {
  constructor(message: string, kind: ConnectorError['kind'], readonly code: number | null, status: number | null = null, readonly retryable = false, retryAfterMs: number | null = null) {
    super(message, kind, status, retryAfterMs);
    this.name = 'CjError';
  }
}

const AUTH_CODES = new Set([1600001, 1600002, 1600003, 1600004, 1600030, 1600031]);

/** A refused envelope → CjError. Matches on message too: CJ asks callers to use codes, but its dispute codes are not published. */
export function cjError(code: number, message: string, path: string, http: number): CjError {
  const at = `CJ ${path} (${code})`;
  if (AUTH_CODES.has(code)) return new CjError(`${at} refused the credentials: ${message}`, 'auth', code, 401);
  if (code === 1600200 || http === 429) return new CjError(`${at} is rate limited: ${message}`, 'rate_limited', code, 429, true, 1000);
  if (code === 1600000 || http >= 500) return new CjError(`${at} failed on CJ's side: ${message}`, 'unavailable', code, http >= 500 ? http : 503, true);
  if (code === 1603002 || /unfinished dispute|already (has|exists)|cannot be selected/i.test(message)) return new CjError(`${at}: ${message}`, 'conflict', code, 409);
  if (code === 1603003 || /exceed/i.test(message)) return new CjError(`${at}: ${message}`, 'exceeds_refundable', code, 409);
  if (code === 1603000 || code === 1603004 || /not exist|not found/i.test(message)) return new CjError(`${at}: ${message}`, 'not_found', code, 404);
  if (code === 1603005) return new CjError(`${at}: ${message}`, 'conflict', code, 409);
  return new CjError(`${at} refused the request: ${message}`, 'invalid', code, 400);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createCjTransport(options: CjTransportOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const maxRetries = options.maxRetries ?? 3;
  const retryBaseMs = options.retryBaseMs ?? 500;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const interval = 1000 / (options.requestsPerSecond ?? 1);
  let tokens = options.tokens ?? null;
  let renewing: Promise<CjTokens> | null = null;
  let nextSlot = 0;

  /** Spaces request starts evenly so a burst never trips the QPS limit. */
  async function pace() {
    const t = Date.now();
    const wait = Math.max(0, nextSlot - t);
    nextSlot = Math.max(t, nextSlot) + interval;
    if (wait > 0) await sleep(wait);
  }

  async function exchange(method: 'GET' | 'POST', path: string, init: { query?: Record<string, string | number | undefined>; body?: unknown; token?: string }) {
    const url = new URL(`${base}${path}`);
    for (const [k, v] of Object.entries(init.query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method,
        headers: { 'content-type': 'application/json', ...(init.token ? { 'CJ-Access-Token': init.token } : {}) },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new CjError(`CJ ${path} ${timedOut ? `timed out after ${timeoutMs} ms` : `unreachable: ${(error as Error).message}`}`, 'unavailable', null, null, true);
    }
    const text = await response.text();
    let envelope: { code?: unknown; result?: unknown; message?: unknown; data?: unknown } | null = null;
    try {
      envelope = JSON.parse(text);
    } catch {
      // handled below
    }
    if (!envelope || typeof envelope !== 'object') {
      throw new CjError(`CJ ${path} answered HTTP ${response.status} without a JSON envelope`, response.status === 429 ? 'rate_limited' : 'unavailable', null, response.status, response.status >= 500 || response.status === 429);
    }
    const code = Number(envelope.code);
    if (code !== 200 || envelope.result === false) throw cjError(code, String(envelope.message ?? ''), path, response.status);
    return envelope.data;
  }

  async function keep(data: unknown): Promise<CjTokens> {
    const d = (data ?? {}) as Record<string, unknown>;
    if (typeof d.accessToken !== 'string') throw new CjError('CJ answered getAccessToken without a token', 'unavailable', null);
    tokens = {
      accessToken: d.accessToken, refreshToken: String(d.refreshToken ?? ''),
      accessTokenExpiresAt: cjTimeToIso(d.accessTokenExpiryDate) ?? new Date(now().getTime() + 14 * 86_400_000).toISOString(),
      refreshTokenExpiresAt: cjTimeToIso(d.refreshTokenExpiryDate) ?? new Date(now().getTime() + 170 * 86_400_000).toISOString(),
    };
    await options.onTokens?.(tokens);
    return tokens;
  }

  /** Refresh when the refresh token still lives, log in otherwise; one renewal at a time. */
  function renew(): Promise<CjTokens> {
    renewing ??= (async () => {
      try {
        if (tokens && Date.parse(tokens.refreshTokenExpiresAt) > now().getTime()) {
          try {
            return await keep(await exchange('POST', '/authentication/refreshAccessToken', { body: { refreshToken: tokens.refreshToken } }));
          } catch (error) {
            if (!(error instanceof CjError) || error.kind !== 'auth') throw error;
          }
        }
        return await keep(await exchange('POST', '/authentication/getAccessToken', { body: { email: options.email, apiKey: options.apiKey } }));
      } finally {
        renewing = null;
      }
    })();
    return renewing;
  }

  async function accessToken(): Promise<string> {
    if (tokens && Date.parse(tokens.accessTokenExpiresAt) - 60_000 > now().getTime()) return tokens.accessToken;
    return (await renew()).accessToken;
  }

  /** An authenticated call; renews the token once on an auth refusal and retries transient failures when `retry`. */
  async function request(method: 'GET' | 'POST', path: string, init: { query?: Record<string, string | number | undefined>; body?: unknown; retry?: boolean } = {}): Promise<unknown> {
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      const token = await accessToken();
      await pace();
      try {
        return await exchange(method, path, { ...init, token });
      } catch (error) {
        if (!(error instanceof CjError)) throw error;
        if (error.kind === 'auth' && !renewed && (error.code === 1600001 || error.code === 1600002)) {
          renewed = true;
          if (tokens?.accessToken === token) tokens = { ...tokens, accessTokenExpiresAt: new Date(0).toISOString() };
          continue;
        }
        if (init.retry === false || !error.retryable || attempt >= maxRetries) throw error;
        await sleep(Math.max(error.retryAfterMs ?? 0, retryBaseMs * 2 ** attempt) * (0.75 + Math.random() / 2));
      }
    }
  }

  return { request, tokens: () => tokens };
}

export type CjTransport = ReturnType<typeof createCjTransport>;
