// Save: one project through the write path (validation, rights, version check, write, change
// log) in a 1,000-project organization, p50/p95, beside one single-row UPDATE of the same
// database; and a merge import of one project into a 10,000-project organization beside a whole
// replace carrying the same change. SQLite files, in this process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { HyokaDocument, Project } from '../src/domain/model.js';
import { generateDocument } from '../src/interchange/generate.js';
import { CLI, createContext, type UserActor } from '../src/services/context.js';
import { projectForEdit, saveProjects } from '../src/services/editing.js';
import { importDocument } from '../src/services/import.js';
import { openStore, type Store, type StoreOptions } from '../src/store/index.js';
import { createPostgresSchema } from '../src/store/test-stores.js';
import { num, percentile, ratio } from './format.js';

const ms = (n: number) => `${n.toFixed(2)} ms`;

/** p50 and p95 of `runs` calls: the whole call, or the milliseconds it answers when it times a part of itself. */
async function timed(runs: number, work: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const part = await work(i);
    times.push(typeof part === 'number' ? part : performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** An actual of the project's first period with one, set to `value` (a copy). */
function withActual(project: Project, value: number): Project {
  const copy = structuredClone(project);
  for (const indicator of copy.indicators ?? []) {
    const period = indicator.periods?.[0];
    if (period) {
      period.actual = value;
      return copy;
    }
  }
  copy.summary = `summary ${value}`;
  return copy;
}

async function organization(where: StoreOptions, projects: number): Promise<{ store: Store; doc: HyokaDocument }> {
  const store = await openStore(where);
  const doc = generateDocument({ projects });
  await importDocument(createContext(store, CLI), doc);
  return { store, doc };
}

export async function benchSave(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hyoka-bench-save-'));
  try {
    await benchOneSave({ sqlitePath: join(dir, 'save.sqlite') }, 'SQLite', 1_000, 200);
    // PostgreSQL too when a server is named (a schema of its own, dropped after).
    const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (url) {
      const schema = await createPostgresSchema(url);
      try {
        await benchOneSave({ databaseUrl: schema.url }, 'PostgreSQL', 1_000, 200);
      } finally {
        await schema.drop();
      }
    }
    await benchMerge({ sqlitePath: join(dir, 'merge.sqlite') }, 10_000, 5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchOneSave(where: StoreOptions, dialect: string, projects: number, runs: number): Promise<void> {
  const { store, doc } = await organization(where, projects);
  try {
    // A division saving its own projects in turn: the rights are checked path by path.
    const sample = doc.projects.slice(0, 50);
    const first = sample[0]!;
    const mine = sample.filter((p) => p.bureau === first.bureau && p.division === first.division);
    const actor: UserActor = { kind: 'user', userId: 1, login: 'bench', orgId: 1, role: 'division', division: first.division, ...(first.bureau !== undefined && { bureau: first.bureau }) };
    const ctx = () => createContext(store, actor);
    const save = await timed(runs, async (i) => {
      const key = mine[i % mine.length]!.key;
      const { project, version } = await projectForEdit(ctx(), key);
      const start = performance.now();
      await saveProjects(ctx(), [{ key, project: withActual(project, 1000 + i), ifMatch: version }], { channel: 'form' });
      return performance.now() - start;
    });
    const read = await timed(runs, (i) => projectForEdit(ctx(), mine[i % mine.length]!.key));
    const id = (await store.handles.db.selectFrom('projects').select('id').where('key', '=', first.key).executeTakeFirstOrThrow()).id;
    const update = await timed(runs, (i) => sql`update projects set summary = ${`summary ${i}`} where id = ${id}`.execute(store.handles.db));
    console.log(
      `save one project of ${num(projects)} on ${dialect} (validation, rights, version, write, log): p50 ${ms(save.p50)}, p95 ${ms(save.p95)}; ` +
        `the read alone p95 ${ms(read.p95)}; single-row UPDATE p50 ${ms(update.p50)}, p95 ${ms(update.p95)}; p95 ratio ${ratio(save.p95, update.p95)} (goal: p95 < 50 ms)`,
    );
  } finally {
    await store.close();
  }
}

async function benchMerge(where: StoreOptions, projects: number, runs: number): Promise<void> {
  const { store, doc } = await organization(where, projects);
  try {
    const ctx = createContext(store, CLI);
    const key = doc.projects[projects >> 1]!.key;
    let value = 0;
    const changed = () => doc.projects.map((p) => (p.key === key ? withActual(p, ++value) : p));
    const merge = await timed(runs, async () => {
      const project = changed().find((p) => p.key === key)!;
      await importDocument(ctx, { format: 'hyoka/1', organization: doc.organization, policies: [], projects: [project] }, { mode: 'merge' });
    });
    const replace = await timed(runs, async () => {
      await importDocument(ctx, { ...doc, projects: changed() });
    });
    console.log(
      `merge one project into ${num(projects)} on SQLite: p50 ${ms(merge.p50)}, p95 ${ms(merge.p95)}; ` +
        `whole replace with the same change p50 ${ms(replace.p50)}, p95 ${ms(replace.p95)}; ratio ${ratio(merge.p50, replace.p50)}`,
    );
  } finally {
    await store.close();
  }
}
