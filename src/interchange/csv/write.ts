// The long-format CSV tables of a document: one row per indicator period and one per
// project and budget year, in the columns of columns.ts. The rows are computed first, so
// 達成率, 達成, 中期目標進捗 and 事業費の増減 are always those of the rules in domain.md.
// Together with the rest of the document (the `base` of readCsv) the two tables give back
// every period and budget exactly.
import { formatFiscalYear } from '../../domain/era.js';
import type { Actual, HyokaDocument, Indicator, Period, Project, Target } from '../../domain/model.js';
import { DASH, formatBaseline, formatMidTerm } from '../../domain/written.js';
import { compute } from '../compute.js';
import {
  ACHIEVED,
  BETTER,
  BUDGET_COLUMNS,
  DIRECTIONS,
  PERIOD_COLUMNS,
  type Row,
  TARGET_KINDS,
  japaneseOf,
} from './columns.js';
import { type CsvOutput, type CsvWriteOptions, tableBytes } from './table.js';

export interface RowOptions {
  /** Only the rows of these fiscal years (default: every year). */
  fiscalYears?: readonly number[];
  /** The document is computed already (skips compute()). */
  computed?: boolean;
}

export function writePeriodsCsv(doc: HyokaDocument, options: CsvWriteOptions & RowOptions = {}): CsvOutput {
  return tableBytes(PERIOD_COLUMNS, periodRows(doc, options), options);
}

export function writeBudgetsCsv(doc: HyokaDocument, options: CsvWriteOptions & RowOptions = {}): CsvOutput {
  return tableBytes(BUDGET_COLUMNS, budgetRows(doc, options), options);
}

function organizationCells(doc: HyokaDocument): Row {
  return { organizationCode: doc.organization.code ?? null, organizationName: doc.organization.name };
}

function projectCells(project: Project): Row {
  return { projectKey: project.key, projectName: project.name, bureau: project.bureau ?? null, division: project.division };
}

const shownOrNull = (text: string) => (text === DASH ? null : text);

/** One row per period, in document order: projects, their indicators, their periods. */
export function periodRows(doc: HyokaDocument, options: RowOptions = {}): Row[] {
  const computed = options.computed ? doc : compute(doc);
  const years = options.fiscalYears ? new Set(options.fiscalYears) : undefined;
  const rows: Row[] = [];
  const organization = organizationCells(computed);
  for (const project of computed.projects) {
    const projectPart = projectCells(project);
    for (const indicator of project.indicators ?? []) {
      const indicatorPart = indicatorCells(indicator);
      for (const period of indicator.periods ?? []) {
        if (years && !years.has(period.fiscalYear)) continue;
        rows.push(periodRow(organization, projectPart, indicatorPart, period));
      }
    }
  }
  return rows;
}

function indicatorCells(indicator: Indicator): Row {
  return {
    indicatorKey: indicator.key,
    indicatorName: indicator.name,
    unit: indicator.unit,
    better: japaneseOf(BETTER, indicator.better ?? 'higher'),
    decimals: indicator.decimals ?? null,
    baseline: shownOrNull(formatBaseline(indicator.baseline, indicator.unit, indicator.decimals)),
    midTerm: shownOrNull(formatMidTerm(indicator.midTerm, indicator.unit, indicator.decimals)),
  };
}

// One literal with every field rather than spreads of the parts: V8 builds spread objects of
// this size in dictionary mode, which made 100,000 rows take seconds instead of milliseconds.
function periodRow(organization: Row, project: Row, indicator: Row, period: Period): Row {
  const target = targetCells(period.target);
  const actual = actualCells(period.actual);
  return {
    organizationCode: organization.organizationCode!,
    organizationName: organization.organizationName!,
    projectKey: project.projectKey!,
    projectName: project.projectName!,
    bureau: project.bureau!,
    division: project.division!,
    indicatorKey: indicator.indicatorKey!,
    indicatorName: indicator.indicatorName!,
    unit: indicator.unit!,
    better: indicator.better!,
    decimals: indicator.decimals!,
    baseline: indicator.baseline!,
    midTerm: indicator.midTerm!,
    fiscalYear: period.fiscalYear,
    fiscalYearEra: formatFiscalYear(period.fiscalYear),
    targetKind: target.targetKind!,
    target: target.target!,
    targetBase: target.targetBase!,
    targetDirection: target.targetDirection!,
    targetRank: target.targetRank!,
    actualKind: actual.actualKind!,
    actual: actual.actual!,
    actualAchieved: actual.actualAchieved!,
    achievementRate: period.achievementRate ?? null,
    achieved: period.achieved === null || period.achieved === undefined ? null : japaneseOf(ACHIEVED, String(period.achieved)),
    midTermProgress: period.midTermProgress ?? null,
  };
}

/** The target in its columns: 目標 holds a number, a text or a note; 前年度比 and 順位 have their own. */
export function targetCells(target: Target | undefined): Row {
  const cells: Row = { targetKind: null, target: null, targetBase: null, targetDirection: null, targetRank: null };
  if (target === undefined) return cells;
  if (typeof target === 'number') return { ...cells, targetKind: japaneseOf(TARGET_KINDS, 'number'), target };
  cells.targetKind = japaneseOf(TARGET_KINDS, target.kind);
  switch (target.kind) {
    case 'previous-year':
      cells.targetBase = target.base ?? null;
      cells.targetDirection = target.direction === undefined ? null : japaneseOf(DIRECTIONS, target.direction);
      break;
    case 'rank':
      cells.targetRank = target.atMost;
      break;
    case 'qualitative':
      cells.target = target.text;
      break;
    case 'none':
    case 'pending':
      cells.target = target.note ?? null;
      break;
  }
  return cells;
}

export function actualCells(actual: Actual | undefined): Row {
  if (actual === undefined) return { actualKind: null, actual: null, actualAchieved: null };
  if (typeof actual === 'number') return { actualKind: '数値', actual, actualAchieved: null };
  return {
    actualKind: '定性',
    actual: actual.text,
    actualAchieved: actual.achieved === undefined ? null : japaneseOf(ACHIEVED, String(actual.achieved)),
  };
}

/**
 * One row per project and year that has a budget or a project-level personnel cost: the
 * budgets in their order, then the years with only a personnel cost.
 */
export function budgetRows(doc: HyokaDocument, options: RowOptions = {}): Row[] {
  const computed = options.computed ? doc : compute(doc);
  const years = options.fiscalYears ? new Set(options.fiscalYears) : undefined;
  const rows: Row[] = [];
  const organization = organizationCells(computed);
  for (const project of computed.projects) {
    const projectPart = projectCells(project);
    const costs = project.personnelCosts ?? [];
    const seen = new Set<number>();
    const push = (fiscalYear: number) => {
      if (seen.has(fiscalYear) || (years && !years.has(fiscalYear))) return;
      seen.add(fiscalYear);
      const budget = project.budgets?.find((candidate) => candidate.fiscalYear === fiscalYear);
      const cost = costs.find((candidate) => candidate.fiscalYear === fiscalYear);
      rows.push({
        organizationCode: organization.organizationCode!,
        organizationName: organization.organizationName!,
        projectKey: projectPart.projectKey!,
        projectName: projectPart.projectName!,
        bureau: projectPart.bureau!,
        division: projectPart.division!,
        fiscalYear,
        fiscalYearEra: formatFiscalYear(fiscalYear),
        budget: budget?.amount ?? null,
        budgetChange: budget?.change ?? null,
        personnelCost: cost?.amount ?? null,
      });
    };
    for (const budget of project.budgets ?? []) push(budget.fiscalYear);
    for (const cost of costs) push(cost.fiscalYear);
  }
  return rows;
}
