// Rows of whole new records, table by table from the top down: each step lists the records
// of one table below the new policies, projects and policy evaluations it is given (all of
// a new organization's, or those a change set adds) and fills their rows once the parents'
// primary keys are known. The import's apply (apply.ts) and the benchmark's raw baseline
// both flatten records through these steps.
import type { HyokaDocument, Indicator, Placement, Policy, PolicyEvaluation, Project } from '../domain/model.js';
import { InvalidDocumentError } from './errors.js';
import type { RecordKind } from '../interchange/change-set.js';
import type { TableName } from './schema.js';
import { FILL } from './row-values.js';

export { RECORD_KINDS, type RecordKind } from '../interchange/change-set.js';

/** A record and its place in its list. */
export interface Placed<R> {
  record: R;
  position: number;
}

/** The new records at the top of the tree, with everything below them. */
export interface Source {
  policies: readonly Placed<Policy>[];
  projects: readonly Placed<Project>[];
  policyEvaluations: readonly Placed<PolicyEvaluation>[];
}

const placed = <R>(records: readonly R[] | undefined): Placed<R>[] => (records ?? []).map((record, position) => ({ record, position }));

/** All of a document's records, in their places. */
export function sourceOf(doc: HyokaDocument): Source {
  return { policies: placed(doc.policies), projects: placed(doc.projects), policyEvaluations: placed(doc.policyEvaluations) };
}

/**
 * Primary keys of the records written so far, for their children's rows. Projects, rows
 * and indicators are numbered in document order (Entry.index), which every step walks in
 * the same way: an array read, where a map keyed by the record cost a hash per lookup.
 */
export interface ParentIds {
  organization: number;
  /** By policy code. */
  policies: Map<string, number>;
  projects: number[];
  placements: number[];
  indicators: number[];
}

export function emptyParentIds(organization: number): ParentIds {
  return { organization, policies: new Map(), projects: [], placements: [], indicators: [] };
}

/** One record of the document, with what its row and key need. */
export interface Entry<R> {
  record: R;
  position: number;
  /** The record's number among its table's records in document order (projects, rows, indicators). */
  index: number;
  /** The parent's primary key: organization, project, indicator or policy. */
  parent: number;
  /** A row's own personnel cost or evaluation: the row's primary key. */
  placement: number | null;
  /** The project it belongs to, for messages. */
  project?: Project;
}

export interface Step<T extends TableName, R = unknown> {
  table: T;
  kind: RecordKind;
  entries(source: Source, ids: ParentIds): Iterable<Entry<R>>;
  /** Writes the entry's row, primary key `id` first, into `values` from `at` (row-values.ts). */
  fill(entry: Entry<R>, ids: ParentIds, id: number, values: unknown[], at: number): void;
  /** Records the primary key of a record that later steps hang rows under. */
  remember?(entry: Entry<R>, id: number, ids: ParentIds): void;
}

function idOf(ids: readonly number[], index: number): number {
  const id = ids[index];
  if (id === undefined) throw new Error('store: a child was visited before its parent');
  return id;
}

/** `where` words the place only when the policy is unknown: building it for every record costs. */
export function policyId(ids: ParentIds, code: string, where: () => string): number {
  const id = ids.policies.get(code);
  if (id === undefined) {
    throw new InvalidDocumentError([{ path: where(), message: `施策「${code}」がありません / Unknown policy "${code}"` }]);
  }
  return id;
}

function* projectChildren<R>(source: Source, ids: ParentIds, list: (p: Project) => R[] | undefined): Iterable<Entry<R>> {
  let index = 0;
  for (let p = 0; p < source.projects.length; p++) {
    const project = source.projects[p]!.record;
    const records = list(project) ?? [];
    if (records.length === 0) continue;
    const parent = idOf(ids.projects, p);
    for (let position = 0; position < records.length; position++) {
      yield { record: records[position] as R, position, index: index++, parent, placement: null, project };
    }
  }
}

/** The project's own records, then each row's. */
function* projectAndRowChildren<R>(
  source: Source,
  ids: ParentIds,
  list: (owner: Project | Placement) => R[] | undefined,
): Iterable<Entry<R>> {
  let placementIndex = 0;
  for (let p = 0; p < source.projects.length; p++) {
    const project = source.projects[p]!.record;
    const parent = idOf(ids.projects, p);
    const own = list(project) ?? [];
    for (let position = 0; position < own.length; position++) {
      yield { record: own[position] as R, position, index: -1, parent, placement: null, project };
    }
    for (const placement of project.placements) {
      const records = list(placement) ?? [];
      const placementId = records.length === 0 ? 0 : idOf(ids.placements, placementIndex);
      placementIndex++;
      for (let position = 0; position < records.length; position++) {
        yield { record: records[position] as R, position, index: -1, parent, placement: placementId, project };
      }
    }
  }
}

export function placementWhere(projectKey: string | undefined, placement: Placement): string {
  return `projects/${projectKey ?? ''}/placements/${placement.policy}/${placement.no}`;
}

const policies: Step<'policies', Policy> = {
  table: 'policies',
  kind: 'policies',
  *entries(source, ids) {
    for (let index = 0; index < source.policies.length; index++) {
      const { record, position } = source.policies[index]!;
      yield { record, position, index, parent: ids.organization, placement: null };
    }
  },
  fill: (e, _, id, values, at) => FILL.policies(values, at, id, e.record, e.parent, e.position),
  remember: (e, id, ids) => void ids.policies.set(e.record.code, id),
};

const projects: Step<'projects', Project> = {
  table: 'projects',
  kind: 'projects',
  *entries(source, ids) {
    for (let index = 0; index < source.projects.length; index++) {
      const { record, position } = source.projects[index]!;
      yield { record, position, index, parent: ids.organization, placement: null };
    }
  },
  fill: (e, _, id, values, at) => FILL.projects(values, at, id, e.record, e.parent, e.position),
  remember: (e, id, ids) => void (ids.projects[e.index] = id),
};

const placements: Step<'placements', Placement> = {
  table: 'placements',
  kind: 'placements',
  entries: (source, ids) => projectChildren(source, ids, (p) => p.placements),
  fill: (e, ids, id, values, at) =>
    FILL.placements(values, at, id, e.record, e.parent, policyId(ids, e.record.policy, () => placementWhere(e.project?.key, e.record)), e.position),
  remember: (e, id, ids) => void (ids.placements[e.index] = id),
};

const indicators: Step<'indicators', Indicator> = {
  table: 'indicators',
  kind: 'indicators',
  entries: (source, ids) => projectChildren(source, ids, (p) => p.indicators),
  fill: (e, _, id, values, at) => FILL.indicators(values, at, id, e.record, e.parent, e.position),
  remember: (e, id, ids) => void (ids.indicators[e.index] = id),
};

const budgets: Step<'budgets', NonNullable<Project['budgets']>[number]> = {
  table: 'budgets',
  kind: 'budgets',
  entries: (source, ids) => projectChildren(source, ids, (p) => p.budgets),
  fill: (e, _, id, values, at) => FILL.budgets(values, at, id, e.record, e.parent, e.position),
};

const personnelCosts: Step<'personnel_costs', NonNullable<Project['personnelCosts']>[number]> = {
  table: 'personnel_costs',
  kind: 'personnelCosts',
  entries: (source, ids) => projectAndRowChildren(source, ids, (owner) => owner.personnelCosts),
  fill: (e, _, id, values, at) => FILL.personnel_costs(values, at, id, e.record, e.parent, e.placement, e.position),
};

const evaluations: Step<'evaluations', NonNullable<Project['evaluations']>[number]> = {
  table: 'evaluations',
  kind: 'evaluations',
  entries: (source, ids) => projectAndRowChildren(source, ids, (owner) => owner.evaluations),
  fill: (e, _, id, values, at) => FILL.evaluations(values, at, id, e.record, e.parent, e.placement, e.position),
};

const periods: Step<'periods', NonNullable<Indicator['periods']>[number]> = {
  table: 'periods',
  kind: 'periods',
  *entries(source, ids) {
    let indicatorIndex = 0;
    for (const { record: project } of source.projects) {
      for (const indicator of project.indicators ?? []) {
        const list = indicator.periods ?? [];
        const index = indicatorIndex++;
        if (list.length === 0) continue;
        const parent = idOf(ids.indicators, index);
        for (let position = 0; position < list.length; position++) {
          yield { record: list[position]!, position, index: -1, parent, placement: null, project };
        }
      }
    }
  },
  fill: (e, _, id, values, at) => FILL.periods(values, at, id, e.record, e.parent, e.position),
};

const policyEvaluations: Step<'policy_evaluations', PolicyEvaluation> = {
  table: 'policy_evaluations',
  kind: 'policyEvaluations',
  *entries(source, ids) {
    for (let index = 0; index < source.policyEvaluations.length; index++) {
      const { record, position } = source.policyEvaluations[index]!;
      const parent = policyId(ids, record.policy, () => `policyEvaluations/${record.policy}/${record.bureau ?? ''}/${record.fiscalYear}`);
      yield { record, position, index, parent, placement: null };
    }
  },
  fill: (e, _, id, values, at) => FILL.policy_evaluations(values, at, id, e.record, e.parent, e.position),
};

/** The steps in write order: every parent before its children. */
export const STEPS: readonly Step<TableName, any>[] = [
  policies,
  projects,
  placements,
  indicators,
  budgets,
  personnelCosts,
  evaluations,
  periods,
  policyEvaluations,
];
