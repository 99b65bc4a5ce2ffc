// Workbooks made to cost memory, for bench/xlsx-hostile.ts: each holds as many cells,
// merged cells or shared strings as the zip guard allows (or, `old-limits`, what the guard
// let through before it counted cells: 79 MiB of numbers in one sheet). Written part by part
// as raw XML, with varied content so that no entry trips the ratio limit.
import { makeZip } from '../src/interchange/xlsx/test-support.js';
import { DEFAULT_ZIP_LIMITS } from '../src/interchange/xlsx/zip-guard.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const head = '<?xml version="1.0" encoding="UTF-8"?>';
const PARTS = [
  {
    name: '[Content_Types].xml',
    xml:
      `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  },
  { name: '_rels/.rels', xml: `${head}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
  { name: 'xl/workbook.xml', xml: `${head}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="事業" sheetId="1" r:id="rId1"/></sheets></workbook>` },
  {
    name: 'xl/_rels/workbook.xml.rels',
    xml: `${head}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  },
];

export const HOSTILE_WORKBOOKS = ['old-limits', 'cells-and-merges', 'shared-strings', 'inline-strings'] as const;
export type HostileWorkbook = (typeof HOSTILE_WORKBOOKS)[number];

function column(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A fixed pseudo-random sequence: the same workbook every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function sheet(cells: number, cell: (ref: string) => string, tail = ''): string {
  const rows: string[] = [`${head}<worksheet xmlns="${NS}"><sheetData>`];
  for (let n = 0, r = 1; n < cells; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < 20 && n < cells; c++, n++) row += cell(`${column(c)}${r}`);
    rows.push(`${row}</row>`);
  }
  rows.push(`</sheetData>${tail}</worksheet>`);
  return rows.join('');
}

export function hostileWorkbook(kind: HostileWorkbook): Buffer {
  const random = sequence(1);
  const word = (length: number) => {
    let text = '';
    while (text.length < length) text += Math.floor(random() * 1e12).toString(36);
    return text.slice(0, length);
  };
  const limits = DEFAULT_ZIP_LIMITS;
  const number = (ref: string) => `<c r="${ref}"><v>${Math.floor(random() * 1e6)}</v></c>`;
  let strings = ['x'];
  let worksheet: string;
  switch (kind) {
    case 'old-limits': {
      // Numbers in 79 MiB of sheet XML (about 32.3 bytes a cell): 2.56 million cells.
      worksheet = sheet(2_560_000, number);
      break;
    }
    case 'cells-and-merges': {
      const rows = Math.floor(limits.maxRangeCells / 1000) - 1; // merges of 1,000 columns each
      const merges = Array.from({ length: rows }, (_, i) => `<mergeCell ref="A${i + 100_000}:ALL${i + 100_000}"/>`).join('');
      worksheet = sheet(limits.maxCells - 1000, number, `<mergeCells count="${rows}">${merges}</mergeCells>`);
      break;
    }
    case 'shared-strings': {
      strings = Array.from({ length: limits.maxSharedStrings - 1 }, () => word(40));
      worksheet = sheet(limits.maxCells - 1000, (ref) => `<c r="${ref}" t="s"><v>${Math.floor(random() * strings.length)}</v></c>`);
      break;
    }
    case 'inline-strings':
      worksheet = sheet(limits.maxCells - 1000, (ref) => `<c r="${ref}" t="inlineStr"><is><t>${word(12)}</t></is></c>`);
      break;
  }
  const shared = `${head}<sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;
  return makeZip([
    ...PARTS.map((part) => ({ name: part.name, data: Buffer.from(part.xml) })),
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(worksheet) },
    { name: 'xl/sharedStrings.xml', data: Buffer.from(shared) },
  ]);
}
