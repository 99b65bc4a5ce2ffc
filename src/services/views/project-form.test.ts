import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HyokaDocument, Project } from '../../domain/model.js';
import { defaultProfile } from '../../domain/profile.js';
import { sameValue } from '../../interchange/same-value.js';
import { projectFormValues, type FormValues } from './project-form-fields.js';
import { parseProjectForm } from './project-form-parse.js';
import { projectFormView, relativePath } from './project-form.js';
import { valueAtPath } from './project-path.js';

const DEMO = JSON.parse(readFileSync(new URL('../../../data/kitakyushu.hyoka.json', import.meta.url), 'utf8')) as HyokaDocument;
const project = (key: string): Project => structuredClone(DEMO.projects.find((p) => p.key === key)!);
const YEAR = 2021;

/** The form of `key` as shown, with `edits` typed over it, read back. */
function submit(key: string, edits: FormValues) {
  const stored = project(key);
  return { stored, ...parseProjectForm(stored, { ...projectFormValues(stored, YEAR), ...edits }, YEAR, defaultProfile) };
}

const MIGRATION = 'indicators/young-net-migration';
const ACTUAL = `${MIGRATION}/periods/2021/actual`;

describe('parseProjectForm', () => {
  it.each(DEMO.projects.map((p) => [p.key]))('gives %s back unchanged when nothing is typed', (key) => {
    const { stored, project: parsed, problems } = submit(key, {});
    expect(problems).toEqual([]);
    expect(sameValue(parsed, stored)).toBe(true);
  });

  it('keeps every stored value when nothing is posted (read-only inputs are not)', () => {
    const stored = project('tabunka');
    const parsed = parseProjectForm(stored, {}, YEAR, defaultProfile);
    expect(parsed.problems).toEqual([]);
    expect(parsed.project).toEqual(stored);
  });

  const cases: [string, FormValues, string, unknown][] = [
    ['an actual', { [ACTUAL]: '400' }, ACTUAL, 400],
    ['an actual in full-width digits with its unit', { [ACTUAL]: '４００人' }, ACTUAL, 400],
    ['a provisional actual (速報値)', { [`${MIGRATION}/periods/2021/provisional`]: 'true' }, `${MIGRATION}/periods/2021/provisional`, true],
    ['a next year’s number target', { [`${MIGRATION}/periods/2022/target/kind`]: 'number', [`${MIGRATION}/periods/2022/target`]: '150' }, `${MIGRATION}/periods/2022/target`, 150],
    ['a rank target', { [`${MIGRATION}/periods/2022/target/kind`]: 'rank', [`${MIGRATION}/periods/2022/target`]: '5位以内' }, `${MIGRATION}/periods/2022/target`, { kind: 'rank', atMost: 5 }],
    [
      'a previous-year target with its base',
      { [`${MIGRATION}/periods/2022/target/kind`]: 'previous-year', [`${MIGRATION}/periods/2022/target`]: '362', [`${MIGRATION}/periods/2022/target/direction`]: 'decrease' },
      `${MIGRATION}/periods/2022/target`,
      { kind: 'previous-year', base: 362, direction: 'decrease' },
    ],
    ['a qualitative target', { [`${MIGRATION}/periods/2022/target/kind`]: 'qualitative', [`${MIGRATION}/periods/2022/target`]: 'A (計画どおり)' }, `${MIGRATION}/periods/2022/target`, { kind: 'qualitative', text: 'A (計画どおり)' }],
    ['a none target with its note', { [`${MIGRATION}/periods/2022/target/kind`]: 'none', [`${MIGRATION}/periods/2022/target`]: '単年度目標設定なし' }, `${MIGRATION}/periods/2022/target`, { kind: 'none', note: '単年度目標設定なし' }],
    ['a pending target', { [`${MIGRATION}/periods/2022/target/kind`]: 'pending' }, `${MIGRATION}/periods/2022/target`, { kind: 'pending' }],
    ['a target removed', { [`${MIGRATION}/periods/2021/target/kind`]: '', [`${MIGRATION}/periods/2021/target`]: '' }, `${MIGRATION}/periods/2021/target`, undefined],
    ['a next year’s budget with commas', { 'budgets/2023/amount': '50,000' }, 'budgets/2023/amount', 50000],
    ['a budget in yen', { 'budgets/2023/amount': '5,000万円' }, 'budgets/2023/amount', 50000],
    ['a new personnel cost', { 'personnelCosts/2022/amount': '1200' }, 'personnelCosts/2022/amount', 1200],
    ['SDGs in any separators', { sdgs: '３、8 11,17' }, 'sdgs', [3, 8, 11, 17]],
    ['the summary', { summary: '新しい概要\r\n二行目' }, 'summary', '新しい概要\n二行目'],
    ['the grade equal to the suggestion', { 'evaluations/2021/course': '拡大' }, 'evaluations/2021/course', '拡大'],
    ['a grade away from the suggestion, with its reason', { 'evaluations/2021/grade': '順調', 'evaluations/2021/gradeReason': '一時的な要因' }, 'evaluations/2021/grade', '順調'],
    ['a unit', { [`${MIGRATION}/unit`]: '人 ' }, `${MIGRATION}/unit`, '人'],
    ['lower is better (which moves the suggestion: the grade needs a reason)', { [`${MIGRATION}/better`]: 'lower', 'evaluations/2021/gradeReason': '人数は多いほどよい' }, `${MIGRATION}/better`, 'lower'],
    ['the mid-term’s label alone (no revision)', { [`${MIGRATION}/midTerm/label`]: '450人（R3～R5年）' }, `${MIGRATION}/midTerm/revisions`, undefined],
  ];
  it.each(cases)('reads %s', (_name, edits, path, expected) => {
    const { project: parsed, problems } = submit('teiju-iju', edits);
    expect(problems).toEqual([]);
    expect(valueAtPath(parsed, path)).toEqual(expected);
  });

  const refused: [string, string, FormValues, string][] = [
    ['an actual that is not a number', 'teiju-iju', { [ACTUAL]: '多い' }, ACTUAL],
    ['an actual in another unit', 'teiju-iju', { [ACTUAL]: '5件' }, ACTUAL],
    ['a number target left empty', 'teiju-iju', { [`${MIGRATION}/periods/2022/target/kind`]: 'number' }, `${MIGRATION}/periods/2022/target`],
    ['a rank of zero', 'teiju-iju', { [`${MIGRATION}/periods/2022/target/kind`]: 'rank', [`${MIGRATION}/periods/2022/target`]: '0' }, `${MIGRATION}/periods/2022/target`],
    ['a figure without a kind', 'teiju-iju', { [`${MIGRATION}/periods/2022/target`]: '5' }, `${MIGRATION}/periods/2022/target/kind`],
    ['a budget with a fraction of a thousand yen', 'teiju-iju', { 'budgets/2023/amount': '1.5' }, 'budgets/2023/amount'],
    ['SDG 18', 'teiju-iju', { sdgs: '1, 18' }, 'sdgs'],
    ['an empty indicator name', 'teiju-iju', { [`${MIGRATION}/name`]: ' ' }, `${MIGRATION}/name`],
    ['decimals of 5', 'teiju-iju', { [`${MIGRATION}/decimals`]: '5' }, `${MIGRATION}/decimals`],
    // 362 / 100 = 362% suggests 大変順調.
    ['a grade away from the suggestion without a reason', 'teiju-iju', { 'evaluations/2021/grade': '順調' }, 'evaluations/2021/gradeReason'],
    ['a grade not in the settings', 'teiju-iju', { 'evaluations/2021/grade': 'S' }, 'evaluations/2021/grade'],
    ['a mid-term target changed without a reason', 'teiju-iju', { [`${MIGRATION}/midTerm/target`]: '500' }, `${MIGRATION}/midTerm/reason`],
    ['a mid-term year that is no year', 'teiju-iju', { [`${MIGRATION}/midTerm/to`]: '来年' }, `${MIGRATION}/midTerm/to`],
  ];
  it.each(refused)('refuses %s beside its input', (_name, key, edits, field) => {
    const { problems } = submit(key, edits);
    expect(problems.map((problem) => problem.path)).toEqual([field]);
    expect(problems[0]!.message).toMatch(/^\P{ASCII}.* \/ /u);
  });

  it('adds an indicator named in the blank one, with a key made from the count when none is typed', () => {
    const { project: parsed, problems } = submit('teiju-iju', { 'newIndicator/name': 'UIJターン相談件数', 'newIndicator/unit': '件' });
    expect(problems).toEqual([]);
    expect(parsed.indicators!.map((indicator) => indicator.key)).toEqual(['young-net-migration', 'indicator-2']);
    expect(parsed.indicators![1]).toEqual({ key: 'indicator-2', name: 'UIJターン相談件数', unit: '件' });
    expect(submit('teiju-iju', { 'newIndicator/unit': '件' }).problems.map((problem) => problem.path)).toEqual(['newIndicator/name']);
    expect(submit('teiju-iju', { 'newIndicator/name': '重複', 'newIndicator/key': 'young-net-migration' }).problems.map((problem) => problem.path)).toEqual(['newIndicator/key']);
  });

  it('words a text actual under a number target for the form: choose a qualitative target', () => {
    expect(submit('teiju-iju', { [ACTUAL]: '多い' }).problems[0]!.message).toContain('目標の種類を「定性」にすると');
  });

  it('moves the suggestion with the actual typed: a lower actual needs no reason for a lower grade', () => {
    // 90 / 100 = 90% suggests 順調.
    expect(submit('teiju-iju', { [ACTUAL]: '90', 'evaluations/2021/grade': '順調' }).problems).toEqual([]);
  });

  it('records a changed mid-term target as a revision with the previous one and the reason', () => {
    const { stored, project: parsed, problems } = submit('teiju-iju', { [`${MIGRATION}/midTerm/target`]: '500', [`${MIGRATION}/midTerm/reason`]: '転入超過の拡大を受けて上方修正' });
    expect(problems).toEqual([]);
    const { revisions: _none, ...previous } = stored.indicators![0]!.midTerm!;
    expect(parsed.indicators![0]!.midTerm).toEqual({ ...previous, target: 500, revisions: [{ fiscalYear: YEAR, previous, reason: '転入超過の拡大を受けて上方修正' }] });
  });

  it('reads a qualitative actual with whether it was achieved', () => {
    const key = DEMO.projects.find((p) => p.indicators?.some((i) => i.periods?.some((period) => typeof period.target === 'object' && period.target.kind === 'qualitative')))!.key;
    const stored = project(key);
    const indicator = stored.indicators!.find((i) => i.periods?.some((period) => typeof period.target === 'object' && period.target.kind === 'qualitative'))!;
    const period = indicator.periods!.find((p) => typeof p.target === 'object' && p.target.kind === 'qualitative')!;
    const at = `indicators/${indicator.key}/periods/${period.fiscalYear}/actual`;
    const parsed = parseProjectForm(stored, { ...projectFormValues(stored, YEAR), [at]: '報告書を作成', [`${at}/achieved`]: 'false' }, YEAR, defaultProfile);
    // A missed target moves the suggestion, so the grades now ask for reasons; the actual itself is read.
    expect(parsed.problems.filter((problem) => !problem.path.endsWith('/gradeReason'))).toEqual([]);
    expect(valueAtPath(parsed.project, at)).toEqual({ text: '報告書を作成', achieved: false });
  });
});

describe('projectFormView', () => {
  const stored = project('regional-administration');
  const view = (overrides: Partial<Parameters<typeof projectFormView>[0]> = {}) =>
    projectFormView({ stored, fiscalYear: YEAR, version: 'v1', profile: defaultProfile, values: projectFormValues(stored, YEAR), mayChange: () => true, ...overrides });

  it('shows each row’s own evaluation and personnel cost, with the suggested grade beside each grade', () => {
    const shown = view();
    expect(shown.evaluations.map((e) => [e.label, e.grade.value, e.suggestedGrade])).toEqual([
      ['事業全体', '', '大変順調'],
      ['No. 32', '順調', '順調'],
      ['No. 34', '大変順調', '大変順調'],
    ]);
    expect(shown.rowPersonnelCosts.map((row) => [row.label, row.years.find((y) => y.fiscalYear === 2023)!.amount.value])).toEqual([
      ['No. 32', '13300'],
      ['No. 34', '3075'],
    ]);
    expect(shown.indicators[0]!.periods.map((p) => p.fiscalYear)).toEqual([2021, 2022, 2023]);
  });

  it('marks the inputs a user may not change as read-only, by their change path', () => {
    const shown = view({ mayChange: (path) => !path.startsWith('evaluations/') && !path.endsWith('/target') });
    expect(shown.evaluations[0]!.grade.editable).toBe(false);
    expect(shown.indicators[0]!.periods[0]!.target.kind.editable).toBe(false);
    expect(shown.indicators[0]!.periods[0]!.actual.editable).toBe(true);
    expect(shown.summary.editable).toBe(true);
  });

  it('places each problem beside its input, by input name or by the write path’s change path', () => {
    const indicator = stored.indicators![0]!.key;
    const shown = view({
      problems: [
        { path: `indicators/${indicator}/periods/2021/actual`, message: 'a' },
        { path: `indicators/${indicator}/periods/2021/target`, message: 'b' },
        { path: `indicators/${indicator}/midTerm`, message: 'c' },
        { path: 'organization/name', message: 'd' },
      ],
    });
    const first = shown.indicators[0]!;
    expect(first.periods[0]!.actual.problems).toEqual(['a']);
    expect(first.periods[0]!.target.value.problems).toEqual(['b']);
    expect(first.midTerm.target.value.problems).toEqual(['c']);
    expect(shown.problems).toEqual([{ path: 'organization/name', message: 'd' }]);
  });

  it('sets yours and the stored value side by side for each path of a stale save', () => {
    const mine = structuredClone(stored);
    mine.summary = '私の概要';
    const other = structuredClone(stored);
    other.summary = '別の人の概要';
    other.budgets = [{ fiscalYear: 2023, amount: 1 }];
    const shown = view({ current: mine, conflict: { stored: other, paths: ['summary', 'budgets/2023/amount'] } });
    expect(shown.conflicts).toEqual([
      { path: 'summary', mine: '私の概要', stored: '別の人の概要' },
      { path: 'budgets/2023/amount', mine: String(stored.budgets!.find((b) => b.fiscalYear === 2023)!.amount), stored: '1' },
    ]);
  });
});

describe('relativePath', () => {
  it.each([
    ['projects/a/summary', 'summary'],
    ['projects/a/indicators/x/periods/2021/actual', 'indicators/x/periods/2021/actual'],
    ['projects/b/summary', 'projects/b/summary'],
    ['organization/name', 'organization/name'],
  ])('%s → %s', (path, expected) => expect(relativePath('a', path)).toBe(expected));
});
