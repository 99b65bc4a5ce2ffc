// One project as a PDCA page, as data (no React): Plan (its rows under policies, summary,
// SDG goals), Do (budgets, personnel costs as the rows print them, total cost by year), Check (each indicator over
// the years), Action (the evaluation of the year, per row where rows differ) and the
// evaluations of earlier years. Values are written as the sheet prints them.
import type { BudgetChange, Evaluation, HyokaDocument, Project } from '../../domain/model.js';
import { personnelCostShares, totalOfShares, type PersonnelCostShare } from '../../domain/personnel-cost.js';
import { resolveProfile } from '../../domain/profile.js';
import { rowEvaluation } from '../../interchange/sheet-rows.js';
import { projectGoals, rowSdgs, rowSummary } from '../../domain/row-fields.js';
import { indicatorViews, type IndicatorView } from './project-indicators.js';

export interface PlacementView {
  no: number;
  policyCode: string;
  policyTitle: string;
  summary: string;
  sdgs: number[];
}

export interface CostYear {
  fiscalYear: number;
  /** 予算額 (thousand yen) */
  budget?: number;
  /** 事業費の増減 */
  change: BudgetChange | null;
  /** 人件費(目安) as the sheet prints it: each row's own figure, the project's once for the rows sharing it. */
  personnelCosts: PersonnelCostShare[];
  /** Their sum, shown labelled as a total (合計) where there are several. */
  personnelCostTotal?: number;
  /** 総コスト: budget + the personnel costs' total; only where both are known. */
  total?: number;
}

export interface ActionView {
  /** The rows this evaluation holds for (several when rows share it). */
  nos: number[];
  fiscalYear: number;
  grade?: string;
  suggestedGrade: string | null;
  gradeReason?: string;
  course?: string;
  improvement?: string;
}

export interface ProjectView {
  key: string;
  name: string;
  bureau?: string;
  division: string;
  fiscalYear: number;
  rateDecimals: number;
  plan: { summary: string; sdgs: number[]; placements: PlacementView[] };
  costs: CostYear[];
  indicators: IndicatorView[];
  /** The evaluations of `fiscalYear`, one per group of rows that share one. */
  actions: ActionView[];
  /** Evaluations of earlier fiscal years, latest first. */
  earlier: ActionView[];
}

export function findProject(doc: HyokaDocument, key: string): Project | undefined {
  return doc.projects.find((project) => project.key === key);
}

export function projectView(doc: HyokaDocument, project: Project, fiscalYear: number): ProjectView {
  const { rateDecimals } = resolveProfile(doc.settings);
  const titles = new Map(doc.policies.map((policy) => [policy.code, policy.title]));
  const placements = [...project.placements].sort((a, b) => a.no - b.no);
  const years = evaluatedYears(project);
  return {
    key: project.key,
    name: project.name,
    ...(project.bureau !== undefined && { bureau: project.bureau }),
    division: project.division,
    fiscalYear,
    rateDecimals,
    plan: {
      summary: project.summary ?? '',
      sdgs: projectGoals(project),
      placements: placements.map((placement) => ({
        no: placement.no,
        policyCode: placement.policy,
        policyTitle: titles.get(placement.policy) ?? '',
        summary: rowSummary(project, placement),
        sdgs: rowSdgs(project, placement),
      })),
    },
    costs: costYears(project),
    indicators: indicatorViews(project, rateDecimals),
    actions: actionsOf(project, fiscalYear),
    earlier: years.filter((year) => year < fiscalYear).flatMap((year) => actionsOf(project, year)),
  };
}

/** Fiscal years with an evaluation of the project or one of its rows, latest first. */
function evaluatedYears(project: Project): number[] {
  const years = new Set<number>();
  for (const evaluation of project.evaluations ?? []) years.add(evaluation.fiscalYear);
  for (const placement of project.placements) for (const evaluation of placement.evaluations ?? []) years.add(evaluation.fiscalYear);
  return [...years].sort((a, b) => b - a);
}

/** The evaluation each row holds for the year, rows that hold the same one grouped. */
export function actionsOf(project: Project, fiscalYear: number): ActionView[] {
  const groups: { evaluation: Evaluation; nos: number[] }[] = [];
  for (const placement of [...project.placements].sort((a, b) => a.no - b.no)) {
    const evaluation = rowEvaluation(project, placement, fiscalYear);
    if (!evaluation) continue;
    const same = groups.find((group) => sameEvaluation(group.evaluation, evaluation));
    if (same) same.nos.push(placement.no);
    else groups.push({ evaluation, nos: [placement.no] });
  }
  return groups.map(({ evaluation, nos }) => ({
    nos,
    fiscalYear,
    ...(evaluation.grade !== undefined && { grade: evaluation.grade }),
    suggestedGrade: evaluation.suggestedGrade ?? null,
    ...(evaluation.gradeReason !== undefined && { gradeReason: evaluation.gradeReason }),
    ...(evaluation.course !== undefined && { course: evaluation.course }),
    ...(evaluation.improvement !== undefined && { improvement: evaluation.improvement }),
  }));
}

function sameEvaluation(a: Evaluation, b: Evaluation): boolean {
  return (
    a === b ||
    (a.grade === b.grade &&
      (a.suggestedGrade ?? null) === (b.suggestedGrade ?? null) &&
      a.gradeReason === b.gradeReason &&
      a.course === b.course &&
      a.improvement === b.improvement)
  );
}

/** Budgets and personnel costs by year, with the total cost where both are known. */
export function costYears(project: Project): CostYear[] {
  const years = new Set<number>();
  for (const budget of project.budgets ?? []) years.add(budget.fiscalYear);
  for (const cost of project.personnelCosts ?? []) years.add(cost.fiscalYear);
  for (const placement of project.placements) for (const cost of placement.personnelCosts ?? []) years.add(cost.fiscalYear);
  return [...years]
    .sort((a, b) => a - b)
    .map((fiscalYear) => {
      const budget = project.budgets?.find((candidate) => candidate.fiscalYear === fiscalYear);
      const personnelCosts = personnelCostShares(project, fiscalYear);
      const personnelCostTotal = totalOfShares(personnelCosts);
      return {
        fiscalYear,
        ...(budget && { budget: budget.amount }),
        change: budget?.change ?? null,
        personnelCosts,
        ...(personnelCostTotal !== undefined && { personnelCostTotal }),
        ...(budget && personnelCostTotal !== undefined && { total: budget.amount + personnelCostTotal }),
      };
    });
}

