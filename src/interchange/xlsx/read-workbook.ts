// Import of a data workbook (data-workbook.ts) or a filled template (template.ts): the zip
// guard first, then exceljs, then every table sheet read into rows, put together into a
// hyoka/1 document and validated. Every problem names its cell (`年度別!E12`) — validation's
// JSON paths are told by the cell each field came from — and all or nothing: a workbook
// with any problem gives no document.
import ExcelJS from 'exceljs';
import { parsePath, formatPath } from '../json-path.js';
import { placesOfDocument, type PlaceOf } from '../places.js';
import { validateDocument } from '../validate.js';
import type { HyokaDocument } from '../../domain/model.js';
import { both, type WorkbookProblem } from './cells.js';
import { readRows } from './read-rows.js';
import { rowsToDocument, type TableRows } from './rows-to-document.js';
import { CHOICES_SHEET, INSTRUCTIONS_SHEET, TABLES } from './tables.js';
import { checkZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-guard.js';

export type { WorkbookProblem };

export type WorkbookReading =
  | { ok: true; value: HyokaDocument; unknownFields: string[]; /** The cell each value came from, by change path. */ places: PlaceOf }
  | { ok: false; problems: WorkbookProblem[] };

const WORKBOOK = 'ブック';

export async function readWorkbook(buffer: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<WorkbookReading> {
  const refused = await checkZip(buffer, limits);
  if (refused) return fail([{ place: WORKBOOK, message: refused }]);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return fail([{ place: WORKBOOK, message: both('Excel ブックとして読めません。Excel で .xlsx として保存し直してください', 'not readable as an Excel workbook: save it again as .xlsx') }]);
  }
  const problems: WorkbookProblem[] = [];
  const known = new Set([...TABLES.map((spec) => spec.sheet), INSTRUCTIONS_SHEET, CHOICES_SHEET]);
  for (const sheet of workbook.worksheets) {
    if (!known.has(sheet.name)) {
      problems.push({ place: sheet.name, message: both(`シート「${sheet.name}」は hyoka のシートではありません。消すか、中身を hyoka のシートに移してください`, `sheet "${sheet.name}" is not one of hyoka's: delete it or move its contents`) });
    }
  }
  const tables: TableRows = {};
  for (const spec of TABLES) {
    const sheet = workbook.getWorksheet(spec.sheet);
    if (!sheet) {
      problems.push({ place: spec.sheet, message: both(`シート「${spec.sheet}」がありません。ひな形から写してください`, `sheet "${spec.sheet}" is missing: copy it from the template`) });
      continue;
    }
    tables[spec.table] = readRows(sheet, spec, problems);
  }
  if (problems.length > 0) return fail(problems);
  const assembled = rowsToDocument(tables, problems);
  if (problems.length > 0) return fail(problems);
  const validated = validateDocument(assembled.document);
  if (!validated.ok) {
    return fail(validated.problems.map((problem) => ({ place: placeOfPath(problem.path, assembled.places), path: problem.path, message: problem.message })));
  }
  return { ok: true, value: validated.document, unknownFields: validated.unknownFields, places: placesOfDocument(validated.document, assembled.places) };
}

/** The cell of a JSON path: the field's own, else its nearest parent's row. */
function placeOfPath(path: string, places: ReadonlyMap<string, string>): string {
  const segments = parsePath(path);
  for (let length = segments.length; length > 0; length--) {
    const place = places.get(formatPath(segments.slice(0, length)));
    if (place) return place;
  }
  return WORKBOOK;
}

function fail(problems: WorkbookProblem[]): WorkbookReading {
  return { ok: false, problems };
}
