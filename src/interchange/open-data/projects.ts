// The rows of the open data's project list for one evaluated fiscal year Y: each project
// once (so that budgets add up), with the budget of Y + 2 and Y + 1 as the sheet of Y
// prints them, and the evaluation of Y. Where a project's rows (No.) carry different
// evaluations, the grade and course columns stay empty and 行ごとの評価 lists them.
import { formatFiscalYear } from '../../domain/era.js';
import type { Evaluation, HyokaDocument, Project } from '../../domain/model.js';
import { personnelCostOf } from '../../domain/personnel-cost.js';
import type { Row } from '../csv/columns.js';
import { rowEvaluation } from '../sheet-rows.js';

export function projectRows(computed: HyokaDocument, fiscalYear: number): Row[] {
  const budgetYear = fiscalYear + 2;
  return computed.projects.map((project) => {
    const budget = project.budgets?.find((b) => b.fiscalYear === budgetYear);
    const previous = project.budgets?.find((b) => b.fiscalYear === budgetYear - 1);
    const evaluations = project.placements.map((placement) => ({ no: placement.no, evaluation: rowEvaluation(project, placement, fiscalYear) }));
    const agreed = evaluations.every(({ evaluation }) => sameEvaluation(evaluation, evaluations[0]?.evaluation));
    const shared = agreed ? evaluations[0]?.evaluation : undefined;
    return {
      organizationCode: computed.organization.code ?? null,
      organizationName: computed.organization.name,
      fiscalYear,
      fiscalYearEra: formatFiscalYear(fiscalYear),
      projectKey: project.key,
      projectName: project.name,
      bureau: project.bureau ?? null,
      division: project.division,
      policyCodes: unique(project.placements.map((placement) => placement.policy)).join(';'),
      rowNumbers: project.placements.map((placement) => placement.no).join(';'),
      sdgs: (project.sdgs ?? []).join(';'),
      summary: project.summary ?? null,
      budgetYear,
      budget: budget?.amount ?? null,
      previousBudget: previous?.amount ?? null,
      budgetChange: budget?.change ?? null,
      personnelCost: personnelCostOf(project, budgetYear) ?? null,
      grade: shared?.grade ?? null,
      suggestedGrade: shared?.suggestedGrade ?? null,
      course: shared?.course ?? null,
      improvement: shared?.improvement ?? null,
      byRow: agreed ? null : evaluations.map(({ no, evaluation }) => `No.${no}: ${evaluation?.grade ?? '—'}、${evaluation?.course ?? '—'}`).join(' / '),
    };
  });
}

function sameEvaluation(a: Evaluation | undefined, b: Evaluation | undefined): boolean {
  return a === b || (a?.grade === b?.grade && a?.course === b?.course && a?.improvement === b?.improvement && a?.suggestedGrade === b?.suggestedGrade);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

