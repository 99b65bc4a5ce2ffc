// npm run fuzz [-- --count N] [--seed S] [--readers json,xlsx,csv,sheet-text] [--stores sqlite,postgres]
// Random and spoiled files (fuzz/inputs.ts), N per reader, each imported through the service
// and through the API (app.inject) on every store; prints per reader and store the crashes
// (exceptions that are not ServiceError), 5xx answers and partial writes (the store changed
// though the import was refused) — the goal is 0 of each — and keeps every failing input in
// a directory to replay. Not part of CI: 10,000 per reader takes a while.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_FORMATS, exportFile, type ImportFormat } from '../src/services/files.js';
import { DEMO_DOCUMENT } from '../src/services/demo.js';
import { CLI, createContext } from '../src/services/context.js';
import { unzipEntries } from '../src/interchange/xlsx/test-support.js';
import { generators, sheetTextSeed, type Seeds } from './inputs.js';
import { Random } from './random.js';
import { fingerprint, openFuzzStores, throughApi, throughService, type FuzzStore, type Outcome } from './targets.js';

process.env.NODE_ENV ??= 'production';
const { values } = parseArgs({
  options: { count: { type: 'string' }, seed: { type: 'string' }, readers: { type: 'string' }, stores: { type: 'string' } },
});
const count = Number(values.count ?? 10_000);
const seed = Number(values.seed ?? 1);
const readers = (values.readers?.split(',') ?? [...IMPORT_FORMATS]) as ImportFormat[];
for (const reader of readers) if (!IMPORT_FORMATS.includes(reader)) throw new Error(`unknown reader: ${reader}`);

interface Tally {
  files: number;
  accepted: number;
  refused: number;
  crashes: number;
  fiveHundreds: number;
  partialWrites: number;
  slowestMs: number;
}

const empty = (): Tally => ({ files: 0, accepted: 0, refused: 0, crashes: 0, fiveHundreds: 0, partialWrites: 0, slowestMs: 0 });
const failures = join(tmpdir(), `hyoka-fuzz-${seed}`);
mkdirSync(failures, { recursive: true });
const examples: string[] = [];

const stores = await openFuzzStores(values.stores?.split(','));
const seeds = await demoSeeds(stores[0]!);
const make = generators(seeds);

async function demoSeeds(target: FuzzStore): Promise<Seeds> {
  const file = async (format: Parameters<typeof exportFile>[1]['format'], encoding?: 'cp932') =>
    Buffer.from((await exportFile(createContext(target.store, CLI), { format, ...(encoding && { encoding }) })).bytes);
  return {
    json: readFileSync(DEMO_DOCUMENT),
    workbooks: [await unzipEntries(await file('xlsx-data')), await unzipEntries(await file('xlsx-template'))],
    csv: [await file('csv'), await file('csv-budgets'), await file('csv', 'cp932')],
    sheetText: sheetTextSeed(),
  };
}

function record(tally: Tally, outcome: Outcome, changed: boolean, where: string, how: string, bytes: Buffer): void {
  tally.files += 1;
  const failed: string[] = [];
  if (outcome.kind === 'accepted') tally.accepted += 1;
  else tally.refused += 1;
  if (outcome.kind === 'crash') (tally.crashes += 1), failed.push(`crash: ${outcome.message}`);
  if (outcome.kind === '5xx') (tally.fiveHundreds += 1), failed.push(`HTTP ${outcome.status}: ${outcome.message}`);
  if (outcome.kind !== 'accepted' && changed) (tally.partialWrites += 1), failed.push('partial write: the store changed though the import was refused');
  if (failed.length === 0) return;
  const name = join(failures, `${where.replace(/\W+/g, '-')}-${tally.files}`);
  writeFileSync(name, bytes);
  if (examples.length < 30) examples.push(`${where} ${how} (${name}): ${failed.join('; ')}`);
}

const rows: string[] = [];
const started = performance.now();
for (const reader of readers) {
  const random = new Random(seed * 1_000 + IMPORT_FORMATS.indexOf(reader));
  const tallies = new Map(stores.flatMap((s) => [`${s.name} service`, `${s.name} api`].map((key) => [key, empty()])));
  const readerStart = performance.now();
  for (let i = 0; i < count; i++) {
    const { bytes, how } = make[reader](random);
    for (const target of stores) {
      for (const path of ['service', 'api'] as const) {
        const before = await fingerprint(target.store);
        const start = performance.now();
        const outcome = path === 'service' ? await throughService(target.store, reader, bytes) : await throughApi(target.app, reader, bytes);
        const tally = tallies.get(`${target.name} ${path}`)!;
        tally.slowestMs = Math.max(tally.slowestMs, performance.now() - start);
        const changed = (await fingerprint(target.store)) !== before;
        record(tally, outcome, changed, `${reader} ${target.name} ${path}`, how, bytes);
      }
    }
    if ((i + 1) % 1000 === 0) process.stderr.write(`${reader}: ${i + 1} of ${count} (${Math.round((performance.now() - readerStart) / 1000)} s)\n`);
  }
  for (const [where, t] of tallies) {
    rows.push(
      `${reader.padEnd(10)} ${where.padEnd(17)} files ${t.files}, accepted ${t.accepted}, refused ${t.refused}; ` +
        `crashes ${t.crashes}, 5xx ${t.fiveHundreds}, partial writes ${t.partialWrites}; slowest ${Math.round(t.slowestMs)} ms`,
    );
  }
}
for (const target of stores) await target.close();

console.log(`fuzz: seed ${seed}, ${count} files per reader, stores ${stores.map((s) => s.name).join(' + ')}, ${Math.round((performance.now() - started) / 1000)} s`);
for (const row of rows) console.log(row);
console.log(examples.length === 0 ? 'no crash, no 5xx, no partial write' : `failures (inputs kept in ${failures}):\n  ${examples.join('\n  ')}`);
