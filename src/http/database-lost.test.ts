// An app instance whose PostgreSQL goes away (a restart, a failover, a cut network) answers 503
// in the documented shape with Retry-After — pages and API alike — instead of crashing or
// answering 500, and serves again once the database is back. The database sits behind a TCP
// relay in this test, so "going away" is closing the relay (every connection dropped, new
// ones refused) and "coming back" is opening it again on the same port.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requirePackage, requirePostgres } from '../../test/requires.js';
import { openRelay, type Relay } from '../../test/relay.js';
import { loadDemoIfEmpty } from '../services/demo.js';
import { openStore, type Store } from '../store/open.js';
import { createPostgresSchema, type PostgresSchema } from '../store/test-stores.js';
import { buildApp } from './app.js';
import { testContext } from '../services/test-context.js';

const postgres = requirePostgres();
const chromiumGate = requirePackage('chromium');

describe.skipIf(!postgres.available)(`an instance that loses PostgreSQL ${postgres.label}`, () => {
  let schema: PostgresSchema;
  let relay: Relay;
  let store: Store;
  let app: FastifyInstance;
  const lost: Error[] = [];

  beforeAll(async () => {
    schema = await createPostgresSchema(postgres.url!);
    const target = new URL(schema.url);
    relay = await openRelay(target, 0);
    const relayed = new URL(schema.url);
    relayed.hostname = '127.0.0.1';
    relayed.port = String(relay.port);
    store = await openStore({ databaseUrl: relayed.toString(), onConnectionError: (error) => lost.push(error) });
    await loadDemoIfEmpty(testContext(store));
    app = await buildApp({ store, logStream: { write: () => undefined } });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await relay?.close();
    await schema?.drop();
  });

  it('answers 503 with Retry-After while the database is gone, then recovers', async () => {
    expect((await app.inject('/readyz')).statusCode).toBe(200);
    expect((await app.inject('/api/v1/projects')).statusCode).toBe(200);

    const port = relay.port;
    await relay.close();
    // Alive, not ready: an orchestrator keeps the instance and sends it no traffic.
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    for (const url of ['/readyz', '/api/v1/projects', '/api/v1/policies']) {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(503);
      expect(response.headers['retry-after'], url).toBe('10');
      expect(response.json(), url).toEqual({
        error: { message: 'データベースに接続できません。しばらくしてから再度お試しください / The database cannot be reached: try again shortly' },
      });
    }
    const page = await app.inject('/sheet');
    expect(page.statusCode).toBe(503);
    expect(page.headers['retry-after']).toBe('10');
    expect(page.body).toContain('データベースに接続できません');
    // The pool's idle connection was dropped with the relay: reported, not thrown.
    expect(lost.length).toBeGreaterThan(0);

    relay = await openRelay(new URL(schema.url), port);
    expect((await app.inject('/readyz')).statusCode).toBe(200);
    const projects = await app.inject('/api/v1/projects');
    expect(projects.statusCode).toBe(200);
    expect(projects.json().projects.length).toBe(21);
  }, 60_000);

  it.skipIf(!chromiumGate.available)(`answers a PDF of a page with 503 and Retry-After too ${chromiumGate.label}`, async () => {
    const port = relay.port;
    await relay.close();
    try {
      const response = await app.inject('/sheet?format=pdf');
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('10');
      expect(response.body).toContain('Cannot render /sheet: HTTP 503');
    } finally {
      relay = await openRelay(new URL(schema.url), port);
    }
  }, 60_000);
});
