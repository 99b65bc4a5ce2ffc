// Errors a use case raises on purpose, as values a clerk can act on; the transports
// (HTTP, CLI) map `kind` to a status code or an exit status.
import type { Problem } from '../interchange/messages.js';

export type { Problem };

export type ServiceErrorKind = 'invalid' | 'not-found' | 'ambiguous' | 'unauthorized' | 'forbidden' | 'conflict' | 'unavailable';

export class ServiceError extends Error {
  constructor(
    readonly kind: ServiceErrorKind,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
