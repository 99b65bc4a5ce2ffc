// The dashboard of one fiscal year Y, as data (no React): the rows of the sheet of Y by
// 事業評価 grade, the achievement rates of Y in bins, the budget of the sheet's later budget
// year by bureau and by SDG goal, the rows needing attention, and the same figures for Y − 1.
// The sheet of Y shows the budgets of Y + 1 and Y + 2 (R3年度評価 → R4, R5 予算額); the
// dashboard counts the later one, where the sheet puts 事業費の増減 and 人件費.
// It reads the sheet's rows without writing their cells (sheetEntries), and of the rows needing
// attention it carries the worst few and their count: a large organization has tens of
// thousands, listed page by page on /attention.
import type { HyokaDocument, Project } from '../../domain/model.js';
import { resolveProfile } from '../../domain/profile.js';
import { projectGoals } from '../../domain/row-fields.js';
import { rowEvaluation, sheetEntries, type SheetEntry } from '../../interchange/sheet-rows.js';
import { attentionItems, attentionOfBureau, type AttentionItem } from './dashboard-attention.js';

export interface GradeCount {
  /** A grade of the profile's scale, or null for rows without a grade that year. */
  grade: string | null;
  rows: number;
}

export interface RateBin {
  /** `100–120%`; the lower bound is included, the upper excluded. */
  label: string;
  from: number;
  /** null: no upper bound. */
  to: number | null;
  periods: number;
}

export interface BudgetShare {
  /** The bureau, or the SDG goal's number as text. */
  name: string;
  /** Thousand yen. */
  amount: number;
  projects: number;
}

/** Rows needing attention the dashboard lists; /attention lists them all, page by page. */
export const ATTENTION_SHOWN = 10;

export interface DashboardView {
  fiscalYear: number;
  /** The bureau the figures are of; all bureaus when absent. */
  bureau?: string;
  previousYear: number;
  /** The year whose budgets are counted (the sheet's later budget column). */
  budgetYear: number;
  rows: number;
  projects: number;
  grades: GradeCount[];
  rateBins: RateBin[];
  /** Periods of Y with a target but no achievement rate (qualitative, rank, no actual …). */
  periodsWithoutRate: number;
  budgetByBureau: BudgetShare[];
  /** A project counts under each of its goals, so these add up to more than the total. */
  budgetBySdg: BudgetShare[];
  budgetTotal: number;
  /** The worst ATTENTION_SHOWN rows needing attention (worst first)… */
  attention: readonly AttentionItem[];
  /** …of this many. */
  attentionTotal: number;
  /** The same figures of Y − 1 as its own evaluation has them; absent when nobody evaluated Y − 1. */
  comparison?: {
    grades: { grade: string | null; current: number; previous: number }[];
    budget: { current: { fiscalYear: number; amount: number }; previous: { fiscalYear: number; amount: number } };
  };
}

/**
 * `previous`: the document Y − 1 is read from (its own cycle's published version); the same
 * document when absent; null when Y − 1 is not compared (nobody evaluated it).
 */
export function dashboardView(doc: HyokaDocument, fiscalYear: number, bureau?: string, previous: HyokaDocument | null = doc): DashboardView {
  const profile = resolveProfile(doc.settings);
  const filter = bureau === undefined ? {} : { filter: { bureau } };
  const rows = sheetEntries(doc, { fiscalYear, ...filter });
  const grades = gradeCounts(rows, fiscalYear, profile.grades);
  // The sheet of Y shows the budgets of Y + 1 and Y + 2.
  const budgetYear = fiscalYear + 2;
  const projects = projectsOn(rows);
  const total = budgetTotal(projects, budgetYear);
  const { bins, withoutRate } = rateBins(projects, fiscalYear, profile.gradeBands);
  const attention = attentionOfBureau(attentionItems(doc, fiscalYear), bureau);
  return {
    fiscalYear,
    ...(bureau !== undefined && { bureau }),
    previousYear: fiscalYear - 1,
    budgetYear,
    rows: rows.length,
    projects: projects.length,
    grades,
    rateBins: bins,
    periodsWithoutRate: withoutRate,
    budgetByBureau: budgetBy(projects, budgetYear, (project) => [project.bureau ?? '（局の記載なし）']),
    budgetBySdg: budgetBy(projects, budgetYear, (project) => projectGoals(project).map(String)).sort((a, b) => Number(a.name) - Number(b.name)),
    budgetTotal: total,
    attention: attention.slice(0, ATTENTION_SHOWN),
    attentionTotal: attention.length,
    ...(previous !== null && { comparison: comparison(previous, fiscalYear, filter, grades, { fiscalYear: budgetYear, amount: total }) }),
  };
}

/** Y − 1's rows by grade and its sheet's later budget, beside Y's. */
function comparison(previous: HyokaDocument, fiscalYear: number, filter: { filter?: { bureau: string } }, grades: GradeCount[], current: { fiscalYear: number; amount: number }): NonNullable<DashboardView['comparison']> {
  const previousRows = sheetEntries(previous, { fiscalYear: fiscalYear - 1, ...filter });
  const previousGrades = gradeCounts(previousRows, fiscalYear - 1, resolveProfile(previous.settings).grades);
  const counted = new Map(previousGrades.map((count) => [count.grade, count.rows]));
  const previousBudgetYear = fiscalYear + 1;
  return {
    grades: grades.map((count) => ({ grade: count.grade, current: count.rows, previous: counted.get(count.grade) ?? 0 })),
    budget: {
      current,
      previous: { fiscalYear: previousBudgetYear, amount: budgetTotal(projectsOn(previousRows), previousBudgetYear) },
    },
  };
}

function gradeCounts(rows: readonly SheetEntry[], fiscalYear: number, scale: readonly string[]): GradeCount[] {
  const counts = new Map<string | null, number>([...scale.map((grade) => [grade, 0] as const), [null, 0]]);
  for (const { project, placement } of rows) {
    // A grade outside the scale is a check finding; counted as ungraded here rather than lost.
    const grade = rowEvaluation(project, placement, fiscalYear)?.grade;
    const key = grade !== undefined && counts.has(grade) ? grade : null;
    counts.set(key, counts.get(key)! + 1);
  }
  return [...counts].map(([grade, rows]) => ({ grade, rows }));
}

/** The projects that have a row on the sheet, each once. */
function projectsOn(rows: readonly SheetEntry[]): Project[] {
  const seen = new Set<Project>();
  for (const { project } of rows) seen.add(project);
  return [...seen];
}

/**
 * Bins bounded by the grade bands, 100% (target met) and 500% (check's implausible rate):
 * each period of Y counts once, however many rows show its indicator.
 */
function rateBins(projects: readonly Project[], fiscalYear: number, gradeBands: readonly number[]): { bins: RateBin[]; withoutRate: number } {
  const bounds = [...new Set([0, ...gradeBands, 100, 500])].filter((n) => n >= 0).sort((a, b) => a - b);
  const bins: RateBin[] = bounds.map((from, i) => {
    const to = bounds[i + 1] ?? null;
    return { label: to === null ? `${from}%以上` : `${from}–${to}%`, from, to, periods: 0 };
  });
  let withoutRate = 0;
  for (const project of projects) {
    for (const indicator of project.indicators ?? []) {
      const period = indicator.periods?.find((candidate) => candidate.fiscalYear === fiscalYear);
      if (!period || period.target === undefined) continue;
      const rate = period.achievementRate;
      if (rate === null || rate === undefined) {
        withoutRate++;
        continue;
      }
      const bin = bins.findLast((candidate) => rate >= candidate.from) ?? bins[0]!;
      bin.periods++;
    }
  }
  return { bins, withoutRate };
}

function amountOf(project: Project, fiscalYear: number): number | undefined {
  return project.budgets?.find((budget) => budget.fiscalYear === fiscalYear)?.amount;
}

function budgetBy(projects: readonly Project[], fiscalYear: number, groups: (project: Project) => string[]): BudgetShare[] {
  const shares = new Map<string, BudgetShare>();
  for (const project of projects) {
    const amount = amountOf(project, fiscalYear);
    if (amount === undefined) continue;
    for (const name of groups(project)) {
      const share = shares.get(name) ?? { name, amount: 0, projects: 0 };
      share.amount += amount;
      share.projects++;
      shares.set(name, share);
    }
  }
  return [...shares.values()].sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name, 'ja'));
}

function budgetTotal(projects: readonly Project[], fiscalYear: number): number {
  return projects.reduce((sum, project) => sum + (amountOf(project, fiscalYear) ?? 0), 0);
}
