import { ConnectorError } from '../../connectors/types.ts';
import { AppError } from '../../shared/errors.ts';

/**
 * A supplier platform's refusal in Recoup's vocabulary. `what` says what Recoup was doing, and the
 * platform's own message (with its code) stays in the text so staff can act on it.
 */
export function platformError(error: unknown, what: string, fix?: Partial<Record<ConnectorError['kind'], string>>): unknown {
  if (!(error instanceof ConnectorError)) return error;
  const hint = fix?.[error.kind];
  const text = `${what}: ${error.message}${hint ? ` ${hint}` : ''}`;
  switch (error.kind) {
    case 'auth':
      return new AppError('PLATFORM_AUTH_FAILED', `${text}${hint ? '' : ' Connect the account again in Settings → Sourcing.'}`);
    case 'invalid':
    case 'not_found':
      return new AppError('PLATFORM_REJECTED', text);
    case 'exceeds_refundable':
      return new AppError('AMOUNT_EXCEEDS_PAID', text);
    case 'conflict':
      return new AppError('CONFLICT', text);
    case 'rate_limited':
      return new AppError('RATE_LIMITED', `${text} Try again in a minute.`);
    default:
      return new AppError('PLATFORM_UNAVAILABLE', `${text} Nothing was recorded; try again later.`);
  }
}
