// /healthz says the process is alive; /readyz that it can serve: the database answers and has
// run this version's migrations (an instance of a newer version must not be sent traffic over
// an older schema, nor an older one over a newer). A lost database: database-lost.test.ts.
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { testStores } from '../store/test-stores.js';
import { LATEST_MIGRATION } from '../store/migrations/index.js';
import type { Store } from '../store/index.js';
import { buildApp } from './app.js';

describe.each(testStores())('health and readiness on $name', (factory) => {
  let store: Store | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    await store?.close();
  });

  it('is ready on a migrated database, and unready (503, alive still) when its last migration is missing', async () => {
    store = await factory.open();
    app = await buildApp({ store, logStream: { write: () => undefined } });
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect([ready.statusCode, ready.json()]).toEqual([200, { status: 'ok' }]);

    await sql`delete from kysely_migration where name = ${LATEST_MIGRATION}`.execute(store.handles.db);
    const unready = await app.inject('/readyz');
    expect(unready.statusCode).toBe(503);
    expect(unready.headers['retry-after']).toBe('10');
    expect(unready.json().error.message).toContain('The database has not been migrated to this version');
    expect((await app.inject('/healthz')).statusCode).toBe(200);
  });
});
