// The data workbook: one sheet and one Excel table per kind of record (tables.ts), for
// analysis in Excel and for editing and importing back (read-workbook.ts reads it). An
// organization's data is streamed (data-stream.ts); the template, which has no rows but
// locked cells and drop-downs, is built in memory here.
import ExcelJS from 'exceljs';
import type { HyokaDocument } from '../../domain/model.js';
import { type DataRows, dataRows } from './data-rows.js';
import { cellOf, streamDataWorkbook } from './data-stream.js';
import { TABLES, type TableSpec } from './tables.js';

/** Filled grey: columns compute() fills, which import ignores. */
const COMPUTED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };

export async function writeDataWorkbook(doc: HyokaDocument): Promise<Buffer> {
  return streamDataWorkbook(dataRows(doc));
}

/** Fast deflate: level 1 takes a third of level 6's time here for a few percent more bytes. */
export async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } }));
}

/** The workbook of the given rows; a table without rows gets one empty row, as Excel wants. */
export function buildDataWorkbook(rows: DataRows): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'hyoka';
  for (const spec of TABLES) addTableSheet(workbook, spec, rows[spec.table] ?? []);
  return workbook;
}

function addTableSheet(workbook: ExcelJS.Workbook, spec: TableSpec, rows: DataRows[string]): void {
  const sheet = workbook.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  spec.columns.forEach((column, index) => {
    const excelColumn = sheet.getColumn(index + 1);
    excelColumn.width = column.width;
    if (column.numFmt) excelColumn.numFmt = column.numFmt;
  });
  const values = rows.map((row) => spec.columns.map((column) => cellOf(row[column.name])));
  sheet.addTable({
    name: spec.table,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: spec.columns.map((column) => ({ name: column.header, filterButton: true })),
    rows: values.length > 0 ? values : [spec.columns.map(() => null)],
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  spec.columns.forEach((column, index) => {
    if (column.kind === 'computed') header.getCell(index + 1).fill = COMPUTED_FILL;
  });
}
