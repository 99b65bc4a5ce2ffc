// Publish: a 1,000-project organization's cycle, opened and every entry approved, published as a
// new version (read the stored document, compute it, canonical JSON, SHA-256, one insert and its
// change-log entry), median and p95 of a few runs, beside a baseline of the same run: compute,
// JSON.stringify and SHA-256 of the same document already in memory. SQLite (and PostgreSQL when
// a server is named). Goal: under 2 s. Also printed: the stored document's read alone, and what
// /versions/Y takes to compare two versions of that size.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compute } from '../src/interchange/compute.js';
import { generateDocument } from '../src/interchange/generate.js';
import { CLI, createContext } from '../src/services/context.js';
import { openCycle } from '../src/services/cycles.js';
import { importDocument } from '../src/services/import.js';
import { publishCycle } from '../src/services/publications.js';
import { cycleVersions } from '../src/services/versions.js';
import { openStore, type StoreOptions } from '../src/store/index.js';
import { createPostgresSchema } from '../src/store/test-stores.js';
import { mb, num, percentile, ratio } from './format.js';

const PROJECTS = 1_000;
const RUNS = 7;
const FISCAL_YEAR = 2021;

export async function benchPublish(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hyoka-bench-publish-'));
  try {
    await benchOne({ sqlitePath: join(dir, 'publish.sqlite') }, 'SQLite');
    const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (url) {
      const schema = await createPostgresSchema(url);
      try {
        await benchOne({ databaseUrl: schema.url }, 'PostgreSQL');
      } finally {
        await schema.drop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median and p95 (ms) of `runs` calls. */
async function timed(runs: number, work: () => unknown): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function benchOne(where: StoreOptions, dialect: string): Promise<void> {
  const store = await openStore(where);
  try {
    const ctx = createContext(store, CLI);
    const doc = generateDocument({ projects: PROJECTS, fiscalYear: FISCAL_YEAR });
    await importDocument(ctx, doc);
    const opened = await openCycle(ctx, FISCAL_YEAR);
    // Approving each entry is the cycle's work, not publication's: every entry is set approved at once.
    await store.handles.db.updateTable('cycle_entries').set({ stage: 'approved' }).execute();
    let size = 0;
    const publish = await timed(RUNS, async () => {
      await publishCycle(ctx, FISCAL_YEAR, { note: 'bench' });
    });
    const baseline = await timed(RUNS, () => {
      const text = JSON.stringify(compute(doc));
      size = Buffer.byteLength(text);
      return createHash('sha256').update(text).digest('hex');
    });
    const orgId = (await ctx.organization()).id;
    const read = await timed(RUNS, () => store.documents.read(orgId));
    // What /versions/Y works out for the latest version: two stored documents parsed and compared.
    const versions = await timed(RUNS, () => cycleVersions(ctx, FISCAL_YEAR, { version: RUNS, pageSize: 100 }));
    console.log(
      `publish a cycle of ${num(opened.entries)} entries (${num(PROJECTS)} projects, ${mb(size)} of JSON) on ${dialect}: p50 ${publish.p50.toFixed(0)} ms, p95 ${publish.p95.toFixed(0)} ms; ` +
        `baseline compute + JSON.stringify + SHA-256 in memory p50 ${baseline.p50.toFixed(0)} ms, p95 ${baseline.p95.toFixed(0)} ms; p50 ratio ${ratio(publish.p50, baseline.p50)} (goal: < 2 s); ` +
        `of which reading the stored document p50 ${read.p50.toFixed(0)} ms; the version page's comparison of two versions p50 ${versions.p50.toFixed(0)} ms`,
    );
  } finally {
    await store.close();
  }
}
