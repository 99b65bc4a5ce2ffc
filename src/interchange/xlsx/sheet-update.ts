// A filled-in PDCA sheet workbook read back as an update of the stored document: the rows are
// found by the keys the workbook carries out of sight (sheet-keys.ts), each row's cells are
// compared with what hyoka writes for the stored row today (sheet-cells.ts), and the inputs
// a person changed (actuals, targets, budgets, personnel cost, grade, course, improvement,
// policy grade and text) become the desired document, each change with its cell and path.
// Refused, each with its cell (`PDCAシート!K12`): a changed cell that is not an input (達成率,
// 増減, names…), a value that does not read, a value outside the sheet's rows, a row whose
// keys hyoka no longer has, and a row changed both in the file and in hyoka since the export
// (a person's edit never silently undoes another's). Rows whose cells still match their
// fingerprint are not read at all, so an unedited workbook changes nothing. Pure: the
// stored document in, the desired one out; bounded by the zip guard like every reader.
import ExcelJS from 'exceljs';
import type { Actual, Evaluation, HyokaDocument, Indicator, PersonnelCost, Placement, PolicyEvaluation, Project, Target } from '../../domain/model.js';
import { classifyTarget } from '../../domain/target-text.js';
import { numberProblem } from '../bounds.js';
import { segment } from '../change-path.js';
import { compute } from '../compute.js';
import { parsePath } from '../json-path.js';
import { amountOf, measureOf } from '../numerals.js';
import { sameValue } from '../same-value.js';
import { sheetOf } from '../sheet-rows.js';
import { validateDocument } from '../validate.js';
import { both, placeOf, readCell, type WorkbookProblem } from './cells.js';
import { cellPositions, cellText, COLUMN, HEADER_ROWS, type Input, type LaidCell, POLICY_COLUMNS, rowCells, rowOrigins } from './sheet-cells.js';
import { type CellText, findKeysSheet, fingerprints, readKeys, type RowKey } from './sheet-keys.js';
import { checkZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-guard.js';

/** One changed value: its cell, its change-log path, the stored value and the new one (null: none). */
export interface SheetChange {
  place: string;
  path: string;
  before: unknown;
  after: unknown;
}

export type SheetUpdateReading =
  | { ok: true; document: HyokaDocument; unknownFields: string[]; changes: SheetChange[] }
  /** The changes read before the problems were found are listed too, so a preview shows both. */
  | { ok: false; problems: WorkbookProblem[]; changes: SheetChange[] };

const WORKBOOK = 'ブック';

export async function readSheetUpdate(stored: HyokaDocument, buffer: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<SheetUpdateReading> {
  const refused = await checkZip(buffer, limits);
  if (refused) return { ok: false, problems: [{ place: WORKBOOK, message: refused }], changes: [] };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problems: [{ place: WORKBOOK, message: both('Excel ブックとして読めません。Excel で .xlsx として保存し直してください', 'not readable as an Excel workbook: save it again as .xlsx') }], changes: [] };
  }
  return new SheetUpdate(stored).read(workbook);
}

/** A cell of the returned workbook: its text as compared, its value as typed, and its place. */
interface FileCell extends CellText {
  value: string | number | undefined;
  place: string;
}

class SheetUpdate {
  readonly problems: WorkbookProblem[] = [];
  readonly changes: SheetChange[] = [];
  private readonly desired: HyokaDocument;
  private readonly computed: HyokaDocument;
  private readonly projects: Map<string, Project>;
  /** Path → the change made there, so two cells of the same value (a project's budget on each of its rows) cannot disagree. */
  private readonly changed = new Map<string, SheetChange>();
  /** Each change's input, to tell validation's problems by cell. */
  private readonly inputs: { input: Input; place: string }[] = [];

  constructor(stored: HyokaDocument) {
    this.desired = structuredClone(stored);
    this.computed = compute(stored);
    this.projects = new Map(this.desired.projects.map((project) => [project.key, project]));
  }

  read(workbook: ExcelJS.Workbook): SheetUpdateReading {
    const keysSheet = findKeysSheet(workbook);
    if (!keysSheet) {
      return this.fail(WORKBOOK, both('hyoka が書き出した PDCA シートではありません (照合用の隠しシートがありません)。hyoka から書き出したブックに記入してください', 'not a PDCA sheet exported by hyoka (its hidden sheet of keys is missing): fill in a workbook exported from hyoka'));
    }
    const keys = readKeys(keysSheet, this.problems);
    if (!keys) return { ok: false, problems: this.problems, changes: [] };
    const known = new Set<string>();
    const sheets = new Set(keys.sheets);
    for (const ws of workbook.worksheets) {
      if (ws !== keysSheet && !sheets.has(ws.name)) {
        this.problem(ws.name, both(`シート「${ws.name}」は書き出したブックにありません。消すか、中身を元のシートに移してください`, `sheet "${ws.name}" was not in the exported workbook: delete it or move its contents`));
      }
    }
    const shifted = new Set<string>();
    for (const key of keys.rows) {
      const ws = workbook.getWorksheet(key.sheet);
      if (!ws || shifted.has(ws.name)) continue; // told once
      const no = ws.getCell(key.first, COLUMN.no);
      if (no.value !== key.no) {
        // Rows inserted, deleted or sorted: no cell is where it was written, so none is read.
        shifted.add(ws.name);
        this.problem(
          placeOf(ws.name, no.address),
          both(`行が挿入・削除・並べ替えされています (No.${key.no} の行がここにありません)。書き出したときの行のまま記入してください`, `rows were inserted, deleted or sorted (No. ${key.no} is no longer here): keep the rows as exported`),
        );
        continue;
      }

      const cells = cellPositions(key.first, key.indicators.length, key.policyCell).map(({ line, column }) => this.fileCell(ws, line, column));
      for (const cell of cells) known.add(`${ws.name}\u0000${cell.line}\u0000${cell.column}`);
      this.readRow(key, keys.fiscalYear, cells);
    }
    for (const name of sheets) {
      const ws = workbook.getWorksheet(name);
      if (!ws) this.problem(name, missingSheet(name));
      else if (!shifted.has(name)) this.strayCells(ws, known);
    }
    if (this.problems.length > 0) return { ok: false, problems: this.problems, changes: this.changes };
    const validated = validateDocument(this.desired);
    if (!validated.ok) {
      return { ok: false, problems: validated.problems.map((problem) => ({ place: this.placeOfPath(problem.path), path: problem.path, message: problem.message })), changes: this.changes };
    }
    return { ok: true, document: validated.document, unknownFields: validated.unknownFields, changes: this.changes };
  }

  private fileCell(ws: ExcelJS.Worksheet, line: number, column: number): FileCell {
    const cell = ws.getCell(line, column);
    const place = placeOf(ws.name, cell.address);
    const reading = readCell(cell);
    if (!reading.ok) {
      this.problem(place, reading.message);
      return { line, column, value: undefined, text: `\u0000${reading.message}`, place };
    }
    return { line, column, value: reading.value, text: cellText(reading.value), place };
  }

  private readRow(key: RowKey, fiscalYear: number, cells: FileCell[]): void {
    const prints = fingerprints(cells);
    const rowTouched = prints.row !== key.fingerprint;
    const policyTouched = key.policyCell && prints.policy !== key.policyFingerprint;
    if (!rowTouched && !policyTouched) return;
    const first = cells[0]!;
    const project = this.computed.projects.find((candidate) => candidate.key === key.project);
    const placement = project?.placements.find((candidate) => candidate.policy === key.policy && candidate.no === key.no);
    if (!project || !placement) {
      this.problem(first.place, both(`この行の事業 (キー ${key.project}、施策 ${key.policy} No.${key.no}) は hyoka にありません。書き出し直してください`, `this row's project (key ${key.project}, policy ${key.policy} No. ${key.no}) is not in hyoka: export again`));
      return;
    }
    const sheet = sheetOf(this.computed, { fiscalYear, entries: [{ project, placement }] });
    const row = sheet.rows[0]!;
    const fresh = rowCells(sheet, row, rowOrigins(this.computed, project, placement, fiscalYear), key.first, key.policyCell);
    const sameShape = sameValue(row.indicators.map((indicator) => indicator.key), key.indicators);
    const freshPrints = fingerprints(fresh.map((cell) => ({ line: cell.line, column: cell.column, text: cellText(cell.value) })));
    const parts = [
      { touched: rowTouched, stale: !sameShape || freshPrints.row !== key.fingerprint, policy: false },
      { touched: policyTouched, stale: !sameShape || freshPrints.policy !== key.policyFingerprint, policy: true },
    ];
    for (const part of parts) {
      if (!part.touched) continue;
      const inPart = (column: number) => POLICY_COLUMNS.includes(column) === part.policy;
      if (part.stale && !sameShape) {
        this.problem(first.place, staleMessage());
        continue;
      }
      fresh.forEach((expected, index) => {
        const cell = cells[index]!;
        if (!inPart(cell.column) || cell.text === cellText(expected.value)) return;
        if (part.stale) this.problem(cell.place, staleMessage());
        else this.changedCell(cell, expected);
      });
    }
  }

  private changedCell(cell: FileCell, expected: LaidCell): void {
    if (cell.text.startsWith('\u0000')) return; // unreadable: its problem is told
    if (expected.role.kind === 'input') {
      this.apply(expected.role.input, cell);
      return;
    }
    const what = expected.role.kind === 'computed' ? ['自動で計算する値', 'a computed value'] : ['入力欄ではない値', 'not an input'];
    this.problem(
      cell.place,
      both(`${what[0]}が書き換えられています (書き出した値「${cellText(expected.value)}」)。元に戻してください`, `${what[1]} was changed (exported as "${cellText(expected.value)}"): put it back`),
    );
  }

  /** Values outside every row's cells: typed beside or below the sheet, or into a cell that is no one's. */
  private strayCells(ws: ExcelJS.Worksheet, known: ReadonlySet<string>): void {
    ws.eachRow({ includeEmpty: false }, (excelRow, line) => {
      if (line <= HEADER_ROWS) return;
      excelRow.eachCell({ includeEmpty: false }, (cell, column) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        if (known.has(`${ws.name}\u0000${line}\u0000${column}`)) return;
        const reading = readCell(cell);
        if (reading.ok && cellText(reading.value) === '') return;
        this.problem(placeOf(ws.name, cell.address), both('シートの行の外に値があります。消してください (取り込むのは入力欄だけです)', "a value outside the sheet's rows: delete it (only the input cells are read)"));
      });
    });
  }

  private apply(input: Input, cell: FileCell): void {
    const edit = this.edit(input, cell);
    if (!edit) return;
    const { path, before, after, write } = edit;
    if (sameValue(before ?? null, after ?? null)) return;
    const earlier = this.changed.get(path);
    if (earlier) {
      if (!sameValue(earlier.after, after ?? null)) {
        this.problem(cell.place, both(`同じ項目が ${earlier.place} と違う値になっています。どちらかに揃えてください`, `the same field is given a different value at ${earlier.place}: make them agree`));
      }
      return;
    }
    write();
    // `before` is read from the desired document, which holds the stored value until its path is first changed.
    const change = { place: cell.place, path, before: before ?? null, after: after ?? null };
    this.changed.set(path, change);
    this.changes.push(change);
    this.inputs.push({ input, place: cell.place });
  }

  /** What a cell asks of the document: the path, the value there now, the new one, and how to write it. */
  private edit(input: Input, cell: FileCell): { path: string; before: unknown; after: unknown; write: () => void } | undefined {
    const project = 'project' in input ? this.projects.get(input.project) : undefined;
    if ('project' in input && !project) return void this.problem(cell.place, both(`事業 ${input.project} がありません`, `project ${input.project} is missing`));
    switch (input.field) {
      case 'target':
      case 'actual':
        return this.periodEdit(project!, input, cell);
      case 'budget': {
        const amount = this.amount(cell);
        if (amount === null) return undefined;
        const path = `${projectPath(project!)}/budgets/${input.fiscalYear}/amount`;
        const list = (project!.budgets ??= []);
        return { path, before: list.find((b) => b.fiscalYear === input.fiscalYear)?.amount, after: amount, write: () => setAmount(list, input.fiscalYear, amount) };
      }
      case 'personnelCost': {
        const amount = this.amount(cell);
        if (amount === null) return undefined;
        const placement = input.placement ? placementOf(project!, input.placement) : undefined;
        if (input.placement && !placement) return undefined;
        const owner: { personnelCosts?: PersonnelCost[] } = placement ?? project!;
        const list = (owner.personnelCosts ??= []);
        const path = `${placement ? placementPath(project!, placement) : projectPath(project!)}/personnelCosts/${input.fiscalYear}/amount`;
        return { path, before: list.find((c) => c.fiscalYear === input.fiscalYear)?.amount, after: amount, write: () => setAmount(list, input.fiscalYear, amount) };
      }
      case 'grade':
      case 'course':
      case 'improvement': {
        const placement = input.placement ? placementOf(project!, input.placement) : undefined;
        if (input.placement && !placement) return undefined;
        const owner: { evaluations?: Evaluation[] } = placement ?? project!;
        const list = (owner.evaluations ??= []);
        const existing = list.find((evaluation) => evaluation.fiscalYear === input.fiscalYear);
        const after = textOf(cell, input.field === 'improvement');
        const path = `${placement ? placementPath(project!, placement) : projectPath(project!)}/evaluations/${input.fiscalYear}/${input.field}`;
        return { path, before: existing?.[input.field], after, write: () => setField(list, existing, { fiscalYear: input.fiscalYear }, input.field, after) };
      }
      case 'policyGrade':
      case 'policyImprovement': {
        const field = input.field === 'policyGrade' ? 'grade' : 'improvement';
        const list = (this.desired.policyEvaluations ??= []);
        const existing = list.find((evaluation) => evaluation.policy === input.policy && evaluation.fiscalYear === input.fiscalYear && evaluation.bureau === input.bureau);
        const after = textOf(cell, field === 'improvement');
        const fresh: PolicyEvaluation = { policy: input.policy, fiscalYear: input.fiscalYear, ...(input.bureau !== undefined && { bureau: input.bureau }) };
        const path = `policyEvaluations/${segment(input.policy)}/${segment(input.bureau ?? '')}/${input.fiscalYear}/${field}`;
        return { path, before: existing?.[field], after, write: () => setField(list, existing, fresh, field, after) };
      }
    }
  }

  private periodEdit(project: Project, input: Extract<Input, { field: 'target' | 'actual' }>, cell: FileCell) {
    const indicator = project.indicators?.find((candidate) => candidate.key === input.indicator);
    if (!indicator) return void this.problem(cell.place, both(`指標 ${input.indicator} がありません`, `indicator ${input.indicator} is missing`));
    const period = indicator.periods?.find((candidate) => candidate.fiscalYear === input.fiscalYear);
    const path = `${projectPath(project)}/indicators/${segment(indicator.key)}/periods/${input.fiscalYear}/${input.field}`;
    const value = input.field === 'target' ? this.target(indicator, cell) : this.actual(indicator, period?.target, period?.actual, cell);
    if (value === null) return undefined;
    return { path, before: period?.[input.field], after: value, write: () => setPeriodField(indicator, input.fiscalYear, input.field, value) };
  }

  /** A target as its text reads (— or empty: none); null when it does not read. */
  private target(indicator: Indicator, cell: FileCell): Target | undefined | null {
    const read = classifyTarget(cell.text, indicator.unit);
    if (!read.ok) return this.refuse(cell, read.error);
    const target = read.value;
    const numbers = typeof target === 'number' ? [target] : target?.kind === 'previous-year' ? [target.base] : target?.kind === 'rank' ? [target.atMost] : [];
    for (const n of numbers) {
      const problem = n === undefined ? undefined : numberProblem(n);
      if (problem !== undefined) return this.refuse(cell, problem);
    }
    return target;
  }

  /** A number in the indicator's unit, or a text under a qualitative target (or where the stored actual is one). */
  private actual(indicator: Indicator, target: Target | undefined, stored: Actual | undefined, cell: FileCell): Actual | undefined | null {
    if (absent(cell.text)) return undefined;
    const storedText = typeof stored === 'object' ? stored : undefined;
    if (typeof target === 'object' && target.kind === 'qualitative') return { ...storedText, text: cell.text };
    const read = measureOf(typeof cell.value === 'number' ? cell.value : cell.text, indicator.unit, 'actual');
    if (read.ok) {
      const problem = numberProblem(read.value);
      return problem === undefined ? read.value : this.refuse(cell, problem);
    }
    if (storedText) return { ...storedText, text: cell.text };
    return this.refuse(cell, read.error);
  }

  /** An amount in thousand yen (予算額, 人件費); empty: none. */
  private amount(cell: FileCell): number | undefined | null {
    if (absent(cell.text)) return undefined;
    const read = amountOf(typeof cell.value === 'number' ? cell.value : cell.text);
    return read.ok ? read.value : this.refuse(cell, read.error);
  }

  private refuse(cell: FileCell, message: string): null {
    this.problem(cell.place, message);
    return null;
  }

  private problem(place: string, message: string): undefined {
    this.problems.push({ place, message });
    return undefined;
  }

  private fail(place: string, message: string): SheetUpdateReading {
    this.problem(place, message);
    return { ok: false, problems: this.problems, changes: this.changes };
  }

  /** The cell of a validation problem: the changed cell whose field the path names (or holds), else the workbook. */
  private placeOfPath(path: string): string {
    const segments = parsePath(path);
    let best: { place: string; length: number } | undefined;
    for (const { input, place } of this.inputs) {
      const own = jsonPathOf(this.desired, input);
      if (!own) continue;
      const shared = commonPrefix(own, segments);
      if (shared > 0 && shared >= Math.min(own.length, segments.length) - 1 && (!best || shared > best.length)) best = { place, length: shared };
    }
    return best?.place ?? WORKBOOK;
  }
}

function missingSheet(name: string): string {
  return both(`シート「${name}」がありません。シート名を変えずに取り込んでください`, `sheet "${name}" is missing: keep the sheet names as exported`);
}

function staleMessage(): string {
  return both(
    'この行は書き出した後に hyoka で変更されています。書き出し直して、その上に記入してください (ほかの人の変更を上書きしないため)',
    'this row was changed in hyoka after the workbook was exported: export again and fill in the new one (so no one’s change is overwritten)',
  );
}

function absent(text: string): boolean {
  return text.trim() === '' || /^[—―\-－–‐−ー]+$/u.test(text.trim());
}

/** A text input: empty is none; an improvement keeps its lines, a grade or course is trimmed. */
function textOf(cell: FileCell, lines: boolean): string | undefined {
  const text = lines ? cell.text : cell.text.trim();
  return text === '' ? undefined : text;
}

function projectPath(project: Project): string {
  return `projects/${segment(project.key)}`;
}

function placementPath(project: Project, placement: Placement): string {
  return `${projectPath(project)}/placements/${segment(placement.policy)}/${placement.no}`;
}

function placementOf(project: Project, key: { policy: string; no: number }): Placement | undefined {
  return project.placements.find((placement) => placement.policy === key.policy && placement.no === key.no);
}

/** Sets (or, with undefined, removes) the amount of a fiscal year in a list kept in year order. */
function setAmount(list: { fiscalYear: number; amount: number }[], fiscalYear: number, amount: number | undefined): void {
  const index = list.findIndex((item) => item.fiscalYear === fiscalYear);
  if (amount === undefined) {
    if (index >= 0) list.splice(index, 1);
    return;
  }
  if (index >= 0) list[index]!.amount = amount;
  else insertByYear(list, { fiscalYear, amount });
}

function insertByYear<T extends { fiscalYear: number }>(list: T[], item: T): void {
  const at = list.findIndex((other) => other.fiscalYear > item.fiscalYear);
  if (at < 0) list.push(item);
  else list.splice(at, 0, item);
}

function setField<T extends object>(list: T[], existing: T | undefined, fresh: T, field: string, value: string | undefined): void {
  const record = (existing ?? fresh) as Record<string, unknown>;
  if (value === undefined) delete record[field];
  else record[field] = value;
  if (!existing && value !== undefined) list.push(fresh);
}

function setPeriodField(indicator: Indicator, fiscalYear: number, field: 'target' | 'actual', value: Target | Actual | undefined): void {
  const periods = (indicator.periods ??= []);
  let period = periods.find((candidate) => candidate.fiscalYear === fiscalYear);
  if (!period) {
    if (value === undefined) return;
    period = { fiscalYear };
    insertByYear(periods, period);
  }
  if (value === undefined) delete period[field];
  else (period as Record<string, unknown>)[field] = value;
}

/** The JSON path (as validation names it) of an input's record in the document. */
function jsonPathOf(doc: HyokaDocument, input: Input): (string | number)[] | undefined {
  if (!('project' in input)) {
    const index = (doc.policyEvaluations ?? []).findIndex((e) => e.policy === input.policy && e.fiscalYear === input.fiscalYear && e.bureau === input.bureau);
    return index < 0 ? undefined : ['policyEvaluations', index, input.field === 'policyGrade' ? 'grade' : 'improvement'];
  }
  const p = doc.projects.findIndex((project) => project.key === input.project);
  if (p < 0) return undefined;
  const project = doc.projects[p]!;
  const base: (string | number)[] = ['projects', p];
  const byYear = (list: { fiscalYear: number }[] | undefined) => (list ?? []).findIndex((item) => item.fiscalYear === input.fiscalYear);
  switch (input.field) {
    case 'target':
    case 'actual': {
      const i = (project.indicators ?? []).findIndex((indicator) => indicator.key === input.indicator);
      return i < 0 ? base : [...base, 'indicators', i, 'periods', byYear(project.indicators![i]!.periods), input.field];
    }
    case 'budget':
      return [...base, 'budgets', byYear(project.budgets), 'amount'];
    case 'personnelCost':
    case 'grade':
    case 'course':
    case 'improvement': {
      const list = input.field === 'personnelCost' ? 'personnelCosts' : 'evaluations';
      const field = input.field === 'personnelCost' ? 'amount' : input.field;
      if (!input.placement) return [...base, list, byYear(project[list]), field];
      const n = project.placements.findIndex((placement) => placement.policy === input.placement!.policy && placement.no === input.placement!.no);
      return [...base, 'placements', n, list, byYear(project.placements[n]?.[list]), field];
    }
  }
}

function commonPrefix(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
