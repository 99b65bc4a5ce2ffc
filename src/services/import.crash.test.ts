// Crash safety: an import in a child process, killed with SIGKILL at known points (hooks in
// importDocument, not timing), leaves a database whose integrity check passes and whose
// export is exactly the document before the import, or — once committed — the new one.
// On SQLite and on PostgreSQL (the real server, where TEST_DATABASE_URL names one).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../domain/model.js';
import { generateDocument } from '../interchange/generate.js';
import { flattenDocument } from '../store/raw-baseline.js';
import { addressedTestStores, integrityProblems, tableCounts, type AddressedStore } from '../store/test-stores.js';
import { exportDocument } from './export.js';
import { importDocument } from './import.js';
import { testContext } from './test-context.js';
import { CLI } from './context.js';

const CHILD = new URL('./import.crash-child.ts', import.meta.url).pathname;

/** Two versions of one organization: the second removes, changes and adds records of the first. */
function versions(): [HyokaDocument, HyokaDocument] {
  const before = generateDocument({ projects: 40, seed: 21 });
  const after = structuredClone(before);
  const added = structuredClone(before.projects.slice(0, 5)).map((project) => ({
    ...project,
    key: `${project.key}-new`,
    placements: project.placements.map((placement) => ({ ...placement, no: placement.no + 10_000 })),
  }));
  after.projects = [...after.projects.slice(10).map((project, i) => (i % 2 === 0 ? { ...project, name: `${project.name}（改）` } : project)), ...added];
  return [before, after];
}

/** Runs the child until it reports the stage, then kills it with SIGKILL; resolves once it is gone. */
async function killAt(address: AddressedStore['address'], file: string, stage: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(address), file, stage], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`AT ${stage}\n`)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the child exited (${code}) before reaching ${stage}: ${out}${err}`)));
  });
  child.kill('SIGKILL');
  const [, signal] = await exited;
  expect(signal).toBe('SIGKILL');
}

const rowsOf = (doc: HyokaDocument) => Object.fromEntries(flattenDocument(doc).map((t) => [t.table, t.rows.length]));

describe.each(addressedTestStores())('an import killed with SIGKILL on $name', (factory) => {
  let db: AddressedStore;
  let dir: string;
  let file: string;
  const [before, after] = versions();

  beforeAll(async () => {
    db = await factory.open();
    dir = mkdtempSync(join(tmpdir(), 'hyoka-crash-'));
    file = join(dir, 'after.json');
    writeFileSync(file, JSON.stringify(after));
  });
  afterAll(async () => {
    await db?.store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The database as a whole is sound and holds exactly `expected`. */
  async function holds(expected: HyokaDocument): Promise<void> {
    expect(await integrityProblems(db.store)).toEqual([]);
    expect(await exportDocument(testContext(db.store, CLI, expected.organization.name))).toEqual(expected);
    const counts = await tableCounts(db.store);
    for (const [table, rows] of Object.entries(rowsOf(expected))) expect(counts[table], table).toBe(rows);
  }

  // Mid-way through the writes, with every write and deletion done, and just after the commit
  // (three kills, each a process start: a few seconds per database).
  it.each([
    ['periods', 'before'],
    ['commit', 'before'],
    ['committed', 'after'],
  ] as const)('at %s, leaves the document %s the import', async (stage, which) => {
    await importDocument(testContext(db.store), before, { allowRemovals: true });
    await holds(before);
    await killAt(db.address, file, stage);
    await holds(which === 'before' ? before : after);
  }, 60_000);
});
