// One xlsx step in a process of its own, so its peak resident size is the step's alone:
// read a computed document (untimed), then write the PDCA sheet or the data workbook, read
// a data workbook back (read-any: one that may be refused), or do the baseline of each with
// plain exceljs; print JSON figures.
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { peakRssBytes } from './format.js';
import type { HyokaDocument } from '../src/domain/model.js';
import { sheetOf } from '../src/interchange/sheet-rows.js';
import { dataRows } from '../src/interchange/xlsx/data-rows.js';
import { writeDataWorkbook } from '../src/interchange/xlsx/data-workbook.js';
import { writePdcaWorkbook } from '../src/interchange/xlsx/pdca-sheet.js';
import { readWorkbook } from '../src/interchange/xlsx/read-workbook.js';
import { TABLES } from '../src/interchange/xlsx/tables.js';

type Step = 'pdca' | 'pdca-plain' | 'data' | 'data-plain' | 'read' | 'read-any' | 'read-plain';
const [step, input, output] = process.argv.slice(2) as [Step, string, string];

/** The PDCA sheet's cells, one line per indicator line, values only: no styles, merges or page setup (the same streaming writer). */
async function plainPdca(doc: HyokaDocument): Promise<Buffer> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ useSharedStrings: true, zip: { zlib: { level: 1 } } });
  const ws = workbook.addWorksheet('sheet');
  for (const row of sheetOf(doc).rows) {
    const head = [`${row.policy.code} ${row.policy.title}`, row.no, row.sdgs.join(' '), row.projectName, row.division, row.summary];
    const tail = [row.course, ...row.budgets, row.budgetChange, row.personnelCost, row.grade, row.improvement, row.policyGrade, row.policyImprovement];
    if (row.indicators.length === 0) ws.addRow([...head, ...Array(7).fill(null), ...tail]).commit();
    for (const indicator of row.indicators) {
      ws.addRow([...head, indicator.name, indicator.baseline, '目標', ...indicator.periods.map((p) => p.target), indicator.midTerm, ...tail]);
      ws.addRow([null, null, null, null, null, null, null, null, '実績', ...indicator.periods.map((p) => p.actual)]);
      ws.addRow([null, null, null, null, null, null, null, null, '達成率', ...indicator.periods.map((p) => p.rate)]).commit();
    }
  }
  ws.commit();
  await workbook.commit();
  return (workbook as unknown as { stream: { read(): Buffer } }).stream.read();
}

/** The data workbook's rows as plain sheets: no tables, styles or widths (the same streaming writer). */
async function plainData(doc: HyokaDocument): Promise<Buffer> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ useSharedStrings: true, zip: { zlib: { level: 1 } } });
  const rows = dataRows(doc);
  for (const spec of TABLES) {
    const ws = workbook.addWorksheet(spec.sheet);
    ws.addRow(spec.columns.map((column) => column.header)).commit();
    for (const row of rows[spec.table] ?? []) ws.addRow(spec.columns.map((column) => row[column.name] ?? null)).commit();
    ws.commit();
  }
  await workbook.commit();
  return (workbook as unknown as { stream: { read(): Buffer } }).stream.read();
}

const bytesIn = step.startsWith('read') ? readFileSync(input) : undefined;
const doc = bytesIn ? undefined : (JSON.parse(readFileSync(input, 'utf8')) as HyokaDocument);
const start = performance.now();
let bytes = 0;
let refused: string | undefined;
if (step === 'pdca') bytes = (await writePdcaWorkbook(doc!)).length;
else if (step === 'pdca-plain') bytes = (await plainPdca(doc!)).length;
else if (step === 'data') {
  const buffer = await writeDataWorkbook(doc!);
  bytes = buffer.length;
  if (output) writeFileSync(output, buffer);
} else if (step === 'data-plain') bytes = (await plainData(doc!)).length;
else if (step === 'read') {
  const reading = await readWorkbook(bytesIn!);
  if (!reading.ok) throw new Error(`read failed: ${reading.problems[0]?.place} ${reading.problems[0]?.message}`);
  bytes = bytesIn!.length;
} else if (step === 'read-any') {
  // A workbook that may be refused (bench/xlsx-hostile.ts): the refusal is a figure, not a failure.
  const reading = await readWorkbook(bytesIn!);
  if (!reading.ok && reading.problems[0]?.place === 'ブック') refused = reading.problems[0].message;
  bytes = bytesIn!.length;
} else if (step === 'read-plain') {
  await new ExcelJS.Workbook().xlsx.load(bytesIn! as unknown as ArrayBuffer);
  bytes = bytesIn!.length;
} else throw new Error(`unknown step: ${step}`);
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, bytes, maxRssBytes: peakRssBytes(), ...(refused && { refused }) }));
