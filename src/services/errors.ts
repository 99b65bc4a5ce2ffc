// Errors a use case raises on purpose, as values a clerk can act on; the transports
// (HTTP, CLI) map `kind` to a status code or an exit status.
import type { Problem } from '../interchange/messages.js';
import { unavailableCause } from '../store/index.js';

export type { Problem };

export type ServiceErrorKind = 'invalid' | 'not-found' | 'ambiguous' | 'unauthorized' | 'forbidden' | 'conflict' | 'rate-limited' | 'unavailable';

export interface ServiceErrorOptions {
  /** 'unavailable', 'rate-limited': seconds after which trying again makes sense (HTTP Retry-After). */
  retryAfter?: number;
}

export class ServiceError extends Error {
  readonly retryAfter: number | undefined;

  constructor(
    readonly kind: ServiceErrorKind,
    message: string,
    readonly problems: Problem[] = [],
    options: ServiceErrorOptions = {},
  ) {
    super(message);
    this.name = 'ServiceError';
    this.retryAfter = options.retryAfter;
  }
}

const BUSY_MESSAGE =
  'データベースは別の処理（取込みなど）で使用中です。しばらくしてから再度お試しください / The database is busy with another task (such as an import): try again shortly';
const UNREACHABLE_MESSAGE = 'データベースに接続できません。しばらくしてから再度お試しください / The database cannot be reached: try again shortly';

/**
 * What the transports answer for an error: a ServiceError as it is; a database that is busy
 * or out of reach as 'unavailable', worth retrying (503 with Retry-After; the CLI exits 1);
 * anything else undefined — a defect, answered 500 and logged.
 */
export function asServiceError(error: unknown): ServiceError | undefined {
  if (error instanceof ServiceError) return error;
  const cause = unavailableCause(error);
  if (cause === 'busy') return new ServiceError('unavailable', BUSY_MESSAGE, [], { retryAfter: 5 });
  if (cause === 'unreachable') return new ServiceError('unavailable', UNREACHABLE_MESSAGE, [], { retryAfter: 10 });
  return undefined;
}
