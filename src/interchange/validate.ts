// Validation of a hyoka/1 document: zod checks the shape (schema.ts); one walk over the
// input then checks what spans records (uniqueness, references, settings, mid-term bases),
// reads the strings where numbers belong, strips compute()'s fields and lists unknown
// ones — and builds the canonical document as it goes, in the input's key order. Every
// problem is reported, sorted by path; a document with any problem is refused whole.
import type { HyokaDocument } from '../domain/model.js';
import { defaultProfile } from '../domain/profile.js';
import type { Reading } from '../domain/reading.js';
import { TEXT_LIMITS, boundsProblems } from './bounds.js';
import { lineAndColumn, syntaxErrorOffset } from './json-error.js';
import { appendIndex, appendKey, sortByPath } from './json-path.js';
import { type Problem, characterCount, messages, problemsOfIssue } from './messages.js';
import { amountOf, fiscalYearOf, measureOf, rankOf } from './numerals.js';
import * as schema from './schema.js';
import { compileShape } from './shape-predicate.js';

export type { Problem };

export type ValidationResult =
  | { ok: true; document: HyokaDocument; unknownFields: string[] }
  | { ok: false; problems: Problem[] };

type Json = Record<string, unknown>;
type Keys = ReadonlySet<string>;

const keysOf = (s: { shape: object }): Keys => new Set(Object.keys(s.shape));

const KNOWN = {
  document: keysOf(schema.documentSchema),
  organization: keysOf(schema.organizationSchema),
  plan: keysOf(schema.planSchema),
  settings: keysOf(schema.settingsSchema),
  policy: keysOf(schema.policySchema),
  project: keysOf(schema.projectSchema),
  budget: keysOf(schema.budgetSchema),
  personnelCost: keysOf(schema.personnelCostSchema),
  indicator: keysOf(schema.indicatorSchema),
  baseline: keysOf(schema.baselineSchema),
  midTerm: keysOf(schema.midTermSchema),
  midTermCore: keysOf(schema.midTermCoreSchema),
  revision: keysOf(schema.midTermRevisionSchema),
  period: keysOf(schema.periodSchema),
  actual: keysOf(schema.qualitativeActualSchema),
  evaluation: keysOf(schema.evaluationSchema),
  placement: keysOf(schema.placementSchema),
  policyEvaluation: keysOf(schema.policyEvaluationSchema),
};

const TARGET_KEYS: ReadonlyMap<unknown, Keys> = new Map([
  ['previous-year', keysOf(schema.previousYearTargetSchema)],
  ['rank', keysOf(schema.rankTargetSchema)],
  ['qualitative', keysOf(schema.qualitativeTargetSchema)],
  ['none', keysOf(schema.noneTargetSchema)],
  ['pending', keysOf(schema.pendingTargetSchema)],
]);

const acceptsShape = compileShape(schema.documentSchema);

const COMPUTED_PERIOD: Keys = new Set(schema.computedFields.period);
const COMPUTED_BUDGET: Keys = new Set(schema.computedFields.budget);
const COMPUTED_EVALUATION: Keys = new Set(schema.computedFields.evaluation);
const NO_KEYS: Keys = new Set();

const asTarget = (value: string | number, unit: string) => measureOf(value, unit, 'target');
const asActual = (value: string | number, unit: string) => measureOf(value, unit, 'actual');
const asValue = (value: string | number, unit: string) => measureOf(value, unit, 'value');

/** A path into a field hyoka/1 names: a plain name, so appendKey's quoting test is not needed. */
const named = (path: string, name: string): string => (path === '' ? name : `${path}.${name}`);

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The codes (or keys) of a list of records; undefined when one of them has none to give, so references are not checked against a list that is itself wrong. */
function codesOf(list: unknown, field: string): ReadonlySet<string> | undefined {
  if (!Array.isArray(list)) return undefined;
  const codes = new Set<string>();
  for (const item of list) {
    if (!isRecord(item) || typeof item[field] !== 'string') return undefined;
    codes.add(item[field] as string);
  }
  return codes;
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The profile labels that grades and courses must come from; undefined where settings are themselves invalid. */
interface Labels {
  grades?: { set: ReadonlySet<string>; list: readonly string[] };
  courses?: { set: ReadonlySet<string>; list: readonly string[] };
}

class Walk {
  readonly problems: Problem[] = [];
  readonly unknownFields: string[] = [];
  private labels: Labels = {};
  /** Undefined while the policies are themselves invalid: references to them are not checked then. */
  private policies: ReadonlySet<string> | undefined;
  private readonly rows = new Map<string, string>();

  /** `owned`: the input is ours alone (just parsed from text), so records are completed in place, not copied. */
  constructor(private readonly owned: boolean) {}

  problem(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** A shallow copy in the input's key order, without compute()'s fields; unknown keys are kept and listed. */
  copy(input: Json, known: Keys, path: string, computed: Keys = NO_KEYS): Json {
    if (this.owned) {
      for (const key of Object.keys(input)) {
        if (computed.has(key)) delete input[key];
        else if (!known.has(key)) this.unknown(input[key], appendKey(path, key));
      }
      return input;
    }
    const out: Json = {};
    for (const key of Object.keys(input)) {
      if (computed.has(key)) continue;
      if (!known.has(key)) this.unknown(input[key], appendKey(path, key));
      if (key === '__proto__') Object.defineProperty(out, key, { value: input[key], enumerable: true, writable: true, configurable: true });
      else out[key] = input[key];
    }
    return out;
  }

  /** Lists an unknown field; the schema does not bound its text, so this does (bounds.ts limits its depth). */
  unknown(value: unknown, path: string): void {
    this.unknownFields.push(path);
    this.unknownText(value, path);
  }

  private unknownText(value: unknown, path: string): void {
    if (typeof value === 'string') {
      if (value.length > TEXT_LIMITS.text && characterCount(value) > TEXT_LIMITS.text) this.problem(path, messages.tooLong(TEXT_LIMITS.text, characterCount(value)));
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) this.unknownText(value[i], appendIndex(path, i));
    } else if (isRecord(value)) {
      for (const key of Object.keys(value)) this.unknownText(value[key], appendKey(path, key));
    }
  }

  /** Replaces each record of the list `owner[key]` (when there is one) with `each`'s copy of it. */
  list(owner: Json, key: string, path: string, each: (item: Json, path: string) => Json): void {
    const value = owner[key];
    if (!Array.isArray(value)) return;
    const listPath = named(path, key);
    // An owned list is ours to complete in place; another is copied.
    const out = this.owned ? value : new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out[i] = isRecord(item) ? each(item, appendIndex(listPath, i)) : item;
    }
    owner[key] = out;
  }

  /**
   * Replaces a field written as a string (or checked as a number) with its canonical number.
   * The reader takes its context (unit, calendar) as an argument: no closure per field.
   */
  number<C>(record: Json, key: string, path: string, read: (value: string | number, context: C) => Reading<number>, context: C): void {
    const value = record[key];
    if (typeof value !== 'number' && typeof value !== 'string') return;
    // A numeral longer than a numeral may be is the shape's problem; not read at all.
    if (typeof value === 'string' && value.length > TEXT_LIMITS.identifier && characterCount(value) > TEXT_LIMITS.identifier) return;
    const result = read(value, context);
    if (!result.ok) return this.problem(named(path, key), result.error);
    if (result.value !== value) record[key] = result.value;
  }

  year(record: Json, key: string, path: string, calendar = false): void {
    this.number(record, key, path, fiscalYearOf, calendar);
  }

  unique(items: unknown, path: string, field: string, describe: (item: Json) => string | undefined): void {
    if (!Array.isArray(items)) return;
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const key = isRecord(item) ? describe(item) : undefined;
      if (key === undefined) return;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else this.problem(named(appendIndex(path, i), field), messages.duplicate(key, appendIndex(path, first)));
    });
  }

  /** unique() by fiscalYear, keyed by the number itself: most lists are checked, few have a duplicate. */
  uniqueYears(items: unknown, path: string): void {
    if (!Array.isArray(items) || items.length < 2) return;
    const seen = new Map<number, number>();
    for (let i = 0; i < items.length; i++) {
      const item: unknown = items[i];
      const year = isRecord(item) ? item.fiscalYear : undefined;
      if (typeof year !== 'number') continue;
      const first = seen.get(year);
      if (first === undefined) seen.set(year, i);
      else this.problem(named(appendIndex(path, i), 'fiscalYear'), messages.duplicate(`fiscalYear ${year}`, appendIndex(path, first)));
    }
  }

  document(input: Json): Json {
    const out = this.copy(input, KNOWN.document, '');
    this.labels = isRecord(out.settings) ? this.settingsLabels(out.settings) : this.defaultLabels();
    if (isRecord(out.settings)) out.settings = this.settings(out.settings);
    if (isRecord(out.organization)) out.organization = this.copy(out.organization, KNOWN.organization, 'organization');
    if (isRecord(out.plan)) out.plan = this.copy(out.plan, KNOWN.plan, 'plan');
    this.list(out, 'policies', '', (p, path) => this.copy(p, KNOWN.policy, path));
    this.unique(out.policies, 'policies', 'code', (p) => (typeof p.code === 'string' ? `code 「${p.code}」` : undefined));
    this.policies = codesOf(out.policies, 'code');
    this.list(out, 'projects', '', (p, path) => this.project(p, path));
    this.unique(out.projects, 'projects', 'key', (p) => (typeof p.key === 'string' ? `key 「${p.key}」` : undefined));
    this.list(out, 'policyEvaluations', '', (e, path) => this.policyEvaluation(e, path));
    this.unique(out.policyEvaluations, 'policyEvaluations', 'fiscalYear', (e) =>
      typeof e.policy === 'string' && typeof e.fiscalYear === 'number' && (e.bureau === undefined || typeof e.bureau === 'string')
        ? `(policy 「${e.policy}」, bureau 「${e.bureau ?? ''}」, fiscalYear ${e.fiscalYear})`
        : undefined,
    );
    return out;
  }

  defaultLabels(): Labels {
    return {
      grades: { set: new Set(defaultProfile.grades), list: defaultProfile.grades },
      courses: { set: new Set(defaultProfile.courses), list: defaultProfile.courses },
    };
  }

  settingsLabels(settings: Json): Labels {
    const defaults = this.defaultLabels();
    const pick = (value: unknown, min: number, fallback: Labels['grades']) => {
      if (value === undefined) return fallback;
      return isStringList(value) && value.length >= min ? { set: new Set(value), list: value } : undefined;
    };
    return { grades: pick(settings.grades, 2, defaults.grades), courses: pick(settings.courses, 1, defaults.courses) };
  }

  settings(input: Json): Json {
    const out = this.copy(input, KNOWN.settings, 'settings');
    for (const field of ['grades', 'courses'] as const) {
      const list = out[field];
      if (!isStringList(list)) continue;
      list.forEach((label, i) => {
        if (list.indexOf(label) !== i) this.problem(appendIndex(`settings.${field}`, i), messages.duplicateLabel(label));
      });
    }
    const grades = this.labels.grades?.list.length;
    const bands = out.gradeBands;
    if (Array.isArray(bands) && bands.every((b) => typeof b === 'number')) {
      if (grades !== undefined && bands.length !== grades - 1) this.problem('settings.gradeBands', messages.bandCount(bands.length, grades));
      bands.forEach((band: number, i) => {
        const previous = bands[i - 1] as number | undefined;
        if (previous !== undefined && !(band < previous)) this.problem(appendIndex('settings.gradeBands', i), messages.bandOrder(previous));
      });
    } else if (bands === undefined && grades !== undefined && grades !== defaultProfile.gradeBands.length + 1) {
      this.problem('settings.grades', messages.bandCount(defaultProfile.gradeBands.length, grades));
    }
    return out;
  }

  project(input: Json, path: string): Json {
    const out = this.copy(input, KNOWN.project, path);
    this.sdgs(out.sdgs, named(path, 'sdgs'));
    this.list(out, 'budgets', path, (b, p) => this.amountRecord(b, KNOWN.budget, p, COMPUTED_BUDGET));
    this.uniqueYears(out.budgets, named(path, 'budgets'));
    this.personnelCosts(out, path);
    this.list(out, 'indicators', path, (i, p) => this.indicator(i, p));
    this.unique(out.indicators, named(path, 'indicators'), 'key', (i) => (typeof i.key === 'string' ? `key 「${i.key}」` : undefined));
    const indicatorKeys = 'indicators' in out ? codesOf(out.indicators, 'key') : new Set<string>();
    this.evaluations(out, path);
    const bureau = typeof out.bureau === 'string' ? out.bureau : undefined;
    this.list(out, 'placements', path, (r, p) => this.placement(r, p, bureau, indicatorKeys));
    return out;
  }

  placement(input: Json, path: string, bureau: string | undefined, indicatorKeys: ReadonlySet<string> | undefined): Json {
    const out = this.copy(input, KNOWN.placement, path);
    if (typeof out.policy === 'string' && this.policies && !this.policies.has(out.policy)) this.problem(named(path, 'policy'), messages.unknownPolicy(out.policy));
    if (typeof out.no === 'number') {
      const row = `${bureau ?? ''}\u0000${out.no}`;
      const first = this.rows.get(row);
      if (first === undefined) this.rows.set(row, path);
      else this.problem(named(path, 'no'), messages.duplicate(`No. ${out.no}${bureau ? ` (${bureau})` : ''}`, first));
    }
    this.sdgs(out.sdgs, named(path, 'sdgs'));
    this.personnelCosts(out, path);
    if (Array.isArray(out.indicators)) {
      out.indicators.forEach((key: unknown, i) => {
        if (typeof key === 'string' && indicatorKeys && !indicatorKeys.has(key)) this.problem(appendIndex(named(path, 'indicators'), i), messages.unknownIndicator(key));
      });
    }
    this.evaluations(out, path);
    return out;
  }

  sdgs(value: unknown, path: string): void {
    if (!Array.isArray(value)) return;
    const seen = new Set<unknown>();
    value.forEach((goal: unknown, i) => {
      if (typeof goal === 'number' && seen.has(goal)) this.problem(appendIndex(path, i), messages.duplicateSdg(goal));
      seen.add(goal);
    });
  }

  amountRecord(input: Json, known: Keys, path: string, computed?: Keys): Json {
    const out = this.copy(input, known, path, computed);
    this.year(out, 'fiscalYear', path);
    this.number(out, 'amount', path, amountOf, undefined);
    return out;
  }

  personnelCosts(owner: Json, path: string): void {
    this.list(owner, 'personnelCosts', path, (c, p) => this.amountRecord(c, KNOWN.personnelCost, p));
    this.uniqueYears(owner.personnelCosts, named(path, 'personnelCosts'));
  }

  evaluations(owner: Json, path: string): void {
    this.list(owner, 'evaluations', path, (e, p) => {
      const out = this.copy(e, KNOWN.evaluation, p, COMPUTED_EVALUATION);
      this.year(out, 'fiscalYear', p);
      this.labelsOf(out, p);
      return out;
    });
    this.uniqueYears(owner.evaluations, named(path, 'evaluations'));
  }

  labelsOf(evaluation: Json, path: string): void {
    const { grades, courses } = this.labels;
    const grade = evaluation.grade;
    if (typeof grade === 'string' && grades && !grades.set.has(grade)) this.problem(named(path, 'grade'), messages.unknownGrade(grade, grades.list));
    const course = evaluation.course;
    if (typeof course === 'string' && courses && !courses.set.has(course)) this.problem(named(path, 'course'), messages.unknownCourse(course, courses.list));
  }

  policyEvaluation(input: Json, path: string): Json {
    const out = this.copy(input, KNOWN.policyEvaluation, path);
    this.year(out, 'fiscalYear', path);
    if (typeof out.policy === 'string' && this.policies && !this.policies.has(out.policy)) this.problem(named(path, 'policy'), messages.unknownPolicy(out.policy));
    this.labelsOf(out, path);
    return out;
  }

  indicator(input: Json, path: string): Json {
    const out = this.copy(input, KNOWN.indicator, path);
    const unit = typeof out.unit === 'string' ? out.unit : '';
    if (isRecord(out.baseline)) out.baseline = this.baseline(out.baseline, named(path, 'baseline'), unit);
    if (isRecord(out.midTerm)) out.midTerm = this.midTerm(out.midTerm, named(path, 'midTerm'), unit, KNOWN.midTerm);
    this.list(out, 'periods', path, (p, pp) => this.period(p, pp, unit));
    this.uniqueYears(out.periods, named(path, 'periods'));
    return out;
  }

  baseline(input: Json, path: string, unit: string): Json {
    const out = this.copy(input, KNOWN.baseline, path);
    this.number(out, 'value', path, asValue, unit);
    this.years(out, path);
    return out;
  }

  /** fiscalYear, from and to of a baseline or mid-term, where `calendar: true` allows calendar years. */
  years(out: Json, path: string): void {
    const calendar = out.calendar === true;
    for (const key of ['fiscalYear', 'from', 'to']) this.year(out, key, path, calendar);
    if (typeof out.from === 'number' && typeof out.to === 'number' && out.from > out.to) {
      this.problem(named(path, 'from'), messages.spanReversed(out.from, out.to));
    }
  }

  midTerm(input: Json, path: string, unit: string, known: Keys): Json {
    const out = this.copy(input, known, path);
    this.target(out, path, unit);
    this.years(out, path);
    const target = out.target;
    const basis = out.basis;
    if (basis === undefined) {
      if (!(isRecord(target) && target.kind === 'pending')) this.problem(named(path, 'basis'), messages.basisRequired());
    } else if ((basis === 'by-year' || basis === 'cumulative') && out.fiscalYear === undefined) {
      this.problem(named(path, 'fiscalYear'), messages.dueYearRequired(basis));
    } else if (basis === 'span') {
      for (const key of ['from', 'to']) if (out[key] === undefined) this.problem(named(path, key), messages.spanYearRequired(key));
    }
    if (known === KNOWN.midTerm) {
      this.list(out, 'revisions', path, (r, rp) => {
        const revision = this.copy(r, KNOWN.revision, rp);
        this.year(revision, 'fiscalYear', rp);
        if (isRecord(revision.previous)) revision.previous = this.midTerm(revision.previous, named(rp, 'previous'), unit, KNOWN.midTermCore);
        return revision;
      });
    }
    return out;
  }

  period(input: Json, path: string, unit: string): Json {
    const out = this.copy(input, KNOWN.period, path, COMPUTED_PERIOD);
    this.year(out, 'fiscalYear', path);
    this.target(out, path, unit);
    const actual = out.actual;
    if (isRecord(actual)) out.actual = this.copy(actual, KNOWN.actual, named(path, 'actual'));
    else this.number(out, 'actual', path, asActual, unit);
    const target = out.target;
    const numeric = typeof target === 'number' || (isRecord(target) && (target.kind === 'previous-year' || target.kind === 'rank'));
    if (numeric && isRecord(out.actual)) this.problem(named(path, 'actual'), messages.textActualUnderNumber());
    return out;
  }

  /** The `target` of a period or mid-term: a number, a numeral string, or an object of a known kind. */
  target(owner: Json, path: string, unit: string): void {
    const target = owner.target;
    if (!isRecord(target)) {
      this.number(owner, 'target', path, asTarget, unit);
      return;
    }
    const known = TARGET_KEYS.get(target.kind);
    if (!known) return;
    const targetPath = named(path, 'target');
    const out = this.copy(target, known, targetPath);
    if (out.kind === 'previous-year') this.number(out, 'base', targetPath, asValue, unit);
    if (out.kind === 'rank') this.number(out, 'atMost', targetPath, rankOf, undefined);
    owner.target = out;
  }
}

/** Validates a parsed hyoka/1 document and returns it in canonical form, or every problem it has. */
export function validateDocument(input: unknown): ValidationResult {
  return validate(input, false);
}

function validate(input: unknown, owned: boolean): ValidationResult {
  // First the bounds every value is held to; nested too deeply, nothing else walks it.
  const bounds = boundsProblems(input);
  if (bounds.tooDeep) return { ok: false, problems: sortByPath(bounds.problems, (p) => p.path) };
  const shape = shapeProblems(input);
  return combineValidation([...bounds.problems, ...shape], walkDocument(input, owned));
}

/** The first half of validation: types and required fields (zod), nothing across records. */
export function shapeProblems(input: unknown): Problem[] {
  // The compiled check answers for a valid document; zod words the problems of one that is not.
  if (acceptsShape(input)) return [];
  const parsed = schema.documentSchema.safeParse(input, { reportInput: true });
  return parsed.success ? [] : parsed.error.issues.flatMap((issue) => problemsOfIssue(issue));
}

/** The second half: canonical numbers, uniqueness, references, unknown fields. */
export interface DocumentWalk {
  document: Json | undefined;
  problems: Problem[];
  unknownFields: string[];
}

/** Walks a document into canonical form; `owned` completes it in place (the input is ours alone). */
export function walkDocument(input: unknown, owned: boolean): DocumentWalk {
  const walk = new Walk(owned);
  const document = isRecord(input) ? walk.document(input) : undefined;
  return { document, problems: walk.problems, unknownFields: walk.unknownFields };
}

/** Both halves' verdict. Run shapeProblems on the input as written, before an owned walk changes it. */
export function combineValidation(shape: readonly Problem[], walk: DocumentWalk): ValidationResult {
  const problems = [...shape, ...walk.problems];
  if (problems.length > 0 || walk.document === undefined) return { ok: false, problems: sortByPath(problems, (p) => p.path) };
  return { ok: true, document: walk.document as HyokaDocument, unknownFields: sortByPath(walk.unknownFields, (f) => f) };
}

/** Parses and validates a hyoka/1 file's text; a JSON syntax error is a problem with its line and column. */
export function parseDocumentText(text: string): ValidationResult {
  const parsed = parseJsonText(text);
  return parsed.ok ? validate(parsed.value, true) : { ok: false, problems: [parsed.problem] };
}

/** JSON.parse with a byte-order mark skipped and a syntax error as a problem with its line and column. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    const offset = syntaxErrorOffset(body) ?? 0;
    const { line, column } = lineAndColumn(body, offset);
    const found = offset < body.length ? String.fromCodePoint(body.codePointAt(offset) as number) : undefined;
    return { ok: false, problem: { path: '', message: messages.jsonSyntax(line, column, found) } };
  }
}
