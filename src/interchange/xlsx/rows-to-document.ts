// The data workbook's rows → a hyoka/1 document (unvalidated) and the cell of every field.
// Children find their parent by key: a placement, indicator, budget… by 事業キー; a period
// by 事業キー + 指標キー; a row's own personnel cost or evaluation by 事業キー + No.
import { appendIndex, appendKey } from '../json-path.js';
import { Assembler } from './assemble.js';
import { placeOf, type WorkbookProblem } from './cells.js';
import { define, type Json } from './known-fields.js';
import type { ReadRow } from './read-rows.js';
import {
  BUDGETS_TABLE,
  EVALUATIONS_TABLE,
  INDICATORS_TABLE,
  PERIODS_TABLE,
  PERSONNEL_TABLE,
  PLACEMENTS_TABLE,
  plainColumns,
  POLICIES_TABLE,
  POLICY_EVALUATIONS_TABLE,
  PROJECTS_TABLE,
  SETTINGS_TABLE,
  type TableSpec,
} from './tables.js';

export type TableRows = Record<string, ReadRow[]>;

export interface Assembled {
  document: Json;
  /** JSON path → the cell (or row) it was read from. */
  places: Map<string, string>;
}

interface ProjectEntry {
  project: Json;
  path: string;
  placements: Map<number, { placement: Json; path: string }>;
  indicators: Map<string, { indicator: Json; path: string }>;
}

/** The names of a table's plain columns: the fields copied as they are. */
const plain = (spec: TableSpec, except: readonly string[] = []): string[] => plainColumns(spec, except).map((column) => column.name);
const PLAIN = {
  policies: plain(POLICIES_TABLE),
  projects: plain(PROJECTS_TABLE),
  placements: plain(PLACEMENTS_TABLE),
  indicators: plain(INDICATORS_TABLE, ['better']),
  periods: plain(PERIODS_TABLE, ['target', 'actual']),
  policyEvaluations: plain(POLICY_EVALUATIONS_TABLE),
};

const list = (owner: Json, field: string): Json[] => {
  if (!Array.isArray(owner[field])) define(owner, field, []);
  return owner[field] as Json[];
};

export function rowsToDocument(tables: TableRows, problems: WorkbookProblem[]): Assembled {
  const a = new Assembler(problems);
  const doc: Json = { format: 'hyoka/1' };
  readSettings(a, doc, tables.Settings ?? []);

  const policies = list(doc, 'policies');
  for (const row of tables.Policies ?? []) {
    const path = appendIndex('policies', policies.length);
    const policy: Json = {};
    a.copy(policy, path, row, PLAIN.policies);
    a.extras(policy, path, row, 'policy');
    policies.push(policy);
  }

  const projects = list(doc, 'projects');
  const byKey = new Map<string, ProjectEntry>();
  for (const row of tables.Projects ?? []) {
    const path = appendIndex('projects', projects.length);
    const project: Json = {};
    a.copy(project, path, row, PLAIN.projects);
    a.extras(project, path, row, 'project');
    projects.push(project);
    const key = row.values.key;
    if (typeof key === 'string' && !byKey.has(key)) byKey.set(key, { project, path, placements: new Map(), indicators: new Map() });
  }
  const owner = (row: ReadRow): ProjectEntry | undefined => {
    const key = row.values.project;
    const entry = typeof key === 'string' ? byKey.get(key) : undefined;
    if (!entry) {
      const place = row.places.project ?? row.place;
      if (key === undefined) a.problem(place, '事業キーがありません。事業シートの事業キーを書いてください', 'the project key is missing: write a key from the 事業 sheet');
      else a.problem(place, `事業キー「${String(key)}」は事業シートにありません`, `project key "${String(key)}" is not on the 事業 sheet`);
    }
    return entry;
  };

  for (const row of tables.Placements ?? []) {
    const entry = owner(row);
    if (!entry) continue;
    const placements = list(entry.project, 'placements');
    const path = appendIndex(appendKey(entry.path, 'placements'), placements.length);
    const placement: Json = {};
    a.copy(placement, path, row, PLAIN.placements);
    if (a.ownList(row, 'personnelCosts')) define(placement, 'personnelCosts', []);
    if (a.ownList(row, 'evaluations')) define(placement, 'evaluations', []);
    a.extras(placement, path, row, 'placement');
    placements.push(placement);
    const no = row.values.no;
    if (typeof no === 'number' && !entry.placements.has(no)) entry.placements.set(no, { placement, path });
  }
  for (const entry of byKey.values()) if (!Array.isArray(entry.project.placements)) a.places.set(appendKey(entry.path, 'placements'), a.places.get(entry.path)!);

  for (const row of tables.Indicators ?? []) {
    const entry = owner(row);
    if (!entry) continue;
    const indicators = list(entry.project, 'indicators');
    const path = appendIndex(appendKey(entry.path, 'indicators'), indicators.length);
    const indicator: Json = {};
    a.copy(indicator, path, row, PLAIN.indicators);
    if (indicator.unit === undefined) define(indicator, 'unit', ''); // a blank 単位 is the empty unit
    a.indicatorValues(indicator, path, row);
    a.extras(indicator, path, row, 'indicator');
    indicators.push(indicator);
    const key = row.values.key;
    if (typeof key === 'string' && !entry.indicators.has(key)) entry.indicators.set(key, { indicator, path });
  }

  for (const row of tables.Periods ?? []) {
    const entry = owner(row);
    if (!entry) continue;
    const key = row.values.indicator;
    const found = typeof key === 'string' ? entry.indicators.get(key) : undefined;
    if (!found) {
      a.problem(row.places.indicator ?? row.place, `指標キー「${String(key ?? '')}」はこの事業の指標にありません (指標シート)`, `indicator key "${String(key ?? '')}" is not an indicator of this project (指標 sheet)`);
      continue;
    }
    const periods = list(found.indicator, 'periods');
    const path = appendIndex(appendKey(found.path, 'periods'), periods.length);
    const period: Json = {};
    a.copy(period, path, row, PLAIN.periods);
    a.period(period, path, row);
    a.extras(period, path, row, 'period');
    periods.push(period);
  }

  const yearly = (rows: ReadRow[] | undefined, field: string, spec: TableSpec, byRow: boolean) => {
    const columns = plain(spec);
    for (const row of rows ?? []) {
      const entry = owner(row);
      if (!entry) continue;
      let parent: { record: Json; path: string } = { record: entry.project, path: entry.path };
      const no = row.values.no;
      if (byRow && no !== undefined) {
        const placement = entry.placements.get(no as number);
        if (!placement) {
          a.problem(row.places.no!, `No.${String(no)} はこの事業の行にありません (行シート)`, `No. ${String(no)} is not a row of this project (行 sheet)`);
          continue;
        }
        parent = { record: placement.placement, path: placement.path };
      }
      const records = list(parent.record, field);
      const path = appendIndex(appendKey(parent.path, field), records.length);
      const record: Json = {};
      a.copy(record, path, row, columns);
      a.extras(record, path, row, spec.record!);
      records.push(record);
    }
  };
  yearly(tables.Budgets, 'budgets', BUDGETS_TABLE, false);
  yearly(tables.PersonnelCosts, 'personnelCosts', PERSONNEL_TABLE, true);
  yearly(tables.Evaluations, 'evaluations', EVALUATIONS_TABLE, true);

  const policyEvaluations = tables.PolicyEvaluations ?? [];
  if (policyEvaluations.length > 0) {
    const records = list(doc, 'policyEvaluations');
    for (const row of policyEvaluations) {
      const path = appendIndex('policyEvaluations', records.length);
      const record: Json = {};
      a.copy(record, path, row, PLAIN.policyEvaluations);
      a.extras(record, path, row, 'policyEvaluation');
      records.push(record);
    }
  }
  return { document: doc, places: a.places };
}

const SETTING_KEYS = new Set([
  'organization.name',
  'organization.code',
  'organization.extra',
  'plan.name',
  'plan.extra',
  'settings.grades',
  'settings.gradeBands',
  'settings.courses',
  'settings.budgetFlatBand',
  'settings.rateDecimals',
  'settings.extra',
  'document.extra',
]);
/** Settings whose value is text as written, never JSON. */
const TEXT_SETTINGS = new Set(['organization.name', 'organization.code', 'plan.name']);
const NUMBER_SETTINGS = new Set(['settings.budgetFlatBand', 'settings.rateDecimals']);

/** The value cell of a setting: text as written, a number, or JSON (lists, other fields). */
function settingValue(a: Assembler, key: string, cell: string | number, place: string): unknown {
  if (TEXT_SETTINGS.has(key)) return String(cell);
  if (NUMBER_SETTINGS.has(key)) {
    const n = typeof cell === 'number' ? cell : Number(cell.normalize('NFKC').trim());
    if (typeof cell === 'string' && (cell.trim() === '' || !Number.isFinite(n))) {
      a.problem(place, `「${cell}」は数値ではありません。数値を書いてください`, `"${cell}" is not a number`);
      return undefined;
    }
    return n;
  }
  if (typeof cell === 'number') return cell;
  try {
    return JSON.parse(cell) as unknown;
  } catch {
    a.problem(place, 'JSON として読めません (例: ["大変順調","順調","やや遅れ","遅れ"])', 'not valid JSON (e.g. ["S","A","B"])');
    return undefined;
  }
}

function readSettings(a: Assembler, doc: Json, rows: ReadRow[]): void {
  const organization: Json = {};
  define(doc, 'organization', organization);
  a.places.set('organization', rows[0]?.place ?? '設定');
  const plan: Json = {};
  const settings: Json = {};
  const seen = new Set<string>();
  let hasSettings = false;
  for (const row of rows) {
    const key = row.values.key;
    const place = row.places.key ?? row.place;
    if (typeof key !== 'string' || !SETTING_KEYS.has(key)) {
      a.problem(place, `キー「${String(key ?? '')}」は設定の項目ではありません (${[...SETTING_KEYS].join('、')})`, `"${String(key ?? '')}" is not a setting`);
      continue;
    }
    if (seen.has(key)) {
      a.problem(place, `キー「${key}」が二度あります。一行にしてください`, `setting "${key}" appears twice: keep one row`);
      continue;
    }
    seen.add(key);
    const [group, field] = key.split('.') as [string, string];
    const path = group === 'document' ? '' : group;
    // A blank value cell is still where a required setting (団体名) belongs.
    if (field !== 'extra') a.places.set(appendKey(path, field), row.places.value ?? placeOf(SETTINGS_TABLE.sheet, `C${row.row}`));
    if (!Object.hasOwn(row.values, 'value')) continue;
    const valuePlace = row.places.value!;
    const value = settingValue(a, key, row.values.value as string | number, valuePlace);
    if (value === undefined) continue;
    if (group === 'settings') hasSettings = true;
    const target = group === 'organization' ? organization : group === 'plan' ? plan : group === 'settings' ? settings : doc;
    if (field === 'extra') {
      const fake: ReadRow = { ...row, values: { extra: value }, places: { extra: valuePlace } };
      a.extras(target, path, fake, group === 'organization' || group === 'plan' || group === 'settings' ? group : 'document');
    } else {
      define(target, field, value);
    }
  }
  if (Object.keys(plan).length > 0) {
    define(doc, 'plan', plan);
    a.places.set('plan', rows[0]?.place ?? '設定');
  }
  if (hasSettings) define(doc, 'settings', settings);
}
