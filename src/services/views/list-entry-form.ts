// The list entry's form body read back (application/x-www-form-urlencoded, one field per cell
// named by its change-log path): each project of the form edited from its stored version with
// the values typed, and every value that cannot be read as a problem of its cell. Only the
// projects whose data the typing changed become edits, so a save never touches (nor conflicts
// on) a project nobody changed.
import type { Actual, Evaluation, Indicator, Period, Placement, Project, Settings } from '../../domain/model.js';
import { resolveProfile, type Profile } from '../../domain/profile.js';
import { inUnit, readQuantity } from '../../domain/quantity.js';
import type { Problem } from '../../interchange/messages.js';
import { overStored } from './over-stored.js';
import { budgetPath, budgetYearsOf, evaluationPath, evaluationUnits, originalField, periodPath, storedCells, type EntrySource } from './list-entry.js';

export type FormBody = Readonly<Record<string, string | string[] | undefined>>;

export interface ProjectEditOf {
  key: string;
  project: Project;
  ifMatch: string;
}

export interface ParsedEntry {
  /** The changed projects, to save; empty when there are problems. */
  edits: ProjectEditOf[];
  /** Every project of the form, with the values that could be read, and the version the form was filled against. */
  sources: EntrySource[];
  /** By field name (the cell's path). */
  problems: Problem[];
  /** What was typed in each cell, by field name. */
  typed: Record<string, string>;
}

/** The project keys a form was filled for, with their versions, in the form's order. */
export function formProjects(body: FormBody): { key: string; version: string }[] {
  return Object.keys(body)
    .filter((name) => name.startsWith('version/'))
    .map((name) => ({ key: decodeKey(name.slice('version/'.length)), version: text(body[name]) }));
}

const decodeKey = (segment: string) => segment.replace(/%2F|%25/g, (escaped) => (escaped === '%2F' ? '/' : '%'));

function text(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[value.length - 1] ?? '') : (value ?? '');
}

/** The values a project's cells were filled from (its hidden JSON); undefined for a form without them. */
export function formOriginals(body: FormBody, key: string): ReadonlyMap<string, string> | undefined {
  try {
    const parsed: unknown = JSON.parse(text(body[originalField(key)]));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    return new Map(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return undefined;
  }
}

/** A cell's text as posted: a checkbox is 'true' when sent, '' when not. */
const postedCell = (body: FormBody, name: string, checkbox: boolean) => (checkbox ? (name in body && text(body[name]) !== '' ? 'true' : '') : text(body[name]));

export interface OverCurrent {
  /** The body with every cell the person did not change set to its value stored now. */
  body: FormBody;
  /** The cells the person changed (typed other than the value the form was filled from), by field name. */
  changed: Set<string>;
  /** The values the forms were filled from, by field name. */
  originals: Map<string, string>;
}

/**
 * The form's changes applied over the projects as stored now (workflow.md, "Conflicts": no update
 * is lost): only the cells whose typed value differs from the one the form was filled from are
 * the person's; the others take the value stored now, so that saving a stale form never puts
 * back a value someone else changed meanwhile. A project posted without its originals counts
 * every cell as changed.
 */
export function overCurrent(body: FormBody, stored: readonly EntrySource[], fiscalYear: number): OverCurrent {
  const merged: Record<string, string | string[] | undefined> = { ...body };
  const changed = new Set<string>();
  const originals = new Map<string, string>();
  for (const { project } of stored) {
    const filled = formOriginals(body, project.key);
    const now = Object.fromEntries(storedCells(project, fiscalYear));
    // A checkbox's row is in the form when its actual is; posted, it reads 'true' or ''.
    const checkbox = (name: string) => name.endsWith('/provisional');
    const posted = Object.fromEntries(
      Object.keys(now)
        .filter((name) => (checkbox(name) ? name.replace(/\/provisional$/, '/actual') : name) in body)
        .map((name) => [name, postedCell(body, name, checkbox(name))]),
    );
    const over = overStored(posted, filled && Object.fromEntries(filled), now);
    for (const name of Object.keys(posted)) {
      const original = filled?.get(name);
      if (original !== undefined) originals.set(name, original);
      if (over.changed.has(name)) changed.add(name);
      else if (!checkbox(name) || over.values[name] === 'true') merged[name] = over.values[name];
      else delete merged[name];
    }
  }
  return { body: merged, changed, originals };
}

/**
 * Reads the form against the projects as stored now (in the form's order): each project's
 * version is the form's, so a save of a project changed meanwhile is refused as stale.
 */
export function parseEntry(body: FormBody, stored: readonly EntrySource[], settings: Settings | undefined, fiscalYear: number): ParsedEntry {
  const profile = resolveProfile(settings);
  const versions = new Map(formProjects(body).map(({ key, version }) => [key, version]));
  const problems: Problem[] = [];
  const typed: Record<string, string> = {};
  const edits: ProjectEditOf[] = [];
  const sources: EntrySource[] = [];
  for (const { project } of stored) {
    const edited = structuredClone(project);
    const reader = new CellReader(body, typed, problems, profile);
    readProject(reader, edited, fiscalYear);
    const version = versions.get(project.key) ?? '';
    sources.push({ project: edited, version });
    if (JSON.stringify(edited) !== JSON.stringify(project)) edits.push({ key: project.key, project: edited, ifMatch: version });
  }
  return { edits: problems.length > 0 ? [] : edits, sources, problems, typed };
}

function readProject(reader: CellReader, project: Project, fiscalYear: number): void {
  for (const indicator of project.indicators ?? []) readPeriod(reader, project.key, indicator, fiscalYear);
  for (const { placement } of evaluationUnits(project, fiscalYear)) readEvaluation(reader, project, placement, fiscalYear);
  for (const year of budgetYearsOf(fiscalYear)) readBudget(reader, project, year);
}

function readPeriod(reader: CellReader, key: string, indicator: Indicator, fiscalYear: number): void {
  const at = periodPath(key, indicator.key, fiscalYear);
  const actualText = reader.field(`${at}/actual`);
  // An unchecked box sends nothing: read as unchecked only when its row was in the form.
  const provisional = actualText === undefined ? undefined : reader.checkbox(`${at}/provisional`);
  let period = indicator.periods?.find((candidate) => candidate.fiscalYear === fiscalYear);
  const ensure = (): Period => {
    if (period) return period;
    period = { fiscalYear };
    const periods = (indicator.periods ??= []);
    const after = periods.findIndex((candidate) => candidate.fiscalYear > fiscalYear);
    periods.splice(after < 0 ? periods.length : after, 0, period);
    return period;
  };
  if (actualText !== undefined) {
    const actual = readActual(reader, `${at}/actual`, actualText, indicator, period);
    if (actual === null) {
      if (period) delete period.actual;
    } else if (actual !== undefined) ensure().actual = actual;
  }
  if (provisional === true) ensure().provisional = true;
  else if (provisional === false && period) delete period.provisional;
}

/** The actual typed: null for an emptied cell, undefined for one that cannot be read (a problem is recorded). */
function readActual(reader: CellReader, name: string, typed: string, indicator: Indicator, period: Period | undefined): Actual | null | undefined {
  const trimmed = typed.trim();
  if (trimmed === '') return null;
  const stored = period?.actual;
  const textual = (typeof period?.target === 'object' && period.target.kind === 'qualitative') || typeof stored === 'object';
  if (textual) return typeof stored === 'object' && stored.text === trimmed ? stored : { text: trimmed };
  const quantity = readQuantity(trimmed);
  const value = quantity.ok ? inUnit(quantity.value, indicator.unit) : quantity;
  if (!value.ok) return reader.problem(name, value.error);
  return value.value;
}

function readEvaluation(reader: CellReader, project: Project, placement: Placement | undefined, fiscalYear: number): void {
  const at = evaluationPath(project.key, placement, fiscalYear);
  const owner: { evaluations?: Evaluation[] } = placement ?? project;
  const found = owner.evaluations?.find((candidate) => candidate.fiscalYear === fiscalYear);
  const evaluation: Evaluation = found ?? { fiscalYear };
  const grade = reader.choice(`${at}/grade`, reader.profile.grades, '事業評価', 'grade');
  const course = reader.choice(`${at}/course`, reader.profile.courses, '成果の方向性', 'course');
  setText(evaluation, 'grade', grade);
  setText(evaluation, 'course', course);
  setText(evaluation, 'gradeReason', reader.field(`${at}/gradeReason`));
  setText(evaluation, 'improvement', reader.field(`${at}/improvement`));
  if (found || Object.keys(evaluation).length === 1) return;
  const evaluations = (owner.evaluations ??= []);
  const after = evaluations.findIndex((candidate) => candidate.fiscalYear > fiscalYear);
  evaluations.splice(after < 0 ? evaluations.length : after, 0, evaluation);
}

/** An emptied text removes the field (an empty field left empty stays as it was). */
function setText(evaluation: Evaluation, field: 'grade' | 'course' | 'gradeReason' | 'improvement', value: string | undefined): void {
  if (value === undefined) return;
  const normalized = value.replace(/\r\n?/g, '\n');
  if (normalized.trim() === '') {
    if ((evaluation[field] ?? '') !== '') delete evaluation[field];
  } else if (evaluation[field] !== normalized) evaluation[field] = normalized;
}

function readBudget(reader: CellReader, project: Project, fiscalYear: number): void {
  const name = budgetPath(project.key, fiscalYear);
  const typed = reader.field(name);
  if (typed === undefined) return;
  const budget = project.budgets?.find((candidate) => candidate.fiscalYear === fiscalYear);
  if (typed.trim() === '') {
    if (budget) reader.problem(name, '予算額は空にできません（0 を入力してください） / A budget cannot be emptied (enter 0)');
    return;
  }
  const quantity = readQuantity(typed);
  const amount = quantity.ok ? inUnit(quantity.value, '千円') : quantity;
  if (!amount.ok) return void reader.problem(name, amount.error);
  if (!Number.isSafeInteger(amount.value) || amount.value < 0) {
    return void reader.problem(name, `予算額は 0 以上の整数（千円）で入力してください / A budget is a whole number of thousand yen, 0 or more`);
  }
  if (budget) {
    budget.amount = amount.value;
    return;
  }
  const budgets = (project.budgets ??= []);
  const after = budgets.findIndex((candidate) => candidate.fiscalYear > fiscalYear);
  budgets.splice(after < 0 ? budgets.length : after, 0, { fiscalYear, amount: amount.value });
}

/** The form's fields as text, each one read noted as typed, and the problems by field. */
class CellReader {
  constructor(
    private readonly body: FormBody,
    private readonly typed: Record<string, string>,
    private readonly problems: Problem[],
    readonly profile: Profile,
  ) {}

  /** The text of a field; undefined when the form did not have it. */
  field(name: string): string | undefined {
    if (!(name in this.body)) return undefined;
    const value = text(this.body[name]);
    this.typed[name] = value;
    return value;
  }

  checkbox(name: string): boolean {
    const checked = name in this.body && text(this.body[name]) !== '';
    this.typed[name] = checked ? 'true' : '';
    return checked;
  }

  choice(name: string, options: readonly string[], ja: string, en: string): string | undefined {
    const value = this.field(name);
    if (value === undefined || value === '' || options.includes(value)) return value;
    this.problem(name, `${ja}「${value}」は選択肢にありません / The ${en} "${value}" is not one of the options`);
    return undefined;
  }

  problem(path: string, message: string): undefined {
    this.problems.push({ path, message });
    return undefined;
  }
}
