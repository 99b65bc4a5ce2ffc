// Import: database rows per second from a file, validation included, into a fresh SQLite
// file, beside raw prepared inserts of the same rows; at three sizes to show the growth,
// with the peak resident size of the import process.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDocument } from '../src/interchange/generate.js';
import { mb, num, perSecond, ratio } from './format.js';
import { runJson, TSX } from './processes.js';

interface ImportRun {
  rows: number;
  ms: number;
  maxRssBytes: number;
}

export async function benchImport(sizes: readonly number[] = [1_000, 10_000, 100_000]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hyoka-bench-import-'));
  const rates = new Map<number, number>();
  try {
    for (const projects of sizes) {
      const file = join(dir, `org-${projects}.json`);
      writeFileSync(file, JSON.stringify(generateDocument({ projects })));
      const run = await runJson<ImportRun>([...TSX, 'bench/import-once.ts', file, join(dir, 'import.sqlite')]);
      const raw = await runJson<{ rows: number; ms: number }>([...TSX, 'bench/raw-once.ts', file, join(dir, 'raw.sqlite')]);
      const rate = perSecond(run.rows, run.ms);
      const rawRate = perSecond(raw.rows, raw.ms);
      rates.set(projects, rate);
      console.log(
        `import ${num(projects)} projects: ${num(rate)} rows/s (${num(run.rows)} rows in ${num(Math.round(run.ms))} ms, validation included); ` +
          `raw inserts ${num(rawRate)} rows/s; ratio ${ratio(rate, rawRate)}; peak ${mb(run.maxRssBytes)}`,
      );
      rmSync(file);
    }
    const first = rates.get(sizes[0]!);
    const last = rates.get(sizes.at(-1)!);
    if (first && last && sizes.length > 1) {
      console.log(`import growth: rate at ${num(sizes.at(-1)!)} ÷ rate at ${num(sizes[0]!)} = ${ratio(last, first)} (linear when ≥ 0.80)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
