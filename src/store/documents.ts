// Reading records back into document shape: one query per table, children grouped under
// their parents in list order.
import type { Kysely } from 'kysely';
import type { Evaluation, HyokaDocument, PersonnelCost, Period, Project } from '../domain/model.js';
import type { Database, Row } from './schema.js';
import { readRows, type Scope } from './scope.js';
import {
  toBudget,
  toDocument,
  toEvaluation,
  toIndicator,
  toPeriod,
  toPersonnelCost,
  toPlacement,
  toPolicy,
  toPolicyEvaluation,
  toProject,
} from './rows.js';

function groupBy<R, V>(rows: readonly R[], parent: (row: R) => number, value: (row: R) => V): Map<number, V[]> {
  const groups = new Map<number, V[]>();
  for (const row of rows) {
    const id = parent(row);
    const list = groups.get(id);
    if (list) list.push(value(row));
    else groups.set(id, [value(row)]);
  }
  return groups;
}

/** Project and row records of one owner: rows with placement_id null are the project's. */
function splitByOwner<R extends { project_id: number; placement_id: number | null }, V>(rows: readonly R[], value: (row: R) => V) {
  return {
    ofProject: groupBy(
      rows.filter((r) => r.placement_id === null),
      (r) => r.project_id,
      value,
    ),
    ofPlacement: groupBy(
      rows.filter((r) => r.placement_id !== null),
      (r) => r.placement_id as number,
      value,
    ),
  };
}

/** The organization's projects (or the one of `scope.projectId`) as documents have them. */
export async function readProjects(db: Kysely<Database>, scope: Scope, policyCodes?: Map<number, string>): Promise<Project[]> {
  const codes = policyCodes ?? new Map((await readRows.policies(db, scope)).map((p) => [p.id, p.code]));
  const [projectRows, placementRows, indicatorRows, periodRows, budgetRows, costRows, evaluationRows] = await Promise.all([
    readRows.projects(db, scope),
    readRows.placements(db, scope),
    readRows.indicators(db, scope),
    readRows.periods(db, scope),
    readRows.budgets(db, scope),
    readRows.personnel_costs(db, scope),
    readRows.evaluations(db, scope),
  ]);
  const periods = groupBy<Row<'periods'>, Period>(periodRows, (r) => r.indicator_id, toPeriod);
  const indicators = groupBy(indicatorRows, (r) => r.project_id, (r) => toIndicator(r, periods.get(r.id) ?? []));
  const budgets = groupBy(budgetRows, (r) => r.project_id, toBudget);
  const costs = splitByOwner<Row<'personnel_costs'>, PersonnelCost>(costRows, toPersonnelCost);
  const evaluations = splitByOwner<Row<'evaluations'>, Evaluation>(evaluationRows, toEvaluation);
  const placements = groupBy(
    placementRows,
    (r) => r.project_id,
    (r) =>
      toPlacement(r, codes.get(r.policy_id) ?? '', {
        personnelCosts: costs.ofPlacement.get(r.id) ?? [],
        evaluations: evaluations.ofPlacement.get(r.id) ?? [],
      }),
  );
  return projectRows.map((r) =>
    toProject(r, {
      budgets: budgets.get(r.id) ?? [],
      personnelCosts: costs.ofProject.get(r.id) ?? [],
      indicators: indicators.get(r.id) ?? [],
      evaluations: evaluations.ofProject.get(r.id) ?? [],
      placements: placements.get(r.id) ?? [],
    }),
  );
}

/** The stored document of an organization, or undefined when there is no such organization. */
export async function readDocument(db: Kysely<Database>, orgId: number): Promise<HyokaDocument | undefined> {
  const scope: Scope = { orgId };
  const [organization] = await readRows.organizations(db, scope);
  if (!organization) return undefined;
  const policyRows = await readRows.policies(db, scope);
  const codes = new Map(policyRows.map((p) => [p.id, p.code]));
  const [projects, policyEvaluationRows] = await Promise.all([
    readProjects(db, scope, codes),
    readRows.policy_evaluations(db, scope),
  ]);
  return toDocument(organization, {
    policies: policyRows.map(toPolicy),
    projects,
    policyEvaluations: policyEvaluationRows.map((r) => toPolicyEvaluation(r, codes.get(r.policy_id) ?? '')),
  });
}
