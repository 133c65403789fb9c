import type { FastifyReply, FastifyRequest } from 'fastify';

// WordPress REST conventions shared by the routes: the `{code, message, data}` error shape,
// collection paging with X-WP-Total / X-WP-TotalPages / Link, and argument validation errors.

export const NAMESPACE = '/wp-json/wc/v3';

export class WooHttpError extends Error {
  constructor(readonly httpStatus: number, readonly code: string, message: string, readonly data: unknown = { status: httpStatus }) {
    super(message);
  }
}

/**
 * WooCommerce sometimes builds `new WP_Error(code, message, 500)` with a bare number as data;
 * WordPress then answers HTTP 500 whatever the number says (rest_convert_error_to_response).
 * Refund errors are like that: "Invalid refund amount." arrives as a 500.
 */
export function bareDataError(code: string, message: string, data: number): WooHttpError {
  return new WooHttpError(500, code, message, data);
}

export function invalidParam(param: string, detail: string): WooHttpError {
  return new WooHttpError(400, 'rest_invalid_param', `Invalid parameter(s): ${param}`, { status: 400, params: { [param]: detail }, details: {} });
}

export function missingParam(param: string): WooHttpError {
  return new WooHttpError(400, 'rest_missing_callback_param', `Missing parameter(s): ${param}`, { status: 400, params: [param] });
}

export function sendError(reply: FastifyReply, error: WooHttpError): FastifyReply {
  return reply.code(error.httpStatus).header('content-type', 'application/json; charset=UTF-8').send({ code: error.code, message: error.message, data: error.data });
}

export function siteUrl(request: FastifyRequest): string {
  return `http://${request.headers.host ?? '127.0.0.1'}`;
}

export function intParam(query: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const raw = query[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw invalidParam(name, `${name} is not of type integer.`);
  if (value < min || value > max) throw invalidParam(name, `${name} must be between ${min} (inclusive) and ${max} (inclusive)`);
  return value;
}

export function enumParam<T extends string>(query: Record<string, string | undefined>, name: string, allowed: readonly T[], fallback: T): T {
  const raw = query[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw invalidParam(name, `${name} is not one of ${allowed.join(', ')}.`);
  return raw as T;
}

/** Pages a collection the way WP_REST_Controller does, with the headers clients page by. */
export function paginate<T>(request: FastifyRequest, reply: FastifyReply, items: T[], page: number, perPage: number): T[] {
  const total = items.length;
  const totalPages = Math.ceil(total / perPage);
  reply.header('X-WP-Total', String(total)).header('X-WP-TotalPages', String(totalPages));
  const url = new URL(request.url, siteUrl(request));
  for (const key of ['consumer_key', 'consumer_secret', ...[...url.searchParams.keys()].filter((k) => k.startsWith('oauth_'))]) url.searchParams.delete(key);
  const link = (p: number, rel: string) => {
    url.searchParams.set('page', String(p));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, Math.max(1, totalPages)), 'prev'));
  if (page < totalPages) links.push(link(page + 1, 'next'));
  if (links.length > 0) reply.header('Link', links.join(', '));
  return items.slice((page - 1) * perPage, page * perPage);
}

/** WordPress accepts ISO 8601 with or without a zone; without one the time is site-local (or GMT with dates_are_gmt). */
export function parseFilterDate(name: string, raw: string | undefined, gmt: boolean, offsetMinutes: number): Date | null {
  if (raw === undefined || raw === '') return null;
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(raw);
  if (!match) throw invalidParam(name, 'Invalid date.');
  if (match[3]) return new Date(raw);
  const asUtc = new Date(`${match[1]}Z`);
  return gmt ? asUtc : new Date(asUtc.getTime() - offsetMinutes * 60_000);
}
