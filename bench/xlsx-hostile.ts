// xlsx-hostile: the peak resident size of reading a workbook made to cost memory, each in a
// process of its own, beside reading a generated 1,000-project data workbook in the same run.
// The zip guard (src/interchange/xlsx/zip-guard.ts) bounds it: the `old-limits` workbook
// (16.6 MB, 2.9 million cells, which took 1.35 GB to read before cells were counted) is
// refused before exceljs sees it; the others are the largest of their kind it lets through.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compute } from '../src/interchange/compute.js';
import { generateDocument } from '../src/interchange/generate.js';
import { writeDataWorkbook } from '../src/interchange/xlsx/data-workbook.js';
import { mb, num, ratio } from './format.js';
import { HOSTILE_WORKBOOKS, hostileWorkbook } from './hostile-workbooks.js';
import { runJson, TSX } from './processes.js';

interface ReadRun {
  ms: number;
  bytes: number;
  maxRssBytes: number;
  refused?: string;
}

const read = (file: string) => runJson<ReadRun>([...TSX, 'bench/xlsx-once.ts', 'read-any', file]);

export async function benchXlsxHostile(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hyoka-bench-hostile-'));
  try {
    const baselineFile = join(dir, 'data-1000.xlsx');
    writeFileSync(baselineFile, await writeDataWorkbook(compute(generateDocument({ projects: 1_000, seed: 1 }))));
    const baseline = await read(baselineFile);
    console.log(`xlsx-hostile baseline, data workbook of 1,000 projects: ${num(baseline.bytes)} bytes, ${num(Math.round(baseline.ms))} ms, peak ${mb(baseline.maxRssBytes)}`);
    for (const kind of HOSTILE_WORKBOOKS) {
      const file = join(dir, `${kind}.xlsx`);
      writeFileSync(file, hostileWorkbook(kind));
      const run = await read(file);
      const outcome = run.refused ? `refused (${run.refused.split(' / ')[1] ?? run.refused})` : 'read';
      console.log(
        `xlsx-hostile ${kind}: ${num(run.bytes)} bytes, ${outcome} in ${num(Math.round(run.ms))} ms, peak ${mb(run.maxRssBytes)}; ` +
          `ratio to the baseline's peak ${ratio(run.maxRssBytes, baseline.maxRssBytes)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('xlsx-hostile.ts')) await benchXlsxHostile();
