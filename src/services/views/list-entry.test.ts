import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HyokaDocument, Project } from '../../domain/model.js';
import { allCells, entryTable, entryYears, originalField, versionField, type EntrySource, type EntryTable } from './list-entry.js';
import { formProjects, overCurrent, parseEntry, type FormBody } from './list-entry-form.js';

const demo = JSON.parse(readFileSync(new URL('../../../data/kitakyushu.hyoka.json', import.meta.url), 'utf8')) as HyokaDocument;
const project = (key: string): Project => structuredClone(demo.projects.find((candidate) => candidate.key === key)!);
const sources = (...keys: string[]): EntrySource[] => keys.map((key, i) => ({ project: project(key), version: `v${i + 1}` }));

/** What a browser posts for the table as shown: every cell, a checkbox only when checked, each project's version. */
function bodyOf(table: EntryTable, changes: Record<string, string | undefined> = {}): FormBody {
  const body: Record<string, string> = {};
  for (const shown of table.projects) {
    body[versionField(shown.key)] = shown.version;
    for (const cell of allCells(shown)) if (cell.kind !== 'provisional' || cell.value !== '') body[cell.name] = cell.value;
  }
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete body[name];
    else body[name] = value;
  }
  return body;
}

const ACTUAL = 'projects/teiju-iju/indicators/young-net-migration/periods/2021/actual';
const BUDGET = 'projects/teiju-iju/budgets/2023/amount';

describe('entryTable', () => {
  it('gives a project graded as a whole one line per indicator, its inputs named by their paths (No. 10, 定住・移住)', () => {
    const table = entryTable(sources('teiju-iju'), demo.settings, 2021);
    expect(table.budgetYears).toEqual([2022, 2023]);
    const [shown] = table.projects;
    expect(shown).toMatchObject({ key: 'teiju-iju', version: 'v1', lines: 1 });
    expect(shown!.indicators[0]).toMatchObject({ target: '100人', rate: '362.0%', textual: false, actual: { name: ACTUAL, value: '362' } });
    expect(shown!.units).toHaveLength(1);
    expect(shown!.units[0]).toMatchObject({
      nos: [],
      suggestedGrade: '大変順調',
      grade: { name: 'projects/teiju-iju/evaluations/2021/grade', value: '大変順調' },
      course: { value: '継続' },
    });
    expect(shown!.budgets.map((cell) => [cell.fiscalYear, cell.value])).toEqual([
      [2022, '46190'],
      [2023, '44090'],
    ]);
  });

  it('gives a project graded row by row one evaluation per row, with last year’s course beside a new year', () => {
    const rows = entryTable(sources('city-appeal'), demo.settings, 2021).projects[0]!;
    expect(rows.lines).toBe(4);
    expect(rows.units.map((unit) => [unit.nos, unit.grade.name, unit.grade.value])).toEqual([
      [[14], 'projects/city-appeal/placements/IV-4-(1)-①/14/evaluations/2021/grade', '順調'],
      [[15], 'projects/city-appeal/placements/IV-4-(2)-①/15/evaluations/2021/grade', '順調'],
      [[16], 'projects/city-appeal/placements/IV-4-(2)-②/16/evaluations/2021/grade', '順調'],
    ]);
    // No. 16: 96.9 / 73.6 / 91.7, mean 87.4 (domain.md, rule 4).
    expect(rows.units[2]!.suggestedGrade).toBe('順調');
    const next = entryTable(sources('teiju-iju'), demo.settings, 2022).projects[0]!;
    expect(next.units[0]).toMatchObject({ lastCourse: '継続', grade: { value: '' } });
    expect(next.units[0]!.lastImprovement).toMatch(/^アフターコロナ/);
    expect(next.budgets.map((cell) => cell.value)).toEqual(['44090', '']);
    expect(next.units[0]!.sameAsLastYear).toBe(false);
    const copied = entryTable(sources('teiju-iju'), demo.settings, 2022, { typed: { 'projects/teiju-iju/evaluations/2022/improvement': next.units[0]!.lastImprovement! } });
    expect(copied.projects[0]!.units[0]!.sameAsLastYear).toBe(true);
  });

  it('shows the typed value, its problem and the value stored meanwhile in place of the stored one, and the value the form was filled from', () => {
    const table = entryTable(sources('teiju-iju'), demo.settings, 2021, {
      typed: { [ACTUAL]: '三百' },
      errors: new Map([[ACTUAL, 'not a number']]),
      stored: new Map([[ACTUAL, '400']]),
      original: new Map([[ACTUAL, '400']]),
    });
    expect(table.projects[0]!.indicators[0]!.actual).toEqual({ name: ACTUAL, kind: 'actual', value: '三百', error: 'not a number', stored: '400', original: '400' });
    expect(entryTable(sources('teiju-iju'), demo.settings, 2021).projects[0]!.indicators[0]!.actual.original).toBe('362');
  });
});

describe('entryYears', () => {
  it('opens on the latest evaluated year, offers the next one, every year with data, and the one shown', () => {
    const projects = sources('teiju-iju', 'furusato-donation').map((source) => source.project);
    expect(entryYears(projects)).toEqual({ latest: 2021, years: [2022, 2021] });
    expect(entryYears(projects, 2016).years).toEqual([2022, 2021, 2016]);
  });
});

describe('parseEntry', () => {
  const shown = () => entryTable(sources('teiju-iju', 'furusato-donation'), demo.settings, 2021);
  const parse = (body: FormBody, fiscalYear = 2021) => parseEntry(body, sources('teiju-iju', 'furusato-donation'), demo.settings, fiscalYear);

  it('reads the versions of the projects the form was filled for', () => {
    expect(formProjects(bodyOf(shown()))).toEqual([
      { key: 'teiju-iju', version: 'v1' },
      { key: 'furusato-donation', version: 'v2' },
    ]);
  });

  it.each<[string, Record<string, string | undefined>]>([
    ['the form as shown', {}],
    ['a number written with full-width digits and its unit', { [ACTUAL]: '３６２人' }],
    ['a budget with a thousands separator', { [BUDGET]: '44,090' }],
    ['an empty reason left empty', { 'projects/teiju-iju/evaluations/2021/gradeReason': '' }],
  ])('changes nothing for %s', (_, changes) => {
    const parsed = parse(bodyOf(shown(), changes));
    expect(parsed.problems).toEqual([]);
    expect(parsed.edits).toEqual([]);
  });

  it('edits only the project typed into, against the version the form was filled for', () => {
    const parsed = parse(
      bodyOf(shown(), {
        [ACTUAL]: '1,234',
        'projects/teiju-iju/indicators/young-net-migration/periods/2021/provisional': 'true',
        'projects/teiju-iju/evaluations/2021/course': '拡大',
        'projects/teiju-iju/evaluations/2021/improvement': '',
        [BUDGET]: '5万',
      }),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.edits.map((edit) => [edit.key, edit.ifMatch])).toEqual([['teiju-iju', 'v1']]);
    const edited = parsed.edits[0]!.project;
    expect(edited.indicators![0]!.periods![0]).toEqual({ fiscalYear: 2021, target: 100, actual: 1234, provisional: true });
    expect(edited.evaluations![0]).toEqual({ fiscalYear: 2021, grade: '大変順調', course: '拡大' });
    expect(edited.budgets).toEqual([
      { fiscalYear: 2022, amount: 46190 },
      { fiscalYear: 2023, amount: 50000 },
    ]);
  });

  it('applies only the cells changed from their originals over the projects stored now, a checkbox too', () => {
    const filled = entryTable(sources('teiju-iju'), demo.settings, 2021);
    const body = {
      ...bodyOf(filled, { [BUDGET]: '50000' }),
      [originalField('teiju-iju')]: JSON.stringify(Object.fromEntries(allCells(filled.projects[0]!).map((cell) => [cell.name, cell.original]))),
    };
    // Meanwhile someone else entered the actual as provisional.
    const now = sources('teiju-iju');
    Object.assign(now[0]!.project.indicators![0]!.periods![0]!, { actual: 400, provisional: true });
    const current = overCurrent(body, now, 2021);
    expect([...current.changed]).toEqual([BUDGET]);
    expect(current.originals.get(ACTUAL)).toBe('362');
    const parsed = parseEntry(current.body, now, demo.settings, 2021);
    const edited = parsed.edits[0]!.project;
    expect(edited.indicators![0]!.periods![0]).toEqual({ fiscalYear: 2021, target: 100, actual: 400, provisional: true });
    expect(edited.budgets!.find((budget) => budget.fiscalYear === 2023)?.amount).toBe(50000);
    // A form without its originals counts every cell as the person's.
    expect(overCurrent(bodyOf(filled), now, 2021).changed.has(ACTUAL)).toBe(true);
  });

  it('unchecks 速報値 when the box is not sent', () => {
    const stored = sources('teiju-iju');
    stored[0]!.project.indicators![0]!.periods![0]!.provisional = true;
    const table = entryTable(stored, demo.settings, 2021);
    expect(table.projects[0]!.indicators[0]!.provisional.value).toBe('true');
    const parsed = parseEntry(bodyOf(table, { 'projects/teiju-iju/indicators/young-net-migration/periods/2021/provisional': undefined }), stored, demo.settings, 2021);
    expect(parsed.edits[0]!.project.indicators![0]!.periods![0]).toEqual({ fiscalYear: 2021, target: 100, actual: 362 });
  });

  it.each<[string, string, string, RegExp]>([
    ['an actual that is no number', ACTUAL, 'たくさん', /数値ではありません/],
    ['an actual in another unit', ACTUAL, '12件', /換算できません/],
    ['an emptied budget', BUDGET, '', /空にできません/],
    ['a negative budget', BUDGET, '-5', /0 以上の整数/],
    ['a grade not on the scale', 'projects/teiju-iju/evaluations/2021/grade', 'S', /選択肢にありません/],
    ['a course not on the list', 'projects/teiju-iju/evaluations/2021/course', '爆発', /選択肢にありません/],
  ])('refuses %s beside its cell, saving nothing and keeping what was typed', (_, name, value, message) => {
    const parsed = parse(bodyOf(shown(), { [name]: value, 'projects/furusato-donation/evaluations/2021/improvement': '新しい内容' }));
    expect(parsed.problems).toEqual([{ path: name, message: expect.stringMatching(message) }]);
    expect(parsed.edits).toEqual([]);
    expect(parsed.typed[name]).toBe(value);
    expect(parsed.typed['projects/furusato-donation/evaluations/2021/improvement']).toBe('新しい内容');
    expect(parsed.sources[1]!.project.evaluations![0]!.improvement).toBe('新しい内容');
  });

  it('adds the period, evaluation and budget of a year not yet entered, in year order', () => {
    const table = entryTable(sources('teiju-iju', 'furusato-donation'), demo.settings, 2022);
    const parsed = parse(
      bodyOf(table, {
        'projects/teiju-iju/indicators/young-net-migration/periods/2022/actual': '150',
        'projects/teiju-iju/evaluations/2022/grade': '順調',
        'projects/teiju-iju/budgets/2024/amount': '40000',
      }),
      2022,
    );
    expect(parsed.problems).toEqual([]);
    const edited = parsed.edits[0]!.project;
    expect(edited.indicators![0]!.periods!.map((period) => [period.fiscalYear, period.actual])).toEqual([
      [2021, 362],
      [2022, 150],
    ]);
    expect(edited.evaluations!.map((evaluation) => [evaluation.fiscalYear, evaluation.grade])).toEqual([
      [2021, '大変順調'],
      [2022, '順調'],
    ]);
    expect(edited.budgets!.at(-1)).toEqual({ fiscalYear: 2024, amount: 40000 });
  });
});
