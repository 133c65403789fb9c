import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_STATUS, errorBody, isAppError, type ErrorCode } from '../shared/errors.ts';

// Every error leaves the server in one shape: {"error":{"code","message"}}, from the closed set
// of codes in shared/errors.ts. Unknown failures are logged and answered without internals.

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) return reply.status(error.status).send(errorBody(error.code, error.message));
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0]!;
      const where = error.validationContext ?? 'body';
      const path = first.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const field = path ? `${where}.${path}` : where;
      const message = `${field}: ${first.message}` + (error.validation.length > 1 ? ` (and ${error.validation.length - 1} more problem(s))` : '');
      return reply.status(400).send(errorBody('VALIDATION_FAILED', message));
    }
    const code = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (code) {
      const message = code === 'VALIDATION_FAILED' && error.code?.startsWith('FST_ERR_CTP') ? `body: ${error.message}` : error.message;
      return reply.status(ERROR_STATUS[code]).send(errorBody(code, message));
    }
    if (error.statusCode === 429) return reply.status(429).send(errorBody('RATE_LIMITED', 'Too many requests; wait a moment and try again.'));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(errorBody('VALIDATION_FAILED', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody('INTERNAL', 'Something went wrong on our side; it was logged. Try again, and report it if it keeps happening.'));
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send(errorBody('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`)));
}
