// A document as table rows, table by table from the top down: each step lists the
// document's records of one table with their natural keys (the keys an import matches
// on, interchange.md) and builds their rows once the parents' primary keys are known.
// Both the import and the benchmark's raw baseline flatten documents through these steps.
import type { HyokaDocument, Indicator, Placement, Project } from '../domain/model.js';
import { InvalidDocumentError } from './errors.js';
import type { Row, TableName } from './schema.js';
import {
  budgetRow,
  evaluationRow,
  indicatorRow,
  periodRow,
  personnelCostRow,
  placementRow,
  policyEvaluationRow,
  policyRow,
  projectRow,
  type NewRow,
} from './rows.js';

export type RecordKind =
  | 'policies'
  | 'projects'
  | 'placements'
  | 'indicators'
  | 'periods'
  | 'budgets'
  | 'personnelCosts'
  | 'evaluations'
  | 'policyEvaluations';

export const RECORD_KINDS: readonly RecordKind[] = [
  'policies',
  'projects',
  'placements',
  'indicators',
  'periods',
  'budgets',
  'personnelCosts',
  'evaluations',
  'policyEvaluations',
];

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
  entries(doc: HyokaDocument, ids: ParentIds): Iterable<Entry<R>>;
  key(entry: Entry<R>, ids: ParentIds): string;
  storedKey(row: Row<T>): string;
  row(entry: Entry<R>, ids: ParentIds): NewRow<T>;
  /** Records the primary key of a record that later steps hang rows under. */
  remember?(entry: Entry<R>, id: number, ids: ParentIds): void;
  /** The parents whose deletion cascades to this row. */
  cascadeParents(row: Row<T>): [TableName, number | null][];
  /** Where the record is, in words, for a duplicate-key message. */
  describe(entry: Entry<R>): string;
}

// Keys join parts with NUL, which no stored text can contain (PostgreSQL refuses it).
const SEP = '\u0000';

function idOf(ids: readonly number[], index: number): number {
  const id = ids[index];
  if (id === undefined) throw new Error('store: a child was visited before its parent');
  return id;
}

/** `where` words the place only when the policy is unknown: building it for every record costs. */
function policyId(ids: ParentIds, code: string, where: () => string): number {
  const id = ids.policies.get(code);
  if (id === undefined) {
    throw new InvalidDocumentError([{ path: where(), message: `施策「${code}」がありません / Unknown policy "${code}"` }]);
  }
  return id;
}

function* projectChildren<R>(doc: HyokaDocument, ids: ParentIds, list: (p: Project) => R[] | undefined): Iterable<Entry<R>> {
  let index = 0;
  for (let p = 0; p < doc.projects.length; p++) {
    const project = doc.projects[p]!;
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
  doc: HyokaDocument,
  ids: ParentIds,
  list: (owner: Project | Placement) => R[] | undefined,
): Iterable<Entry<R>> {
  let placementIndex = 0;
  for (let p = 0; p < doc.projects.length; p++) {
    const project = doc.projects[p]!;
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

const policies: Step<'policies', HyokaDocument['policies'][number]> = {
  table: 'policies',
  kind: 'policies',
  *entries(doc, ids) {
    for (let position = 0; position < doc.policies.length; position++) {
      yield { record: doc.policies[position]!, position, index: position, parent: ids.organization, placement: null };
    }
  },
  key: (e) => e.record.code,
  storedKey: (row) => row.code,
  row: (e) => policyRow(e.record, e.parent, e.position),
  remember: (e, id, ids) => void ids.policies.set(e.record.code, id),
  cascadeParents: () => [],
  describe: (e) => `policies: code「${e.record.code}」`,
};

const projects: Step<'projects', Project> = {
  table: 'projects',
  kind: 'projects',
  *entries(doc, ids) {
    for (let position = 0; position < doc.projects.length; position++) {
      yield { record: doc.projects[position]!, position, index: position, parent: ids.organization, placement: null };
    }
  },
  key: (e) => e.record.key,
  storedKey: (row) => row.key,
  row: (e) => projectRow(e.record, e.parent, e.position),
  remember: (e, id, ids) => void (ids.projects[e.index] = id),
  cascadeParents: () => [],
  describe: (e) => `projects: key「${e.record.key}」`,
};

const placements: Step<'placements', Placement> = {
  table: 'placements',
  kind: 'placements',
  entries: (doc, ids) => projectChildren(doc, ids, (p) => p.placements),
  key: (e, ids) => `${e.parent}${SEP}${policyId(ids, e.record.policy, () => placementWhere(e))}${SEP}${e.record.no}`,
  storedKey: (row) => `${row.project_id}${SEP}${row.policy_id}${SEP}${row.no}`,
  row: (e, ids) => placementRow(e.record, e.parent, policyId(ids, e.record.policy, () => placementWhere(e)), e.position),
  remember: (e, id, ids) => void (ids.placements[e.index] = id),
  cascadeParents: (row) => [['projects', row.project_id]],
  describe: (e) => placementWhere(e),
};

function placementWhere(e: Entry<Placement>): string {
  return `projects「${e.project?.key}」.placements: ${e.record.policy} No.${e.record.no}`;
}

const indicators: Step<'indicators', Indicator> = {
  table: 'indicators',
  kind: 'indicators',
  entries: (doc, ids) => projectChildren(doc, ids, (p) => p.indicators),
  key: (e) => `${e.parent}${SEP}${e.record.key}`,
  storedKey: (row) => `${row.project_id}${SEP}${row.key}`,
  row: (e) => indicatorRow(e.record, e.parent, e.position),
  remember: (e, id, ids) => void (ids.indicators[e.index] = id),
  cascadeParents: (row) => [['projects', row.project_id]],
  describe: (e) => `projects「${e.project?.key}」.indicators: key「${e.record.key}」`,
};

type FiscalRecord = { fiscalYear: number };

const budgets: Step<'budgets', NonNullable<Project['budgets']>[number]> = {
  table: 'budgets',
  kind: 'budgets',
  entries: (doc, ids) => projectChildren(doc, ids, (p) => p.budgets),
  key: (e) => `${e.parent}${SEP}${e.record.fiscalYear}`,
  storedKey: (row) => `${row.project_id}${SEP}${row.fiscal_year}`,
  row: (e) => budgetRow(e.record, e.parent, e.position),
  cascadeParents: (row) => [['projects', row.project_id]],
  describe: (e) => `projects「${e.project?.key}」.budgets: fiscalYear ${e.record.fiscalYear}`,
};

function ownerYearKey(e: Entry<FiscalRecord>): string {
  return `${e.parent}${SEP}${e.placement ?? 0}${SEP}${e.record.fiscalYear}`;
}
function storedOwnerYearKey(row: { project_id: number; placement_id: number | null; fiscal_year: number }): string {
  return `${row.project_id}${SEP}${row.placement_id ?? 0}${SEP}${row.fiscal_year}`;
}

const personnelCosts: Step<'personnel_costs', NonNullable<Project['personnelCosts']>[number]> = {
  table: 'personnel_costs',
  kind: 'personnelCosts',
  entries: (doc, ids) => projectAndRowChildren(doc, ids, (owner) => owner.personnelCosts),
  key: ownerYearKey,
  storedKey: storedOwnerYearKey,
  row: (e) => personnelCostRow(e.record, e.parent, e.placement, e.position),
  cascadeParents: (row) => [
    ['projects', row.project_id],
    ['placements', row.placement_id],
  ],
  describe: (e) => `projects「${e.project?.key}」.personnelCosts: fiscalYear ${e.record.fiscalYear}`,
};

const evaluations: Step<'evaluations', NonNullable<Project['evaluations']>[number]> = {
  table: 'evaluations',
  kind: 'evaluations',
  entries: (doc, ids) => projectAndRowChildren(doc, ids, (owner) => owner.evaluations),
  key: ownerYearKey,
  storedKey: storedOwnerYearKey,
  row: (e) => evaluationRow(e.record, e.parent, e.placement, e.position),
  cascadeParents: (row) => [
    ['projects', row.project_id],
    ['placements', row.placement_id],
  ],
  describe: (e) => `projects「${e.project?.key}」.evaluations: fiscalYear ${e.record.fiscalYear}`,
};

const periods: Step<'periods', NonNullable<Indicator['periods']>[number]> = {
  table: 'periods',
  kind: 'periods',
  *entries(doc, ids) {
    let indicatorIndex = 0;
    for (const project of doc.projects) {
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
  key: (e) => `${e.parent}${SEP}${e.record.fiscalYear}`,
  storedKey: (row) => `${row.indicator_id}${SEP}${row.fiscal_year}`,
  row: (e) => periodRow(e.record, e.parent, e.position),
  cascadeParents: (row) => [['indicators', row.indicator_id]],
  describe: (e) => `projects「${e.project?.key}」.indicators[].periods: fiscalYear ${e.record.fiscalYear}`,
};

const policyEvaluations: Step<'policy_evaluations', NonNullable<HyokaDocument['policyEvaluations']>[number]> = {
  table: 'policy_evaluations',
  kind: 'policyEvaluations',
  *entries(doc, ids) {
    const list = doc.policyEvaluations ?? [];
    for (let position = 0; position < list.length; position++) {
      const record = list[position]!;
      yield { record, position, index: position, parent: policyId(ids, record.policy, () => `policyEvaluations[${position}]`), placement: null };
    }
  },
  key: (e) => `${e.parent}${SEP}${e.record.bureau ?? ''}${SEP}${e.record.fiscalYear}`,
  storedKey: (row) => `${row.policy_id}${SEP}${row.bureau ?? ''}${SEP}${row.fiscal_year}`,
  row: (e) => policyEvaluationRow(e.record, e.parent, e.position),
  cascadeParents: (row) => [['policies', row.policy_id]],
  describe: (e) => `policyEvaluations: ${e.record.policy} ${e.record.bureau ?? ''} fiscalYear ${e.record.fiscalYear}`,
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
