import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  GraphQLError, Kind, execute, getOperationAST, getVariableValues, parse, validate,
  type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema,
} from 'graphql';
import type { LeakyBucket } from './bucket.ts';
import { queryCost } from './cost.ts';
import type { Faults } from './faults.ts';
import type { Context } from './resolvers.ts';

// The HTTP face of the simulator: POST /admin/api/{version}/graphql.json with the access token,
// faults first, then parse → validate → cost → bucket → execute, answering with Shopify's
// envelope `{ data, errors?, extensions: { cost } }`. Throttling is HTTP 200 + THROTTLED, as Shopify does.

export const API_VERSION = '2025-01';

export interface ServerDeps {
  schema: GraphQLSchema;
  context: Context;
  bucket: LeakyBucket;
  faults: Faults;
  accessToken: string;
  stats: { requests: number; unauthorized: number };
}

const INVALID_TOKEN = { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' };

function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function buildServer(deps: ServerDeps): FastifyInstance {
  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 5 * 1024 * 1024 });
  const hanging = new Set<NodeJS.Timeout>();
  app.addHook('onClose', async () => {
    for (const timer of hanging) clearTimeout(timer);
  });
  const parsed = new Map<string, DocumentNode | readonly GraphQLError[]>();

  app.post<{ Params: { version: string }; Body: { query?: unknown; variables?: unknown; operationName?: unknown } }>(
    '/admin/api/:version/graphql.json',
    async (request, reply) => {
      deps.stats.requests++;
      if (request.params.version !== API_VERSION) return reply.code(404).send({ errors: 'Not Found' });
      if (!sameToken(request.headers['x-shopify-access-token'], deps.accessToken)) {
        deps.stats.unauthorized++;
        return reply.code(401).send(INVALID_TOKEN);
      }
      const body = request.body ?? {};
      if (typeof body.query !== 'string') return reply.code(400).send({ errors: { query: 'Required parameter missing or invalid' } });
      const query = body.query;
      reply.header('x-shopify-api-version', API_VERSION);

      const fault = deps.faults.before(query);
      if (fault?.kind === '5xx') return reply.code(fault.status ?? 502).send({ errors: 'Internal Server Error' });
      if (fault?.kind === '429') {
        return reply.code(429).header('retry-after', String(fault.retryAfterSeconds ?? 1))
          .send({ errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' });
      }
      if (fault?.kind === 'timeout') {
        reply.hijack();
        const timer = setTimeout(() => { hanging.delete(timer); request.raw.socket.destroy(); }, fault.hangMs ?? 30_000);
        hanging.add(timer);
        return;
      }

      // Parsing and validation are cached per query text: a backfill sends the same document hundreds of times.
      let document = parsed.get(query);
      if (!document) {
        try {
          const doc = parse(query);
          const errors = validate(deps.schema, doc);
          document = errors.length > 0 ? errors : doc;
        } catch (e) {
          document = [e instanceof GraphQLError ? e : new GraphQLError(String(e))];
        }
        if (parsed.size > 500) parsed.clear();
        parsed.set(query, document);
      }
      if (Array.isArray(document)) return { errors: document.map((e) => e.toJSON()) };
      const doc = document as DocumentNode;
      const operationName = typeof body.operationName === 'string' ? body.operationName : null;
      const operation = getOperationAST(doc, operationName);
      if (!operation) return { errors: [{ message: 'Could not determine which operation to run' }] };
      const coerced = getVariableValues(deps.schema, operation.variableDefinitions ?? [], (body.variables ?? {}) as Record<string, unknown>);
      if (coerced.errors) return { errors: coerced.errors.map((e) => e.toJSON()) };
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const def of doc.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
      const costInput = { schema: deps.schema, operation, fragments, variables: coerced.coerced };

      const requested = queryCost(costInput);
      if (requested > deps.bucket.maximum) {
        return {
          errors: [{ message: `Query cost is ${requested}, which exceeds the single query max cost limit (${deps.bucket.maximum}).`, extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: deps.bucket.maximum } }],
          extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: deps.bucket.throttleStatus() } },
        };
      }
      if (!deps.bucket.tryTake(requested)) {
        return {
          errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
          extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: deps.bucket.throttleStatus() } },
        };
      }
      const result = await execute({ schema: deps.schema, document: doc, operationName, variableValues: coerced.coerced, contextValue: deps.context });
      const actual = Math.min(requested, queryCost(costInput, (result.data ?? null) as Record<string, unknown> | null));
      deps.bucket.refund(requested - actual, actual);

      if (deps.faults.afterExecution(query)) {
        // The work is done (a refund exists), but the client never hears about it.
        reply.hijack();
        request.raw.socket.destroy();
        return;
      }
      return {
        data: result.data ?? null,
        ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}),
        extensions: { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: deps.bucket.throttleStatus() } },
      };
    },
  );
  return app;
}
