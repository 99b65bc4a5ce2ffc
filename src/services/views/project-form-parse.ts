// The project form's inputs read back into a project (workflow.md, "Editing"): a pure function
// of the stored project and the posted text. Only fields the form posted change — an input
// shown read-only is not posted, so its stored value stays — and everything the form does not
// show (placements, unknown fields, other years) is kept as stored. Each problem is keyed by
// the input it belongs to, so the page prints it beside that input with the text as typed.
import type { Actual, Baseline, Evaluation, Indicator, MidTerm, MidTermCore, Period, Placement, Project, Target } from '../../domain/model.js';
import type { Profile } from '../../domain/profile.js';
import type { Reading } from '../../domain/reading.js';
import { amountOf, fiscalYearOf, measureOf, rankOf } from '../../interchange/numerals.js';
import { sameValue } from '../../interchange/same-value.js';
import { messages, type Problem } from '../../interchange/messages.js';
import { BASES, costFormYears, names, periodYears, rowsEvaluated, rowsWith, TARGET_KINDS, type FormValues } from './project-form-fields.js';
import { suggestionFor } from './project-form-suggestion.js';

export interface ParsedProjectForm {
  project: Project;
  /** Keyed by the input's name. */
  problems: Problem[];
}

const REQUIRED = (what: string, en: string) => `${what}を入力してください / Enter the ${en}`;

class Reader {
  readonly problems: Problem[] = [];
  constructor(private readonly values: FormValues) {}

  posted(name: string): boolean {
    return Object.hasOwn(this.values, name);
  }

  text(name: string): string | undefined {
    return this.posted(name) ? this.values[name]!.replace(/\r\n?/gu, '\n') : undefined;
  }

  problem(path: string, message: string): undefined {
    this.problems.push({ path, message });
    return undefined;
  }

  read<T>(name: string, reading: Reading<T>): T | undefined {
    return reading.ok ? reading.value : this.problem(name, reading.error);
  }
}

export function parseProjectForm(stored: Project, values: FormValues, fiscalYear: number, profile: Profile): ParsedProjectForm {
  const reader = new Reader(values);
  const project: Project = structuredClone(stored);
  setText(project, 'summary', reader.text('summary'));
  const sdgs = reader.text('sdgs');
  if (sdgs !== undefined) {
    const goals = readGoals(reader, sdgs);
    if (goals) {
      if (goals.length > 0 || project.sdgs !== undefined) project.sdgs = goals;
    }
  }
  project.indicators = project.indicators?.map((indicator) => readIndicator(reader, indicator, fiscalYear));
  const added = readNewIndicator(reader, project.indicators ?? []);
  if (added) project.indicators = [...(project.indicators ?? []), added];
  if (project.indicators === undefined) delete project.indicators;
  readCosts(reader, project, 'budgets', fiscalYear, undefined);
  readCosts(reader, project, 'personnelCosts', fiscalYear, undefined);
  for (const row of rowsWith(project, 'personnelCosts')) readCosts(reader, row, 'personnelCosts', fiscalYear, row);
  readEvaluation(reader, project, project, fiscalYear, undefined, profile, suggestionFor(stored, fiscalYear, undefined, profile));
  for (const row of rowsEvaluated(project, fiscalYear)) {
    const storedRow = stored.placements.find((placement) => placement.policy === row.policy && placement.no === row.no);
    readEvaluation(reader, project, row, fiscalYear, row, profile, suggestionFor(stored, fiscalYear, storedRow, profile));
  }
  return { project, problems: reader.problems };
}

/** A text field: absent stays absent when left empty. */
function setText<T extends object>(record: T, field: keyof T & string, text: string | undefined): void {
  if (text === undefined) return;
  const fields = record as Record<string, unknown>;
  if (text === '' && (fields[field] === undefined || fields[field] !== '')) delete fields[field];
  else fields[field] = text;
}

function readGoals(reader: Reader, text: string): number[] | undefined {
  const parts = text.normalize('NFKC').split(/[\s,、，]+/u).filter((part) => part !== '');
  const goals: number[] = [];
  for (const part of parts) {
    const goal = Number(part);
    if (!/^\d+$/u.test(part) || goal < 1 || goal > 17) {
      return reader.problem('sdgs', `「${part}」は SDGs のゴール番号（1〜17）ではありません / 「${part}」 is not an SDG goal number (1–17)`);
    }
    if (!goals.includes(goal)) goals.push(goal);
  }
  return goals;
}

function readIndicator(reader: Reader, stored: Indicator, fiscalYear: number): Indicator {
  const indicator = { ...stored };
  const at = names.indicator(stored.key);
  const name = reader.text(`${at}/name`);
  if (name !== undefined) {
    if (name.trim() === '') reader.problem(`${at}/name`, REQUIRED('指標名', 'indicator’s name'));
    else indicator.name = name;
  }
  const unit = reader.text(`${at}/unit`);
  if (unit !== undefined) indicator.unit = unit.trim();
  const better = reader.text(`${at}/better`);
  if (better === 'lower') indicator.better = 'lower';
  else if (better === 'higher' && indicator.better !== undefined) indicator.better = 'higher';
  const decimals = reader.text(`${at}/decimals`);
  if (decimals !== undefined) {
    if (decimals.trim() === '') delete indicator.decimals;
    else if (/^[0-4]$/u.test(decimals.trim().normalize('NFKC'))) indicator.decimals = Number(decimals.trim().normalize('NFKC'));
    else reader.problem(`${at}/decimals`, '表示桁数は 0〜4 で入力してください / Decimals must be 0 to 4');
  }
  const baseline = readBaseline(reader, names.baseline(stored.key), stored.baseline, indicator.unit);
  if (baseline === null) delete indicator.baseline;
  else if (baseline) indicator.baseline = baseline;
  const midTerm = readMidTerm(reader, names.midTerm(stored.key), stored.midTerm, indicator.unit, fiscalYear);
  if (midTerm === null) delete indicator.midTerm;
  else if (midTerm) indicator.midTerm = midTerm;
  const periods = [...(stored.periods ?? [])];
  for (const year of periodYears(stored, fiscalYear)) {
    const index = periods.findIndex((period) => period.fiscalYear === year);
    const period = readPeriod(reader, names.period(stored.key, year), index < 0 ? { fiscalYear: year } : periods[index]!, indicator.unit);
    if (index >= 0) periods[index] = period;
    else if (Object.keys(period).length > 1) periods.push(period);
  }
  if (stored.periods !== undefined || periods.length > 0) indicator.periods = periods;
  return indicator;
}

/** An indicator added by the form's blank one: a name makes it; its key is typed or made from the count. */
function readNewIndicator(reader: Reader, indicators: readonly Indicator[]): Indicator | undefined {
  const name = reader.text(names.newIndicator('name'))?.trim() ?? '';
  let key = reader.text(names.newIndicator('key'))?.trim() ?? '';
  const unit = reader.text(names.newIndicator('unit'))?.trim() ?? '';
  if (name === '') {
    if (key !== '' || unit !== '') reader.problem(names.newIndicator('name'), REQUIRED('追加する指標の名前', 'new indicator’s name'));
    return undefined;
  }
  const taken = new Set(indicators.map((indicator) => indicator.key));
  if (key === '') for (let n = indicators.length + 1; key === '' || taken.has(key); n++) key = `indicator-${n}`;
  if (taken.has(key)) return reader.problem(names.newIndicator('key'), `キー「${key}」の指標はすでにあります / An indicator with the key 「${key}」 exists`);
  return { key, name, unit };
}

function readPeriod(reader: Reader, at: string, stored: Period, unit: string): Period {
  const period: Period = { ...stored };
  const target = readTarget(reader, `${at}/target`, stored.target, unit);
  if (target !== false) {
    if (target === undefined) delete period.target;
    else period.target = target;
  }
  const qualitative = typeof period.target === 'object' && period.target.kind === 'qualitative';
  const actual = readActual(reader, `${at}/actual`, stored.actual, unit, qualitative);
  if (actual !== false) {
    if (actual === undefined) delete period.actual;
    else period.actual = actual;
  }
  const provisional = reader.text(`${at}/provisional`);
  if (provisional !== undefined) {
    if (provisional === 'true' && period.actual !== undefined) period.provisional = true;
    else delete period.provisional;
  }
  return period;
}

/** The target the inputs at `at` give: undefined for no target; false when not posted or unreadable. */
function readTarget(reader: Reader, at: string, stored: Target | undefined, unit: string): Target | undefined | false {
  const kind = reader.text(`${at}/kind`);
  if (kind === undefined) return false;
  const text = (reader.text(at) ?? '').trim();
  const keep = (object: Target | undefined) => (typeof object === 'object' && object.kind === kind ? object : {});
  switch (kind as (typeof TARGET_KINDS)[number]) {
    case '':
      return text === '' ? undefined : (reader.problem(`${at}/kind`, '目標の種類を選んでください / Choose the kind of target'), false);
    case 'number':
      if (text === '') return reader.problem(at, REQUIRED('目標値', 'target')) ?? false;
      return reader.read(at, measureOf(text, unit, 'target')) ?? false;
    case 'previous-year': {
      const { base: _base, ...rest } = keep(stored) as Record<string, unknown>;
      const base = text === '' ? undefined : reader.read(at, measureOf(text, unit, 'value'));
      if (text !== '' && base === undefined) return false;
      const direction = reader.text(`${at}/direction`) === 'decrease' ? 'decrease' : 'increase';
      return { ...rest, kind: 'previous-year', ...(base !== undefined && { base }), direction };
    }
    case 'rank': {
      if (text === '') return reader.problem(at, REQUIRED('順位', 'rank')) ?? false;
      const atMost = reader.read(at, rankOf(text));
      return atMost === undefined ? false : { ...keep(stored), kind: 'rank', atMost };
    }
    case 'qualitative':
      if (text === '') return reader.problem(at, REQUIRED('目標の内容', 'target’s text')) ?? false;
      return { ...keep(stored), kind: 'qualitative', text };
    case 'none':
    case 'pending': {
      const { note: _note, ...rest } = keep(stored) as Record<string, unknown>;
      return { ...rest, kind, ...(text !== '' && { note: text }) } as Target;
    }
    default:
      return reader.problem(`${at}/kind`, '目標の種類が正しくありません / Unknown kind of target') ?? false;
  }
}

function readActual(reader: Reader, at: string, stored: Actual | undefined, unit: string, qualitative: boolean): Actual | undefined | false {
  const text = reader.text(at)?.trim();
  if (text === undefined) return false;
  if (text === '') return undefined;
  if (!qualitative) {
    const read = measureOf(text, unit, 'actual');
    // The document's wording ({"text": …}) means nothing on a form: say what to choose instead.
    if (!read.ok && read.error === messages.nonNumericActual(text)) {
      return reader.problem(at, `「${text}」は数値ではありません（文章の実績は、目標の種類を「定性」にすると入力できます） / 「${text}」 is not a number (a text actual needs a qualitative target)`) ?? false;
    }
    return reader.read(at, read) ?? false;
  }
  const achieved = reader.text(`${at}/achieved`);
  const { achieved: _achieved, ...rest } = typeof stored === 'object' ? stored : {};
  return { ...rest, text, ...(achieved === 'true' || achieved === 'false' ? { achieved: achieved === 'true' } : {}) };
}

/** The baseline the inputs give: null when emptied, undefined when not posted. */
function readBaseline(reader: Reader, at: string, stored: Baseline | undefined, unit: string): Baseline | null | undefined {
  const value = reader.text(`${at}/value`)?.trim();
  if (value === undefined) return undefined;
  const text = reader.text(`${at}/text`)?.trim() ?? '';
  const year = reader.text(`${at}/fiscalYear`)?.trim() ?? '';
  const label = reader.text(`${at}/label`)?.trim() ?? '';
  if (value === '' && text === '' && year === '' && label === '') return stored && Object.keys(stored).length > 0 ? null : undefined;
  const { value: _v, text: _t, fiscalYear: _y, label: _l, ...baseline } = stored ?? ({} as Baseline);
  const result: Baseline = { ...baseline };
  if (value !== '') {
    const read = reader.read(`${at}/value`, measureOf(value, unit, 'value'));
    if (read !== undefined) result.value = read;
  } else delete result.approx;
  if (text !== '') result.text = text;
  if (year !== '') {
    const read = reader.read(`${at}/fiscalYear`, fiscalYearOf(year, baseline.calendar === true));
    if (read !== undefined) result.fiscalYear = read;
  }
  if (label !== '') result.label = label;
  return result;
}

/** The mid-term the inputs give: null when emptied, undefined when not posted or unreadable. */
function readMidTerm(reader: Reader, at: string, stored: MidTerm | undefined, unit: string, fiscalYear: number): MidTerm | null | undefined {
  const target = readTarget(reader, `${at}/target`, stored?.target, unit);
  if (target === false) return undefined;
  if (target === undefined) return stored ? null : undefined;
  const { revisions, ...storedCore } = stored ?? ({} as MidTerm);
  const core: MidTermCore = { ...storedCore, target };
  const basis = reader.text(`${at}/basis`) ?? '';
  if ((BASES as readonly string[]).includes(basis)) core.basis = basis as MidTermCore['basis'];
  else if (basis === '') delete core.basis;
  else reader.problem(`${at}/basis`, '期限の種類が正しくありません / Unknown basis');
  for (const field of ['fiscalYear', 'from', 'to'] as const) {
    const text = reader.text(`${at}/${field}`)?.trim() ?? '';
    if (text === '') delete core[field];
    else {
      const year = reader.read(`${at}/${field}`, fiscalYearOf(text, core.calendar === true));
      if (year !== undefined) core[field] = year;
    }
  }
  const label = reader.text(`${at}/label`)?.trim() ?? '';
  if (label === '') delete core.label;
  else core.label = label;
  const midTerm: MidTerm = { ...core, ...(revisions && { revisions }) };
  if (!stored || sameCore(stored, core)) return midTerm;
  const reason = reader.text(`${at}/reason`)?.trim() ?? '';
  if (reason === '') {
    return reader.problem(
      `${at}/reason`,
      '設定済みの中期目標を変更するときは、変更の理由を入力してください / Changing a mid-term target already set needs the reason for the change',
    );
  }
  midTerm.revisions = [...(revisions ?? []), { fiscalYear, previous: storedCore, reason }];
  return midTerm;
}

/** A mid-term revision is a change of what is due and when; a label alone is wording. */
function sameCore(stored: MidTerm, core: MidTermCore): boolean {
  return (['target', 'basis', 'fiscalYear', 'from', 'to'] as const).every((field) => sameValue(stored[field], core[field]));
}

function readCosts(reader: Reader, owner: Project | Placement, list: 'budgets' | 'personnelCosts', fiscalYear: number, row: Placement | undefined): void {
  const stored = (owner as Record<string, unknown>)[list] as { fiscalYear: number; amount: number }[] | undefined;
  const records = [...(stored ?? [])];
  for (const year of costFormYears(stored, fiscalYear)) {
    const name = list === 'budgets' ? names.budget(year) : names.personnelCost(year, row);
    const text = reader.text(name)?.trim();
    if (text === undefined) continue;
    const index = records.findIndex((record) => record.fiscalYear === year);
    if (text === '') {
      if (index >= 0) records.splice(index, 1);
      continue;
    }
    const amount = reader.read(name, amountOf(text));
    if (amount === undefined) continue;
    if (index >= 0) records[index] = { ...records[index]!, amount };
    else records.push({ fiscalYear: year, amount });
  }
  if (stored !== undefined || records.length > 0) (owner as Record<string, unknown>)[list] = records;
}

/**
 * A grade different from its suggestion needs a reason (domain.md, rule 4) — asked when this
 * save makes them differ (a grade chosen, an actual typed), not for a difference stored before.
 */
function readEvaluation(reader: Reader, project: Project, owner: Project | Placement, fiscalYear: number, row: Placement | undefined, profile: Profile, storedSuggestion: string | null): void {
  const at = names.evaluation(fiscalYear, row);
  if (!reader.posted(`${at}/grade`) && !reader.posted(`${at}/course`) && !reader.posted(`${at}/improvement`)) return;
  const list = [...(owner.evaluations ?? [])];
  const index = list.findIndex((evaluation) => evaluation.fiscalYear === fiscalYear);
  const evaluation: Evaluation = index < 0 ? { fiscalYear } : { ...list[index]! };
  for (const field of ['grade', 'gradeReason', 'course', 'improvement'] as const) setText(evaluation, field, reader.text(`${at}/${field}`)?.replace(/^\s+$/u, ''));
  const knownGrade = evaluation.grade === undefined || profile.grades.includes(evaluation.grade);
  if (!knownGrade) reader.problem(`${at}/grade`, `評価「${evaluation.grade}」は設定にありません / The grade 「${evaluation.grade}」 is not in the settings`);
  if (evaluation.course !== undefined && !profile.courses.includes(evaluation.course)) reader.problem(`${at}/course`, `方向性「${evaluation.course}」は設定にありません / The course 「${evaluation.course}」 is not in the settings`);
  const suggested = suggestionFor(project, fiscalYear, row, profile);
  if (knownGrade && evaluation.grade !== undefined && suggested !== null && evaluation.grade !== suggested && !evaluation.gradeReason && (evaluation.grade !== list[index]?.grade || suggested !== storedSuggestion)) {
    reader.problem(
      `${at}/gradeReason`,
      `評価が提案（${suggested}）と異なるときは、その理由を入力してください / A grade different from the suggestion (${suggested}) needs a reason`,
    );
  }
  if (index >= 0) list[index] = evaluation;
  else if (Object.keys(evaluation).length > 1) list.push(evaluation);
  else return;
  owner.evaluations = list;
}
