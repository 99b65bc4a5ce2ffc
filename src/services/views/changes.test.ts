import { describe, expect, it } from 'vitest';
import type { HyokaDocument, Project } from '../../domain/model.js';
import { compute } from '../../interchange/compute.js';
import { POLICY_A, POLICY_B, buildDocument, buildIndicator, buildProject } from '../../../test/factories.js';
import { changeLabel, changesView, defaultChangeYears, midTermAt, revised, yearsWithData, type ProjectChange } from './changes.js';

// An organization evaluated twice (2021 and 2022): one project kept with its target, budget,
// grade, course and text revised; one dropped after 2021; one new in 2022.
function twoYears(): HyokaDocument {
  const kept = buildProject({
    budgets: [
      { fiscalYear: 2021, amount: 40000 },
      { fiscalYear: 2022, amount: 42803 },
      { fiscalYear: 2023, amount: 43921 },
    ],
    indicators: [
      buildIndicator({
        unit: '%',
        decimals: 1,
        midTerm: {
          target: 62,
          basis: 'by-year',
          fiscalYear: 2024,
          revisions: [{ fiscalYear: 2022, previous: { target: 58, basis: 'by-year', fiscalYear: 2024 }, reason: '目標を達成したため上方修正' }],
        },
        periods: [
          { fiscalYear: 2021, target: 54, actual: 59.9 },
          { fiscalYear: 2022, target: 61, actual: 60 },
          { fiscalYear: 2023, target: 61 },
        ],
      }),
      buildIndicator({ key: 'ended', name: '終了した指標', unit: '件', periods: [{ fiscalYear: 2021, target: 10, actual: 10 }] }),
    ],
    evaluations: [
      { fiscalYear: 2021, grade: '順調', course: '継続', improvement: '引き続き取り組む。' },
      { fiscalYear: 2022, grade: 'やや遅れ', course: '改善', improvement: '引き続き取り組む。' },
    ],
    placements: [
      { policy: POLICY_A.code, no: 1 },
      { policy: POLICY_B.code, no: 2, indicators: ['ended'], evaluations: [{ fiscalYear: 2021, grade: '大変順調', course: '拡大', improvement: '拡充する。' }] },
    ],
  });
  const dropped: Project = buildProject({
    key: 'dropped',
    name: '終了した事業',
    budgets: [{ fiscalYear: 2021, amount: 1000 }],
    indicators: [buildIndicator({ periods: [{ fiscalYear: 2021, target: 5, actual: 5 }] })],
    evaluations: [{ fiscalYear: 2021, grade: '順調', course: '終了' }],
    placements: [{ policy: POLICY_A.code, no: 3 }],
  });
  const added: Project = buildProject({
    key: 'added',
    name: '新規事業',
    budgets: [{ fiscalYear: 2022, amount: 5000 }],
    indicators: [buildIndicator({ periods: [{ fiscalYear: 2022, target: 5, actual: 4 }] })],
    evaluations: [{ fiscalYear: 2022, grade: '順調', course: '拡大' }],
    placements: [{ policy: POLICY_B.code, no: 4 }],
  });
  return compute(buildDocument({ projects: [kept, dropped, added] }));
}

const byKey = (projects: ProjectChange[], key: string) => projects.find((project) => project.key === key)!;

describe('changesView between two evaluated years', () => {
  const view = changesView(twoYears(), 2021, 2022);
  const kept = byKey(view.projects, 'tabunka');

  it('tells projects kept, added and removed, in row order', () => {
    expect(view.projects.map((p) => [p.key, p.presence])).toEqual([
      ['tabunka', 'kept'],
      ['dropped', 'removed'],
      ['added', 'added'],
    ]);
  });

  it.each<[string, unknown, unknown]>([
    ['budget', kept.budget, { from: 40000, to: 42803, difference: 2803, change: '増額', changed: true }],
    ['period target', kept.indicators[0]!.target, { from: '54.0%', to: '61.0%', changed: true }],
    ['mid-term in force', kept.indicators[0]!.midTerm, { from: '58.0% (R6年度)', to: '62.0% (R6年度)', changed: true }],
    ['revision', kept.indicators[0]!.revisions, [{ fiscalYear: 2022, previous: '58.0% (R6年度)', reason: '目標を達成したため上方修正' }]],
    ['indicator ended', [kept.indicators[1]!.presence, kept.indicators[1]!.target], ['removed', { from: '10件', to: null, changed: true }]],
    ['row 1 grade', kept.rows[0]!.grade, { from: '順調', to: 'やや遅れ', changed: true }],
    ['row 1 course', kept.rows[0]!.course, { from: '継続', to: '改善', changed: true }],
    ['row 1 text, unchanged but shown', kept.rows[0]!.improvement, { from: '引き続き取り組む。', to: '引き続き取り組む。', changed: false }],
    // Row 2 has its own 2021 evaluation; in 2022 the project's holds for it.
    ['row 2 grade', kept.rows[1]!.grade, { from: '大変順調', to: 'やや遅れ', changed: true }],
    ['row 2 text', kept.rows[1]!.improvement, { from: '拡充する。', to: '引き続き取り組む。', changed: true }],
    ['removed project budget', byKey(view.projects, 'dropped').budget, { from: 1000, to: null, difference: null, change: null, changed: true }],
    ['added project row', byKey(view.projects, 'added').rows, [{ policy: POLICY_B.code, no: 4, presence: 'added', grade: { from: null, to: '順調', changed: true }, course: { from: null, to: '拡大', changed: true }, improvement: { from: null, to: null, changed: false } }]],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('counts what both years have and differs, and what was added or removed', () => {
    expect(view.counts).toEqual({
      projectsAdded: 1,
      projectsRemoved: 1,
      projectsChanged: 1,
      rowsAdded: 1,
      rowsRemoved: 1,
      targetsChanged: 1,
      midTermsChanged: 1,
      budgetsChanged: 1,
      gradesChanged: 2,
      coursesChanged: 2,
      improvementsChanged: 1,
    });
  });

  it('finds nothing changed between a year and itself', () => {
    const same = changesView(twoYears(), 2022, 2022);
    expect(same.projects.every((p) => !p.changed)).toBe(true);
    expect(Object.values(same.counts).every((n) => n === 0)).toBe(true);
  });
});

describe('midTermAt', () => {
  const indicator = twoYears().projects[0]!.indicators![0]!;
  it.each([
    [2020, 58],
    [2021, 58],
    [2022, 62],
    [2030, 62],
  ])('in %i the mid-term in force is %i', (year, target) => {
    expect(midTermAt(indicator, year)?.target).toBe(target);
  });
  it('keeps the current mid-term when a revision gives no year', () => {
    const undated = { ...indicator, midTerm: { ...indicator.midTerm!, revisions: [{ previous: { target: 1 }, reason: '不明' }] } };
    expect(midTermAt(undated, 2000)?.target).toBe(62);
  });
});

describe('years to compare', () => {
  it('defaults to the latest evaluated year and the one before', () => {
    expect(defaultChangeYears(twoYears())).toEqual({ from: 2021, to: 2022 });
    expect(yearsWithData(twoYears())).toEqual([2021, 2022, 2023]);
  });
  it('with a first evaluation only, compares it with the year after', () => {
    expect(defaultChangeYears(compute(buildDocument()))).toEqual({ from: 2021, to: 2022 });
    const lone = compute(buildDocument({ projects: [buildProject({ budgets: [], indicators: [buildIndicator({ periods: [{ fiscalYear: 2021, target: 1 }] })] })] }));
    expect(defaultChangeYears(lone)).toEqual({ from: 2020, to: 2021 });
  });
});

describe('words for a change', () => {
  it.each([
    [{ from: 'a', to: 'a', changed: false }, '変更なし', false],
    [{ from: 'a', to: 'b', changed: true }, '変更あり', true],
    [{ from: null, to: 'b', changed: true }, '追加', false],
    [{ from: 'a', to: null, changed: true }, '削除', false],
  ])('%j → %s', (value, label, isRevision) => {
    expect(changeLabel(value)).toBe(label);
    expect(revised(value)).toBe(isRevision);
  });
});
