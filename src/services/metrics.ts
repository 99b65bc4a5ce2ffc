// The figures an operator watches, in Prometheus' text format (version 0.0.4), kept per process:
// request durations by route, imports and the records they wrote, cache hits and misses, and
// (read when scraped) the database pool and the limiter. A few counters and one histogram do
// not need a client library.
import { ServiceError } from './errors.js';
import { sameSecret } from './secrets.js';
import type { Context } from './context.js';

type Labels = Record<string, string>;

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labelText = (labels: Labels) => {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabel(value)}"`);
  return pairs.length > 0 ? `{${pairs.join(',')}}` : '';
};
const key = (labels: Labels) => JSON.stringify(Object.entries(labels));

class Counter {
  readonly #values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  add(labels: Labels = {}, by = 1): void {
    const entry = this.#values.get(key(labels)) ?? { labels, value: 0 };
    entry.value += by;
    this.#values.set(key(labels), entry);
  }

  lines(): string[] {
    return [...this.#values.values()].map(({ labels, value }) => `${this.name}${labelText(labels)} ${value}`);
  }
}

/** Upper bounds in seconds: from a cached page (a few ms) to a large export. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

class Histogram {
  readonly #series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  observe(labels: Labels, seconds: number): void {
    const series = this.#series.get(key(labels)) ?? { labels, counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
    BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) series.counts[i]! += 1;
    });
    series.sum += seconds;
    series.count += 1;
    this.#series.set(key(labels), series);
  }

  lines(): string[] {
    return [...this.#series.values()].flatMap(({ labels, counts, sum, count }) => [
      ...BUCKETS.map((bound, i) => `${this.name}_bucket${labelText({ ...labels, le: String(bound) })} ${counts[i]}`),
      `${this.name}_bucket${labelText({ ...labels, le: '+Inf' })} ${count}`,
      `${this.name}_sum${labelText(labels)} ${sum}`,
      `${this.name}_count${labelText(labels)} ${count}`,
    ]);
  }
}

export const requestDuration = new Histogram('hyoka_http_request_duration_seconds', 'Time to answer a request, by method, route pattern and status class');
export const importsTotal = new Counter('hyoka_imports_total', 'Imports run to the end, dry runs excluded, by result (changed, unchanged)');
export const importRecordsTotal = new Counter('hyoka_import_records_total', 'Records the imports added, updated and removed');
export const cacheLookups = new Counter('hyoka_cache_lookups_total', 'Cache lookups by cache (page, project, document) and result (hit, miss)');

/** One lookup of a cache. */
export function countLookup(cache: 'page' | 'project' | 'document', hit: boolean): void {
  cacheLookups.add({ cache, result: hit ? 'hit' : 'miss' });
}

/** A value read when scraped (the pool, the limiter). */
export interface Gauge {
  name: string;
  help: string;
  values: { labels?: Labels; value: number }[];
}

/** The whole exposition: the process's counters and histogram, and the gauges given. */
export function metricsText(gauges: Gauge[]): string {
  const families = [
    { name: requestDuration.name, help: requestDuration.help, type: 'histogram', lines: requestDuration.lines() },
    ...[importsTotal, importRecordsTotal, cacheLookups].map((counter) => ({ name: counter.name, help: counter.help, type: 'counter', lines: counter.lines() })),
    ...gauges.map((gauge) => ({ name: gauge.name, help: gauge.help, type: 'gauge', lines: gauge.values.map(({ labels, value }) => `${gauge.name}${labelText(labels ?? {})} ${value}`) })),
  ];
  return families.map((family) => [`# HELP ${family.name} ${family.help}`, `# TYPE ${family.name} ${family.type}`, ...family.lines].join('\n')).join('\n') + '\n';
}

/**
 * Who may read the figures: the bearer of HYOKA_METRICS_TOKEN. Without the setting there is no
 * such endpoint (404), so a deployment that does not scrape shows nothing.
 */
export function authorizeMetrics(presented: string | undefined, configured: string | undefined): void {
  if (!configured) throw new ServiceError('not-found', '見つかりません / Not found: /metrics');
  if (presented === undefined || !sameSecret(presented, configured)) {
    throw new ServiceError('unauthorized', 'メトリクスのトークンが正しくありません / Invalid or missing metrics token (HYOKA_METRICS_TOKEN)');
  }
}

/** The PostgreSQL pool of this instance (none on SQLite). */
export function poolGauges(ctx: Context): Gauge[] {
  const pool = ctx.store.poolUse?.();
  if (!pool) return [];
  return [
    {
      name: 'hyoka_db_pool_connections',
      help: 'PostgreSQL connections of this instance, by state',
      values: [
        { labels: { state: 'busy' }, value: pool.total - pool.idle },
        { labels: { state: 'idle' }, value: pool.idle },
      ],
    },
    { name: 'hyoka_db_pool_waiting', help: 'Queries waiting for a connection', values: [{ value: pool.waiting }] },
    { name: 'hyoka_db_pool_max', help: 'The pool size (--pool, HYOKA_DB_POOL)', values: [{ value: pool.max }] },
  ];
}
