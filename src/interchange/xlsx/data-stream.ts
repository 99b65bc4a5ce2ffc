// The data workbook through exceljs's streaming writer, so that a large organization's rows
// leave memory as they are written (the in-memory writer peaked above 300 MB at 1,000
// projects). That writer has no Excel tables, so each sheet's table is added here the way
// the format stores one: a table part (xl/tables/tableN.xml), the sheet's relationship to
// it, a <tableParts> element closing the sheet, and its content type.
import ExcelJS from 'exceljs';
import type { DataRows } from './data-rows.js';
import { EMPTY_STRING, TABLES, type TableSpec } from './tables.js';

const TABLE_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
const TABLE_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const COMPUTED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };

/** The parts of exceljs's streaming writer this file reaches into (exceljs 4.4). */
interface ZipInternals {
  zip: { append(data: unknown, options: { name: string }): void };
}
interface SheetInternals {
  commit(): void;
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  _writeLegacyData(): void;
  _write(text: string): void;
}

export async function streamDataWorkbook(rows: DataRows): Promise<Buffer> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: true, useSharedStrings: true, zip: { zlib: { level: 1 } } });
  workbook.creator = 'hyoka';
  const zip = (workbook as unknown as ZipInternals).zip;
  const parts: string[] = [];
  const append = zip.append.bind(zip);
  zip.append = (data, options) => append(options.name === '[Content_Types].xml' ? withTableTypes(String(data), parts) : data, options);
  TABLES.forEach((spec, index) => {
    const part = `table${index + 1}.xml`;
    const lastRow = writeSheet(workbook, spec, rows[spec.table] ?? [], part);
    append(tableXml(index + 1, spec, lastRow), { name: `xl/tables/${part}` });
    parts.push(part);
  });
  await workbook.commit();
  return (workbook as unknown as { stream: { read(): Buffer } }).stream.read();
}

/** Writes the header and rows (one empty row when there are none: a table needs a data row); returns the last row. */
function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, spec: TableSpec, rows: DataRows[string], part: string): number {
  const ws = workbook.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = spec.columns.map((column) => ({ key: column.name, width: column.width, ...(column.numFmt && { style: { numFmt: column.numFmt } }) }));
  const header = ws.addRow(spec.columns.map((column) => column.header));
  header.font = { bold: true };
  spec.columns.forEach((column, index) => {
    if (column.kind === 'computed') header.getCell(index + 1).fill = COMPUTED_FILL;
  });
  header.commit();
  for (const row of rows) {
    ws.addRow(spec.columns.map((column) => cellOf(row[column.name]))).commit();
  }
  const internals = ws as unknown as SheetInternals;
  const rId = internals._sheetRelsWriter.addRelationship({ Type: TABLE_RELATIONSHIP, Target: `../tables/${part}` });
  const writeLegacyData = internals._writeLegacyData.bind(internals);
  // <tableParts> is the last element a worksheet may have before extLst, which exceljs never writes.
  internals._writeLegacyData = () => {
    writeLegacyData();
    internals._write(`<tableParts count="1"><tablePart r:id="${rId}"/></tableParts>`);
  };
  internals.commit();
  return 1 + Math.max(1, rows.length);
}

function tableXml(id: number, spec: TableSpec, lastRow: number): string {
  const ref = `A1:${columnLetter(spec.columns.length)}${lastRow}`;
  const columns = spec.columns.map((column, index) => `<tableColumn id="${index + 1}" name="${escapeXml(column.header)}"/>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${spec.table}" displayName="${spec.table}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${spec.columns.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

function withTableTypes(xml: string, parts: readonly string[]): string {
  const overrides = parts.map((part) => `<Override PartName="/xl/tables/${part}" ContentType="${TABLE_CONTENT_TYPE}"/>`).join('');
  return xml.replace('</Types>', `${overrides}</Types>`);
}

function columnLetter(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function cellOf(value: DataRows[string][number][string]): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === '') return EMPTY_STRING;
  return value;
}
