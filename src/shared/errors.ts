// One error vocabulary for the whole product. Every failure a user can meet has a code here,
// one HTTP status, and a message that says what went wrong and what to do.

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  CURRENCY_MISMATCH: 400,
  IMPORT_INVALID: 400,
  UNAUTHENTICATED: 401,
  WEBHOOK_SIGNATURE_INVALID: 401,
  FORBIDDEN: 403,
  APPROVAL_LIMIT_EXCEEDED: 403,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  REFUND_EXCEEDS_REFUNDABLE: 409,
  AMOUNT_EXCEEDS_PAID: 409,
  DISPUTE_WINDOW_NOT_OPEN: 409,
  DISPUTE_WINDOW_CLOSED: 409,
  DISPUTE_ALREADY_OPEN: 409,
  SHOP_NOT_MANUAL: 409,
  PLATFORM_AUTH_FAILED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PLATFORM_REJECTED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  PLATFORM_UNAVAILABLE: 502,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `${what} ${id} was not found.`);

/** The one JSON shape every error takes on the wire. */
export function errorBody(code: ErrorCode, message: string) {
  return { error: { code, message } };
}
