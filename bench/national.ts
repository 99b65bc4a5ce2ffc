// National size (issue 14): `hyoka generate --organizations N` into PostgreSQL — rows/s beside
// raw multi-row INSERTs of the same rows (pg-copy-streams is not installed, so no COPY) — then,
// on that database, one city's dashboard and /sheet p95 beside the same pages with that city
// alone, the SDG aggregate over every city, and the static publication of one city and of all.
// Size: HYOKA_BENCH_ORGS (default 50) × HYOKA_BENCH_PROJECTS (default 500); the full country
// is HYOKA_BENCH_ORGS=1741. Publishing every city is the longest part (about a city's time
// each): it runs with HYOKA_BENCH_STATIC_ALL=1, else its time is estimated from one city's. Needs DATABASE_URL or TEST_DATABASE_URL; each run works in fresh schemas it drops.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/http/app.js';
import { injectFetch } from '../src/http/inject-fetch.js';
import { generateDocument } from '../src/interchange/generate.js';
import { aggregateSdgs } from '../src/services/aggregates.js';
import { CLI, createContext } from '../src/services/context.js';
import { generateInto } from '../src/services/generate.js';
import { publishStatic } from '../src/services/static-publication.js';
import { openStore, type Store } from '../src/store/index.js';
import { countRows, flattenDocument, insertRawRowsPostgres } from '../src/store/raw-baseline.js';
import { createPostgresSchema, type PostgresSchema } from '../src/store/test-stores.js';
import { mb, num, percentile, perSecond, ratio } from './format.js';

type App = Awaited<ReturnType<typeof buildApp>>;

/** Keys of one organization's rows in the raw baseline: organization i's start at i × this. */
const KEY_STRIDE = 1_000_000;
const CITY = '900001';
const PAGE_RUNS = 40;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function withSchema<T>(url: string, use: (schema: PostgresSchema) => Promise<T>): Promise<T> {
  const schema = await createPostgresSchema(url);
  try {
    return await use(schema);
  } finally {
    await schema.drop();
  }
}

/** The rows of the organizations' documents, as flattened for the baseline (generated again, untimed). */
function documentRows(organizations: number, projects: number): number {
  let rows = 0;
  for (let seed = 1; seed <= organizations; seed++) rows += countRows(flattenDocument(generateDocument({ projects, seed })));
  return rows;
}

async function rawBaseline(url: string, organizations: number, projects: number): Promise<{ rows: number; ms: number }> {
  return withSchema(url, async (schema) => {
    await (await openStore({ databaseUrl: schema.url, poolSize: 1 })).close(); // the migrated, empty schema
    const client = new pg.Client({ connectionString: schema.url });
    await client.connect();
    try {
      let rows = 0;
      let ms = 0;
      for (let seed = 1; seed <= organizations; seed++) {
        const tables = flattenDocument(generateDocument({ projects, seed }));
        const start = performance.now();
        rows += await insertRawRowsPostgres(client, tables, (seed - 1) * KEY_STRIDE);
        ms += performance.now() - start;
      }
      return { rows, ms };
    } finally {
      await client.end();
    }
  });
}

async function p95(app: App, url: string): Promise<number> {
  for (let i = 0; i < 3; i++) await app.inject(url);
  const times: number[] = [];
  for (let i = 0; i < PAGE_RUNS; i++) {
    const start = performance.now();
    const response = await app.inject(url);
    times.push(performance.now() - start);
    if (response.statusCode !== 200) throw new Error(`${url}: HTTP ${response.statusCode}`);
  }
  return percentile(times.sort((a, b) => a - b), 95);
}

const PAGES = [`/?org=${CITY}`, `/sheet?org=${CITY}`];

async function pagesP95(store: Store): Promise<number[]> {
  const app = await buildApp({ store });
  try {
    const out: number[] = [];
    for (const url of PAGES) out.push(await p95(app, url));
    return out;
  } finally {
    await app.close();
  }
}

async function timedStatic(store: Store, all: boolean): Promise<{ ms: number; line: string }> {
  const app = await buildApp({ store });
  const work = await mkdtemp(path.join(tmpdir(), 'hyoka-bench-national-'));
  try {
    const start = performance.now();
    const published = await publishStatic(createContext(store, CLI, all ? undefined : CITY), { dir: path.join(work, 'site'), all, fetch: injectFetch(app) });
    const ms = performance.now() - start;
    const line = `${seconds(ms)}, ${num(published.organizations.length)} organization(s), ${num(published.files)} files, ${mb(published.bytes)}, ${num(perSecond(published.files, ms))} files/s${published.leftOut.length > 0 ? `, ${published.leftOut.length} links left out` : ''}`;
    return { ms, line };
  } finally {
    await app.close();
    await rm(work, { recursive: true, force: true });
  }
}

export async function benchNational(): Promise<void> {
  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('national: skipped (set DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL server)');
    return;
  }
  const organizations = Number(process.env.HYOKA_BENCH_ORGS ?? 50);
  const projects = Number(process.env.HYOKA_BENCH_PROJECTS ?? 500);
  const rows = documentRows(organizations, projects);

  await withSchema(url, async (national) => {
    const store = await openStore({ databaseUrl: national.url });
    try {
      const start = performance.now();
      await generateInto(createContext(store, CLI), { organizations, projects, publish: true });
      const loadMs = performance.now() - start;
      const raw = await rawBaseline(url, organizations, projects);
      console.log(
        `national load (hyoka generate --organizations ${num(organizations)} --projects ${num(projects)} --publish): ${seconds(loadMs)}, ` +
          `${num(perSecond(rows, loadMs))} rows/s (${num(rows)} document rows; validation, change log, revisions and each city's publication included); ` +
          `raw multi-row INSERT of the same rows (no pg-copy-streams, so no COPY) ${num(perSecond(raw.rows, raw.ms))} rows/s; ratio ${ratio(raw.ms, loadMs)}`,
      );

      const atScale = await pagesP95(store);
      const alone = await withSchema(url, async (single) => {
        const one = await openStore({ databaseUrl: single.url });
        try {
          await generateInto(createContext(one, CLI), { organizations: 1, projects, publish: true });
          return await pagesP95(one);
        } finally {
          await one.close();
        }
      });
      PAGES.forEach((page, i) => {
        console.log(`national page ${page}: p95 ${atScale[i]!.toFixed(1)} ms among ${num(organizations)} organizations; ${alone[i]!.toFixed(1)} ms alone; ratio ${ratio(atScale[i]!, alone[i]!)} (goal ≤ 2)`);
      });

      const times: number[] = [];
      let goals = '';
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        const aggregate = await aggregateSdgs(createContext(store, CLI), 2021);
        times.push(performance.now() - t);
        goals = `${aggregate.organizations} organizations, ${num(aggregate.goals.reduce((sum, g) => sum + g.measured, 0))} periods measured`;
      }
      console.log(`national aggregate (hyoka aggregate sdgs --year 2021; ${goals}): ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')} (goal < 2 s)`);

      const city = await timedStatic(store, false);
      console.log(`national static publication of one city (${num(projects)} projects): ${city.line}`);
      if (process.env.HYOKA_BENCH_STATIC_ALL === '1') console.log(`national static publication of all cities: ${(await timedStatic(store, true)).line}`);
      else console.log(`national static publication of all cities: about ${seconds(city.ms * organizations)} estimated from one city × ${num(organizations)} (HYOKA_BENCH_STATIC_ALL=1 measures it)`);
    } finally {
      await store.close();
    }
  });
}
