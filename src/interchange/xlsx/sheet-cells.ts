// The cells of one row of the PDCA sheet workbook, each with what it is: an input a person
// may change (and the document field it writes), a computed cell (達成率, 増減) or a fixed
// one (names, summary, headings of the lines). The writer (pdca-sheet.ts) writes these
// cells, and the update reader (sheet-update.ts) compares a returned workbook with them, so
// the layout is declared once. Only the cells a person can type into are listed: the first
// cell of each merged range.
import type { HyokaDocument, Placement, PolicyEvaluation, Project } from '../../domain/model.js';
import { formatSdgs } from '../../domain/written.js';
import { type Sheet, type SheetRow, rowEvaluation } from '../sheet-rows.js';

export const HEADER_ROWS = 3;
export const LINES_PER_INDICATOR = 3;
export const COLUMN = { policy: 1, no: 2, sdgs: 3, project: 4, division: 5, summary: 6, indicator: 7, baseline: 8, label: 9, firstYear: 10, midTerm: 13, course: 14, budget: 15, change: 17, personnel: 18, grade: 19, improvement: 20, policyGrade: 21, policyImprovement: 22 } as const;
export const LAST_COLUMN = 22;
/** The columns of the policy (施策) merged over a group of rows: written on the group's first row. */
export const POLICY_COLUMNS: readonly number[] = [COLUMN.policy, COLUMN.policyGrade, COLUMN.policyImprovement];
/** The columns merged over all lines of a row. */
export const ROW_COLUMNS: readonly number[] = [COLUMN.no, COLUMN.sdgs, COLUMN.project, COLUMN.division, COLUMN.summary, COLUMN.course, COLUMN.budget, COLUMN.budget + 1, COLUMN.change, COLUMN.personnel, COLUMN.grade, COLUMN.improvement];
/** The columns merged over an indicator's three lines. */
export const INDICATOR_COLUMNS: readonly number[] = [COLUMN.indicator, COLUMN.baseline, COLUMN.midTerm];

/** A placement by its keys: the project's row under policy `policy` as No. `no`. */
export interface PlacementKey {
  policy: string;
  no: number;
}

/** The document field an input cell writes. */
export type Input =
  | { field: 'target' | 'actual'; project: string; indicator: string; fiscalYear: number }
  | { field: 'budget'; project: string; fiscalYear: number }
  /** The placement's own costs when it has them, else the project's (placement undefined). */
  | { field: 'personnelCost'; project: string; placement?: PlacementKey; fiscalYear: number }
  /** The row's own evaluation when it has one (or the project has several rows), else the project's. */
  | { field: 'grade' | 'course' | 'improvement'; project: string; placement?: PlacementKey; fiscalYear: number }
  | { field: 'policyGrade' | 'policyImprovement'; policy: string; bureau?: string; fiscalYear: number };

export type CellRole = { kind: 'input'; input: Input } | { kind: 'computed' } | { kind: 'fixed' };

export interface LaidCell {
  line: number;
  column: number;
  value: string | number | undefined;
  role: CellRole;
}

const FIXED: CellRole = { kind: 'fixed' };
const COMPUTED: CellRole = { kind: 'computed' };

/** Where a row's inputs live in the document: found once per row from the stored records. */
export interface RowOrigins {
  project: Project;
  placement: Placement;
  policyEvaluation: PolicyEvaluation | undefined;
}

/** The project and placement of a sheet row, and the policy evaluation it shows. */
export function rowOrigins(doc: HyokaDocument, project: Project, placement: Placement, fiscalYear: number): RowOrigins {
  const policyEvaluation = (doc.policyEvaluations ?? []).find(
    (candidate) =>
      candidate.policy === placement.policy &&
      candidate.fiscalYear === fiscalYear &&
      (candidate.bureau === undefined || project.bureau === undefined || candidate.bureau === project.bureau),
  );
  return { project, placement, policyEvaluation };
}

/** The lines (sheet rows) a row of the sheet takes: three per indicator, at least one. */
export function lineCount(indicators: number): number {
  return Math.max(1, indicators * LINES_PER_INDICATOR);
}

/**
 * The positions of a row's cells, as rowCells lists them, from its shape alone (first line,
 * number of indicators, whether it carries its policy's cells): a returned workbook is read
 * at these even when the stored row has changed shape since.
 */
export function cellPositions(first: number, indicators: number, policyCell: boolean): { line: number; column: number }[] {
  const positions: { line: number; column: number }[] = [];
  const last = first + lineCount(indicators) - 1;
  for (let line = first; line <= last; line++) {
    const offset = (line - first) % LINES_PER_INDICATOR;
    for (let column = 1; column <= LAST_COLUMN; column++) {
      if (POLICY_COLUMNS.includes(column)) {
        if (line === first && policyCell) positions.push({ line, column });
        continue;
      }
      if (line !== first && ROW_COLUMNS.includes(column)) continue;
      if (offset !== 0 && INDICATOR_COLUMNS.includes(column)) continue;
      positions.push({ line, column });
    }
  }
  return positions;
}

/** Every cell of one row, first line `first`, with its value as written and its role. */
export function rowCells(sheet: Sheet, row: SheetRow, origins: RowOrigins, first: number, policyCell: boolean): LaidCell[] {
  const { project, placement } = origins;
  const key = { policy: placement.policy, no: placement.no };
  const laterYear = sheet.budgetYears[sheet.budgetYears.length - 1]!;
  const ownEvaluation = placement.evaluations?.some((evaluation) => evaluation.fiscalYear === sheet.fiscalYear) ?? false;
  const projectEvaluation = project.evaluations?.some((evaluation) => evaluation.fiscalYear === sheet.fiscalYear) ?? false;
  const evaluationOnRow = ownEvaluation || (!projectEvaluation && project.placements.length > 1);
  const evaluation = (field: 'grade' | 'course' | 'improvement'): CellRole => ({
    kind: 'input',
    input: { field, project: project.key, ...(evaluationOnRow && { placement: key }), fiscalYear: sheet.fiscalYear },
  });
  const policyBureau = origins.policyEvaluation ? origins.policyEvaluation.bureau : project.bureau;
  const policyInput = (field: 'policyGrade' | 'policyImprovement'): CellRole => ({
    kind: 'input',
    input: { field, policy: placement.policy, ...(policyBureau !== undefined && { bureau: policyBureau }), fiscalYear: sheet.fiscalYear },
  });
  const present = (value: string | number | undefined | null) => (value === null || value === '' ? undefined : value);
  const byColumn: Record<number, [string | number | undefined, CellRole]> = {
    [COLUMN.policy]: [present(`${row.policy.code} ${row.policy.title}`.trim()), FIXED],
    [COLUMN.no]: [row.no, FIXED],
    [COLUMN.sdgs]: [present(formatSdgs(row.sdgs)), FIXED],
    [COLUMN.project]: [present(row.projectName), FIXED],
    [COLUMN.division]: [present(row.division), FIXED],
    [COLUMN.summary]: [present(row.summary), FIXED],
    [COLUMN.course]: [present(row.course), evaluation('course')],
    [COLUMN.budget]: [row.budgets[0], { kind: 'input', input: { field: 'budget', project: project.key, fiscalYear: sheet.budgetYears[0]! } }],
    [COLUMN.budget + 1]: [row.budgets[1], { kind: 'input', input: { field: 'budget', project: project.key, fiscalYear: sheet.budgetYears[1]! } }],
    [COLUMN.change]: [present(row.budgetChange), COMPUTED],
    [COLUMN.personnel]: [
      row.personnelCost,
      { kind: 'input', input: { field: 'personnelCost', project: project.key, ...(placement.personnelCosts !== undefined && { placement: key }), fiscalYear: laterYear } },
    ],
    [COLUMN.grade]: [present(row.grade), evaluation('grade')],
    [COLUMN.improvement]: [present(row.improvement), evaluation('improvement')],
    [COLUMN.policyGrade]: [present(row.policyGrade), policyInput('policyGrade')],
    [COLUMN.policyImprovement]: [present(row.policyImprovement), policyInput('policyImprovement')],
  };
  const cells: LaidCell[] = [];
  for (const { line, column } of cellPositions(first, row.indicators.length, policyCell)) {
    const offset = line - first;
    const indicator = row.indicators[Math.floor(offset / LINES_PER_INDICATOR)];
    const part = offset % LINES_PER_INDICATOR;
    if (indicator && column >= COLUMN.indicator && column <= COLUMN.midTerm) {
      cells.push({ line, column, ...indicatorCell(sheet, project.key, indicator, part, column) });
      continue;
    }
    const [value, role] = byColumn[column] ?? [undefined, FIXED];
    cells.push({ line, column, value, role });
  }
  return cells;
}

const LABELS = ['目標', '実績', '達成率'];

function indicatorCell(sheet: Sheet, project: string, indicator: SheetRow['indicators'][number], part: number, column: number): { value: string | undefined; role: CellRole } {
  switch (column) {
    case COLUMN.indicator:
      return { value: indicator.name, role: FIXED };
    case COLUMN.baseline:
      return { value: indicator.baseline, role: FIXED };
    case COLUMN.label:
      return { value: LABELS[part], role: FIXED };
    case COLUMN.midTerm:
      return { value: [indicator.midTerm, ...indicator.revisions.map((reason) => `※中期目標改訂 ${reason}`)].join('\n'), role: FIXED };
  }
  const period = indicator.periods[column - COLUMN.firstYear]!;
  if (part === 2) {
    // Later years print their targets only, as the seed does, until they have results.
    return { value: laterWithoutResult(sheet, period) ? undefined : period.rate, role: COMPUTED };
  }
  const field = part === 0 ? 'target' : 'actual';
  const value = part === 0 ? period.target : laterWithoutResult(sheet, period) ? undefined : period.actual;
  return { value, role: { kind: 'input', input: { field, project, indicator: indicator.key, fiscalYear: period.fiscalYear } } };
}

function laterWithoutResult(sheet: Sheet, period: { fiscalYear: number; actual: string }): boolean {
  return period.fiscalYear > sheet.fiscalYear && period.actual === '—';
}

/** A cell's value as text for comparison: numbers as JavaScript writes them, line ends as \n, trailing spaces dropped. */
export function cellText(value: string | number | undefined): string {
  if (value === undefined) return '';
  return String(value).replace(/\r\n?/g, '\n').replace(/\s+$/u, '');
}
