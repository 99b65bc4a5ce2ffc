import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { openStore, type Store } from '../store/open.js';
import { loadDemoIfEmpty } from '../services/demo.js';
import { Gate, type Limits } from './limiter.js';
import { testContext } from '../services/test-context.js';

/** A route that holds its place until told to answer, so a test can fill the places. */
function holdingRoute(app: FastifyInstance): { entered: Promise<void>; release(): void } {
  let release!: () => void;
  let entered!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const enteredPromise = new Promise<void>((resolve) => (entered = resolve));
  app.get('/test/hold', async () => {
    entered();
    await released;
    return { held: true };
  });
  app.get('/test/fail', async () => {
    throw new Error('boom');
  });
  return { entered: enteredPromise, release };
}

/** Turns of the event loop until the condition holds. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

let store: Store | undefined;
let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  await store?.close();
  app = undefined;
  store = undefined;
});

async function limitedApp(limits: Partial<Limits>) {
  store = await openStore({ sqlitePath: ':memory:' });
  await loadDemoIfEmpty(testContext(store));
  app = await buildApp({ store, limits: { retryAfterSeconds: 7, ...limits } });
  const hold = holdingRoute(app);
  return { app, hold };
}

describe('the limit on expensive requests', () => {
  it('answers 503 with Retry-After once the places are taken: JSON for the API, an HTML page for a page', async () => {
    const { app, hold } = await limitedApp({ running: 1, waiting: 0 });
    const held = app.inject('/test/hold');
    await hold.entered;

    const api = await app.inject('/api/v1/policies');
    expect(api.statusCode).toBe(503);
    expect(api.headers['retry-after']).toBe('7');
    expect(api.headers['content-type']).toMatch(/^application\/json/);
    expect(api.json()).toEqual({ error: { message: expect.stringMatching(/^ただいま混み合っています。7秒ほど待ってから.* \/ The server is busy: try again in 7 seconds$/) } });

    const page = await app.inject('/sheet');
    expect(page.statusCode).toBe(503);
    expect(page.headers['retry-after']).toBe('7');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<html lang="ja">');
    expect(page.body).toContain('ただいま混み合っています');

    // Health and the assets a page loads stay outside the limit.
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    expect((await app.inject('/assets/site.css')).statusCode).toBe(200);
    expect((await app.inject('/api/v1/openapi.json')).statusCode).toBe(200);

    hold.release();
    expect((await held).statusCode).toBe(200);
    expect((await app.inject('/sheet')).statusCode).toBe(200);
  });

  it('lets a request wait for a place, and refuses it when it waited too long', async () => {
    const { app, hold } = await limitedApp({ running: 1, waiting: 1, waitMs: 60_000 });
    const held = app.inject('/test/hold');
    await hold.entered;
    const waiting = app.inject('/api/v1/policies');
    await until(() => app.limiter.load.waiting === 1);
    // The queue holds one: the next is refused at once.
    expect((await app.inject('/api/v1/projects')).statusCode).toBe(503);
    hold.release();
    expect((await held).statusCode).toBe(200);
    expect((await waiting).statusCode).toBe(200);
  });

  it('refuses a request that waited longer than the limit allows', async () => {
    const { app, hold } = await limitedApp({ running: 1, waiting: 4, waitMs: 50 });
    const held = app.inject('/test/hold');
    await hold.entered;
    const late = await app.inject('/');
    expect(late.statusCode).toBe(503);
    expect(late.headers['retry-after']).toBe('7');
    hold.release();
    await held;
  });

  it('gives the place back when the client goes away before its answer', async () => {
    const { app, hold } = await limitedApp({ running: 1, waiting: 0 });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const client = request(`${address}/test/hold`);
    client.on('error', () => undefined);
    client.end();
    await hold.entered;
    expect((await app.inject('/api/v1/policies')).statusCode).toBe(503);
    client.destroy();
    await until(() => app.limiter.load.running === 0);
    expect((await app.inject('/api/v1/policies')).statusCode).toBe(200);
    hold.release();
  });

  it('gives the place back when a request fails', async () => {
    const { app } = await limitedApp({ running: 1, waiting: 0 });
    expect((await app.inject('/test/fail')).statusCode).toBe(500);
    expect((await app.inject('/test/fail')).statusCode).toBe(500);
    expect((await app.inject('/api/v1/policies')).statusCode).toBe(200);
  });
});

describe('Gate', () => {
  it('admits up to its places, queues the next in order, and refuses beyond the queue', async () => {
    const gate = new Gate({ running: 2, waiting: 1, waitMs: 60_000 });
    expect(await gate.enter()).toBe(true);
    expect(await gate.enter()).toBe(true);
    const third = gate.enter();
    expect(await gate.enter()).toBe(false);
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
    gate.leave();
    expect(await third).toBe(true);
    expect(gate.load).toEqual({ running: 2, waiting: 0 });
    gate.leave();
    gate.leave();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });
});
