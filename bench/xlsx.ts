// xlsx: writing the PDCA sheet and the data workbook of a generated organization, and
// reading the data workbook back (zip guard, cells, validation), each in a process of its
// own for its peak resident size, beside plain exceljs doing the same cells in the same run
// (no styles, merges, tables or checks). Targets at 1,000 projects: export < 5 s and
// < 300 MB peak, import < 10 s.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compute } from '../src/interchange/compute.js';
import { generateDocument } from '../src/interchange/generate.js';
import { mb, num, ratio } from './format.js';
import { runJson, TSX } from './processes.js';

interface StepRun {
  ms: number;
  bytes: number;
  maxRssBytes: number;
}

const step = (name: string, input: string, output = '') => runJson<StepRun>([...TSX, 'bench/xlsx-once.ts', name, input, output]);

export async function benchXlsx(projects = 1_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hyoka-bench-xlsx-'));
  try {
    const json = join(dir, 'computed.json');
    const xlsx = join(dir, 'data.xlsx');
    writeFileSync(json, JSON.stringify(compute(generateDocument({ projects, seed: 1 }))));
    const line = (what: string, run: StepRun, plain: StepRun, baseline: string) =>
      console.log(
        `xlsx ${what} ${num(projects)} projects: ${num(Math.round(run.ms))} ms, ${num(run.bytes)} bytes, peak ${mb(run.maxRssBytes)}; ` +
          `${baseline} ${num(Math.round(plain.ms))} ms, peak ${mb(plain.maxRssBytes)}; ratio ${ratio(run.ms, plain.ms)}`,
      );
    line('PDCA sheet', await step('pdca', json), await step('pdca-plain', json), 'plain exceljs of the same cells');
    const data = await step('data', json, xlsx);
    line('data workbook', data, await step('data-plain', json), 'plain exceljs of the same rows');
    line('import data workbook', await step('read', xlsx), await step('read-plain', xlsx), 'exceljs load alone');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('xlsx.ts')) await benchXlsx(Number(process.argv[2] ?? 1_000));
