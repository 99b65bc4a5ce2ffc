// What an import changes: a pure function of the stored document and the desired one. Records
// are matched by their keys (interchange.md: project key, indicator key, fiscal year, a row's
// policy and No., …); the change set lists the records added and removed (each carrying
// what hangs below it), and for every record kept, each field whose value differs, with
// before and after (unknown fields included; value objects compared by value). A record
// whose place in its list changed is `moved`, not `updated` (its position is rewritten); when
// the records kept changed their order among themselves, the list also gets one `reordered`
// change with its keys in the old and the new order — a record added or removed before others
// moves them without reordering the list. Paths are change-path.ts's.
//
// The store applies a change set in one transaction (store/apply.ts); the import report's
// counts come from it, and a preview lists its values (change-list.ts).
import type { HyokaDocument, Indicator, Placement, Project } from '../domain/model.js';
import { childPath, segment } from './change-path.js';
import type { Problem } from './messages.js';
import { RECORD_FIELDS, type ListField, type RecordName } from './record-fields.js';
import { sameValue } from './same-value.js';

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
 * Records of one kind. `updated` counts the kept records whose row changes — a field, or
 * their place in the list (moved); a record added or removed counts with everything below it.
 */
export interface RecordCounts {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}

/** One value that changes: absent `before` for something new, absent `after` for something gone. */
export interface Change {
  path: string;
  before?: unknown;
  after?: unknown;
}

/** The stored records a record hangs under (the store finds their rows by them). */
export interface Owner {
  project?: Project;
  placement?: Placement;
  indicator?: Indicator;
}

interface Located {
  kind: RecordKind;
  path: string;
  owner: Owner;
}

/** A new record, with what hangs below it; `position` is its place in its list. */
export interface AddedRecord extends Located {
  change: 'added';
  record: object;
  position: number;
}

/** A stored record that goes, with what hangs below it. */
export interface RemovedRecord extends Located {
  change: 'removed';
  record: object;
}

/** A record in both: `updated` when a field changed (`fields`), else `moved` (only `from` ≠ `position`). */
export interface KeptRecord extends Located {
  change: 'updated' | 'moved';
  stored: object;
  record: object;
  from: number;
  position: number;
  fields: Change[];
}

/** A list whose records are in another order: their keys before and after. */
export interface ReorderedList {
  change: 'reordered';
  kind: RecordKind;
  path: string;
  before: string[];
  after: string[];
}

export type RecordChange = AddedRecord | RemovedRecord | KeptRecord | ReorderedList;

export interface ChangeSet {
  /** The organization and the document around the lists: organization, plan, settings, unknown fields. */
  organization: { change: 'added' | 'updated' | 'unchanged'; fields: Change[] };
  /** Parents before their children, each list in the desired order, then what it lost. */
  records: RecordChange[];
  counts: Record<RecordKind, RecordCounts>;
}

export type ChangeSetResult = { ok: true; changeSet: ChangeSet } | { ok: false; problems: Problem[] };

/** True when applying the change set would write nothing. */
export function isEmptyChangeSet(changeSet: ChangeSet): boolean {
  return changeSet.organization.change === 'unchanged' && changeSet.records.length === 0;
}

type Fields = Record<string, unknown>;
export type Listed = 'policy' | 'project' | 'placement' | 'indicator' | 'period' | 'budget' | 'personnelCost' | 'evaluation' | 'policyEvaluation';

const KIND_OF: Readonly<Record<Listed, RecordKind>> = {
  policy: 'policies',
  project: 'projects',
  placement: 'placements',
  indicator: 'indicators',
  period: 'periods',
  budget: 'budgets',
  personnelCost: 'personnelCosts',
  evaluation: 'evaluations',
  policyEvaluation: 'policyEvaluations',
};

const year = (record: Fields) => String(record.fiscalYear);

/** Each record's key within its list, as path segments (interchange.md's keys). */
export const KEY_OF: Readonly<Record<Listed, (record: Fields) => string>> = {
  policy: (r) => segment(r.code as string),
  project: (r) => segment(r.key as string),
  placement: (r) => `${segment(r.policy as string)}/${String(r.no)}`,
  indicator: (r) => segment(r.key as string),
  period: year,
  budget: year,
  personnelCost: year,
  evaluation: year,
  // An absent bureau is the empty one, as the store's unique key has it.
  policyEvaluation: (r) => `${segment(r.policy as string)}/${segment((r.bureau as string | undefined) ?? '')}/${year(r)}`,
};

/** A listed record's key as path segments (change-path.ts), for readers that name their records' places. */
export function recordKeyOf(name: Exclude<RecordName, 'document' | 'organization' | 'plan' | 'settings'>, record: object): string {
  return KEY_OF[name](record as Fields);
}

const KIND_RECORD = Object.fromEntries(Object.entries(KIND_OF).map(([name, kind]) => [kind, name])) as Record<RecordKind, Listed>;

/** Per record: its lists of child records, their kind, and whether those have lists of their own. */
const BELOW = Object.fromEntries(
  (Object.keys(KIND_OF) as Listed[]).map((name) => [
    name,
    RECORD_FIELDS[name].lists.map((list) => ({ list: list.name, kind: KIND_OF[list.element as Listed], branches: RECORD_FIELDS[list.element].lists.length > 0 })),
  ]),
) as Record<Listed, { list: string; kind: RecordKind; branches: boolean }[]>;

/** Which owner a record is to its children. */
const OWNER_FIELD: Partial<Record<Listed, keyof Owner>> = { project: 'project', placement: 'placement', indicator: 'indicator' };

const emptyCounts = (): RecordCounts => ({ added: 0, updated: 0, removed: 0, unchanged: 0 });

class Walk {
  readonly records: RecordChange[] = [];
  readonly problems: Problem[] = [];
  readonly counts = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, emptyCounts()])) as Record<RecordKind, RecordCounts>;

  /** Brings `stored` (undefined: none) to `desired`, list by list. */
  list(name: Listed, path: string, stored: readonly Fields[] | undefined, desired: readonly Fields[] | undefined, owner: Owner): void {
    const kind = KIND_OF[name];
    const wanted = desired ?? [];
    if (stored === undefined || stored.length === 0) {
      // Nothing to match: every record is new (the first import of an organization).
      for (let position = 0; position < wanted.length; position++) this.added(name, path, wanted[position]!, position, owner);
      return;
    }
    const key = KEY_OF[name];
    const byKey = new Map<string, number>();
    for (let i = 0; i < stored.length; i++) byKey.set(key(stored[i]!), i);
    const seen = new Set<string>();
    // The list is reordered when the records kept are in another order among themselves; a record
    // added or removed shifts the others' positions without reordering them.
    let moved = false;
    let lastFrom = -1;
    for (let position = 0; position < wanted.length; position++) {
      const record = wanted[position]!;
      const recordKey = key(record);
      if (seen.has(recordKey)) {
        this.problems.push({ path: `${path}/${recordKey}`, message: 'キーが重複しています。一方を消すか、キーを変えてください / Duplicate key: remove one or change its key' });
        continue;
      }
      seen.add(recordKey);
      const from = byKey.get(recordKey);
      if (from === undefined) {
        this.added(name, path, record, position, owner);
        continue;
      }
      byKey.delete(recordKey);
      if (from < lastFrom) moved = true;
      lastFrom = from;
      this.kept(name, `${path}/${recordKey}`, stored[from]!, record, from, position, owner);
    }
    for (const from of byKey.values()) {
      const record = stored[from]!;
      this.records.push({ change: 'removed', kind, path: `${path}/${key(record)}`, record, owner });
      this.count(name, record, 'removed');
    }
    if (moved) this.records.push({ change: 'reordered', kind, path, before: stored.map(key), after: wanted.map(key) });
  }

  private added(name: Listed, path: string, record: Fields, position: number, owner: Owner): void {
    this.records.push({ change: 'added', kind: KIND_OF[name], path: `${path}/${KEY_OF[name](record)}`, record, position, owner });
    this.count(name, record, 'added');
  }

  private kept(name: Listed, path: string, stored: Fields, record: Fields, from: number, position: number, owner: Owner): void {
    const fields: Change[] = [];
    compareFields(name, path, stored, record, fields);
    const entry: KeptRecord = { change: fields.length > 0 ? 'updated' : 'moved', kind: KIND_OF[name], path, stored, record, from, position, fields, owner };
    if (fields.length > 0 || from !== position) {
      this.records.push(entry);
      this.counts[entry.kind].updated++;
    } else {
      this.counts[entry.kind].unchanged++;
    }
    const ownerField = OWNER_FIELD[name];
    const below = ownerField ? { ...owner, [ownerField]: stored } : owner;
    for (const list of RECORD_FIELDS[name].lists) {
      this.list(list.element as Listed, `${path}/${segment(list.name)}`, stored[list.name] as Fields[] | undefined, record[list.name] as Fields[] | undefined, below);
    }
  }

  /** Counts a record added or removed and everything below it (a new organization's: every record). */
  private count(name: Listed, record: Fields, how: 'added' | 'removed'): void {
    this.counts[KIND_OF[name]][how]++;
    this.countBelow(name, record, how);
  }

  private countBelow(name: Listed, record: Fields, how: 'added' | 'removed'): void {
    for (const { list, kind, branches } of BELOW[name]) {
      const items = record[list] as Fields[] | undefined;
      if (!items) continue;
      this.counts[kind][how] += items.length;
      // Records without lists of their own (periods, budgets …) are counted by the length alone.
      if (branches) for (const item of items) this.countBelow(KIND_RECORD[kind], item, how);
    }
  }
}

/** Per record: the fields not compared as values (its lists of records, compute()'s fields). */
const NOT_VALUES = Object.fromEntries(
  Object.entries(RECORD_FIELDS).map(([name, fields]) => [name, new Set([...fields.computed, ...fields.lists.map((list) => list.name)])]),
) as unknown as Record<RecordName, ReadonlySet<string>>;

/** The fields of two versions of one record that differ: values, unknown fields, and lists written `[]` against absent. */
function compareFields(name: RecordName, path: string, stored: Fields, desired: Fields, out: Change[]): void {
  const skipped = NOT_VALUES[name];
  for (const field of Object.keys(desired)) {
    if (skipped.has(field)) continue;
    const after = desired[field];
    const before = Object.hasOwn(stored, field) ? stored[field] : undefined;
    if (!sameValue(before, after)) out.push(change(childPath(path, field), before, after));
  }
  for (const field of Object.keys(stored)) {
    if (skipped.has(field) || stored[field] === undefined) continue;
    if (!Object.hasOwn(desired, field) || desired[field] === undefined) out.push(change(childPath(path, field), stored[field], undefined));
  }
  for (const list of RECORD_FIELDS[name].lists) compareListForm(list, path, stored[list.name], desired[list.name], out);
}

/** A list written `[]` on one side only: the record itself changes (the store keeps `[]` apart from absent). */
function compareListForm(list: ListField, path: string, stored: unknown, desired: unknown, out: Change[]): void {
  if (list.required || writtenEmpty(stored) === writtenEmpty(desired)) return;
  out.push(change(childPath(path, list.name), keysOf(list, stored), keysOf(list, desired)));
}

const writtenEmpty = (list: unknown) => Array.isArray(list) && list.length === 0;

function keysOf(list: ListField, items: unknown): string[] | undefined {
  return Array.isArray(items) ? (items as Fields[]).map(KEY_OF[list.element as Listed]) : undefined;
}

function change(path: string, before: unknown, after: unknown): Change {
  const entry: Change = { path };
  if (before !== undefined) entry.before = before;
  if (after !== undefined) entry.after = after;
  return entry;
}

/** The document around its lists: the organization, plan, settings and the document's own unknown fields. */
function compareHead(stored: HyokaDocument | undefined, desired: HyokaDocument, out: Change[]): void {
  const before = (stored ?? {}) as Fields;
  const after = desired as unknown as Fields;
  const { lists } = RECORD_FIELDS.document;
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (field === 'format' || lists.some((list) => list.name === field)) continue;
    const was = Object.hasOwn(before, field) ? before[field] : undefined;
    const is = Object.hasOwn(after, field) ? after[field] : undefined;
    if (sameValue(was, is)) continue;
    // organization, plan and settings field by field while both sides have them.
    const objects = field === 'organization' || field === 'plan' || field === 'settings';
    if (objects && was !== undefined && is !== undefined) compareObject(field, was as Fields, is as Fields, out);
    else out.push(change(segment(field), was, is));
  }
  for (const list of lists) compareListForm(list, '', before[list.name], after[list.name], out);
}

function compareObject(path: string, stored: Fields, desired: Fields, out: Change[]): void {
  for (const field of new Set([...Object.keys(stored), ...Object.keys(desired)])) {
    const before = Object.hasOwn(stored, field) ? stored[field] : undefined;
    const after = Object.hasOwn(desired, field) ? desired[field] : undefined;
    if (!sameValue(before, after)) out.push(change(childPath(path, field), before, after));
  }
}

/** Rows and policy evaluations name policies of the document: the store links them by it. */
function unknownPolicies(doc: HyokaDocument): Problem[] {
  const codes = new Set(doc.policies.map((policy) => policy.code));
  const problems: Problem[] = [];
  const refuse = (path: string, code: string) =>
    problems.push({ path, message: `施策「${code}」がありません。施策の一覧に加えるか、施策コードを直してください / Unknown policy "${code}": add it to the policies or correct the code` });
  for (const project of doc.projects) {
    for (const placement of project.placements) {
      if (!codes.has(placement.policy)) refuse(`projects/${segment(project.key)}/placements/${KEY_OF.placement(placement)}`, placement.policy);
    }
  }
  for (const evaluation of doc.policyEvaluations ?? []) {
    if (!codes.has(evaluation.policy)) refuse(`policyEvaluations/${KEY_OF.policyEvaluation(evaluation)}`, evaluation.policy);
  }
  return problems;
}

/**
 * The change set that makes `stored` (undefined: no such organization yet) into `desired`.
 * Both are canonical documents (validated). A document the store could not hold — two
 * records with one key, a row naming an unknown policy — gives problems instead.
 */
export function changeSetOf(stored: HyokaDocument | undefined, desired: HyokaDocument): ChangeSetResult {
  const walk = new Walk();
  const head: Change[] = [];
  compareHead(stored, desired, head);
  const top = (name: Listed, field: 'policies' | 'projects' | 'policyEvaluations') =>
    walk.list(name, field, stored?.[field] as Fields[] | undefined, desired[field] as Fields[] | undefined, {});
  top('policy', 'policies');
  top('project', 'projects');
  top('policyEvaluation', 'policyEvaluations');
  const problems = [...walk.problems, ...unknownPolicies(desired)];
  if (problems.length > 0) return { ok: false, problems };
  const organization: ChangeSet['organization'] = { change: stored === undefined ? 'added' : head.length > 0 ? 'updated' : 'unchanged', fields: head };
  return { ok: true, changeSet: { organization, records: walk.records, counts: walk.counts } };
}
