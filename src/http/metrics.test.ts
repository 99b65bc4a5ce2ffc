// /metrics answers Prometheus' text format — checked line by line against the format's grammar —
// to the bearer of HYOKA_METRICS_TOKEN only, with the figures the requests before it made.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requirePostgres } from '../../test/requires.js';
import { testContext } from '../services/test-context.js';
import { loadDemoIfEmpty } from '../services/demo.js';
import { openStore, type Store } from '../store/open.js';
import { createPostgresSchema, type PostgresSchema } from '../store/test-stores.js';
import { buildApp } from './app.js';

const TOKEN = 'metrics-token-2b7d';
const quiet = { write: () => undefined };

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = `[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"`;
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(${LABEL}(?:,${LABEL})*)?\\})? (-?(?:[0-9.]+(?:e[+-]?[0-9]+)?|\\+Inf|NaN))$`);

/** Parses the text format strictly: every line HELP, TYPE or a sample of a family typed before it. */
function parseExposition(text: string): Sample[] {
  expect(text.endsWith('\n')).toBe(true);
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.slice(0, -1).split('\n')) {
    const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      expect(types.has(type[1]!), `${type[1]} typed twice`).toBe(false);
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (new RegExp(`^# HELP ${NAME} .+$`).test(line)) continue;
    const sample = SAMPLE.exec(line);
    expect(sample, line).not.toBeNull();
    const [, name, labelText, value] = sample!;
    const family = types.has(name!) ? name! : name!.replace(/_(bucket|sum|count)$/, '');
    expect(types.get(family), `${name} before its TYPE`).toBeDefined();
    if (family !== name) expect(types.get(family)).toBe('histogram');
    const labels = Object.fromEntries([...(labelText ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
    samples.push({ name: name!, labels, value: Number(value) });
  }
  return samples;
}

function value(samples: Sample[], name: string, labels: Record<string, string>): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

describe('/metrics', () => {
  let store: Store;
  let app: FastifyInstance;
  let closedApp: FastifyInstance;
  beforeAll(async () => {
    store = await openStore({ sqlitePath: ':memory:' });
    await loadDemoIfEmpty(testContext(store));
    app = await buildApp({ store, metricsToken: TOKEN, adminToken: 'admin', logStream: quiet });
    closedApp = await buildApp({ store, logStream: quiet });
  });
  afterAll(async () => {
    await app.close();
    await closedApp.close();
    await store.close();
  });

  it('does not exist without HYOKA_METRICS_TOKEN, and asks for the token with it', async () => {
    expect((await closedApp.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(404);
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: TOKEN }]) {
      const response = await app.inject({ url: '/metrics', headers });
      expect(response.statusCode).toBe(401);
      expect(response.body).not.toContain('hyoka_');
    }
  });

  it('counts requests by route, cache hits and misses, and imports, in a format that parses', async () => {
    const scrape = async () => {
      const response = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      return parseExposition(response.body);
    };
    const before = await scrape();
    for (let i = 0; i < 2; i++) {
      expect((await app.inject('/projects/regional-administration')).statusCode).toBe(200);
      // The stored project's JSON, cached (the working copy: an organization's user reads it).
      expect((await app.inject({ url: '/api/v1/projects/regional-administration', headers: { authorization: 'Bearer admin' } })).statusCode).toBe(200);
    }
    const exported = await app.inject({ url: '/api/v1/export?format=json', headers: { authorization: 'Bearer admin' } });
    const doc = exported.json();
    doc.projects = doc.projects.slice(1);
    const imported = await app.inject({ method: 'POST', url: '/api/v1/import?allowRemovals=true', headers: { authorization: 'Bearer admin', 'content-type': 'application/json' }, payload: doc });
    expect(imported.statusCode).toBe(200);
    const after = await scrape();

    const delta = (name: string, labels: Record<string, string>) => (value(after, name, labels) ?? 0) - (value(before, name, labels) ?? 0);
    expect(delta('hyoka_http_request_duration_seconds_count', { method: 'GET', route: '/projects/:key', status: '2xx' })).toBe(2);
    expect(delta('hyoka_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/projects/:key', status: '2xx' })).toBe(2);
    expect(delta('hyoka_cache_lookups_total', { cache: 'project', result: 'hit' })).toBeGreaterThanOrEqual(1);
    expect(delta('hyoka_cache_lookups_total', { cache: 'page', result: 'hit' })).toBeGreaterThanOrEqual(1);
    expect(delta('hyoka_cache_lookups_total', { cache: 'page', result: 'miss' })).toBeGreaterThanOrEqual(1);
    expect(delta('hyoka_imports_total', { result: 'changed' })).toBe(1);
    expect(delta('hyoka_import_records_total', { change: 'removed' })).toBeGreaterThanOrEqual(1);
    expect(value(after, 'hyoka_expensive_requests', { state: 'running' })).toBe(0);

    // Each histogram series: buckets never fall, +Inf is the count.
    const buckets = after.filter((s) => s.name === 'hyoka_http_request_duration_seconds_bucket' && s.labels.route === '/projects/:key');
    const counts = buckets.map((s) => s.value);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(buckets.at(-1)!.labels.le).toBe('+Inf');
    expect(buckets.at(-1)!.value).toBe(value(after, 'hyoka_http_request_duration_seconds_count', { route: '/projects/:key' }));
  });
});

const postgres = requirePostgres();

describe.skipIf(!postgres.available)(`/metrics on PostgreSQL ${postgres.label}`, () => {
  let schema: PostgresSchema;
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    schema = await createPostgresSchema(postgres.url!);
    store = await openStore({ databaseUrl: schema.url, poolSize: 3 });
    app = await buildApp({ store, metricsToken: TOKEN, logStream: quiet });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await schema?.drop();
  });

  it('reports the pool: its size and its connections by state', async () => {
    await app.inject('/readyz');
    const samples = parseExposition((await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body);
    expect(value(samples, 'hyoka_db_pool_max', {})).toBe(3);
    expect(value(samples, 'hyoka_db_pool_waiting', {})).toBe(0);
    const open = samples.filter((s) => s.name === 'hyoka_db_pool_connections').reduce((sum, s) => sum + s.value, 0);
    expect(open).toBeGreaterThanOrEqual(1);
    expect(open).toBeLessThanOrEqual(3);
  });
});
