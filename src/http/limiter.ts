// A ceiling on the requests that cost real work — pages, search, exports, the API's reads — so
// that a crowd of readers cannot stall the process or fill its memory: a few run at once, a
// short queue waits, and beyond the queue (or after waiting too long in it) the answer is 503
// with Retry-After, in the shape of the route (JSON for the API, an HTML page for a page).
// Health, static assets and the OpenAPI document stay outside it, so a busy server still says
// it is alive; PDFs have their own queue (pages/pdf.ts), and the pages Chromium loads for one
// come through here like any other.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ServiceError } from '../services/errors.js';

export interface Limits {
  /** Requests worked on at once. */
  running: number;
  /** Requests that may wait for a place; more are refused at once. */
  waiting: number;
  /** How long one may wait before it is refused. */
  waitMs: number;
  /** The Retry-After of a refusal, in seconds. */
  retryAfterSeconds: number;
}

/**
 * Renders run on the one thread: two at once keep a page's database reads overlapping with
 * another's render, and more would only stand in /healthz's way (at 20,000 projects, eight
 * clients without pause, on a busy two-core machine: /healthz p99 2.5 s with four places,
 * 1.6 s with two; npm run bench -- load).
 */
export const DEFAULT_LIMITS: Limits = { running: 2, waiting: 32, waitMs: 5_000, retryAfterSeconds: 5 };

export function busyMessage(seconds: number): string {
  return `ただいま混み合っています。${seconds}秒ほど待ってから、もう一度お試しください / The server is busy: try again in ${seconds} seconds`;
}

/** Places to work, and a queue for them that gives up after a while. */
export class Gate {
  private running = 0;
  private readonly queue: { admit: () => void }[] = [];

  constructor(private readonly limits: Pick<Limits, 'running' | 'waiting' | 'waitMs'>) {}

  /** Resolves true once a place is taken, false when refused (queue full, or waited too long). */
  enter(): Promise<boolean> {
    if (this.running < this.limits.running) {
      this.running += 1;
      return Promise.resolve(true);
    }
    if (this.queue.length >= this.limits.waiting) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter = {
        admit: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        this.queue.splice(this.queue.indexOf(waiter), 1);
        resolve(false);
      }, this.limits.waitMs);
      this.queue.push(waiter);
    });
  }

  /** Gives a place back: to the longest waiting, else free. */
  leave(): void {
    const next = this.queue.shift();
    if (next) next.admit();
    else this.running -= 1;
  }

  /** For the figures: at work, waiting. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.queue.length };
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The places of expensive requests: how many are at work and waiting. */
    limiter: Gate;
  }
}

const EXEMPT = new Set(['/healthz', '/readyz', '/metrics', '/api/v1/openapi.json']);

/** Whether a request takes a place: a GET or HEAD of a known route that does real work. */
function limited(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const route = request.routeOptions.url;
  if (route === undefined || EXEMPT.has(route) || route.startsWith('/assets/')) return false;
  return (request.query as { format?: unknown } | undefined)?.format !== 'pdf';
}

const admitted = Symbol('hyoka.limiter.admitted');
type Admitted = FastifyRequest & { [admitted]?: boolean };

export function installLimiter(app: FastifyInstance, limits: Limits = DEFAULT_LIMITS): Gate {
  const gate = new Gate(limits);
  app.decorate('limiter', gate);
  const release = async (request: Admitted) => {
    if (request[admitted] !== true) return;
    request[admitted] = false;
    gate.leave();
  };
  app.addHook('onRequest', async (request: Admitted, reply) => {
    if (!limited(request)) return;
    if (!(await gate.enter())) {
      reply.header('retry-after', String(limits.retryAfterSeconds));
      throw new ServiceError('unavailable', busyMessage(limits.retryAfterSeconds));
    }
    request[admitted] = true;
    // A connection closed before its answer still gives its place back: a place never lost.
    reply.raw.once('close', () => void release(request));
  });
  // The place is given back once the answer is made (onSend: the work is done, only writing
  // is left), or at the latest when it has gone out or the connection closed; once either way.
  app.addHook('onSend', async (request: Admitted) => release(request));
  app.addHook('onResponse', release);
  return gate;
}
