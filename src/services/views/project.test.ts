import { describe, expect, it } from 'vitest';
import { compute } from '../../interchange/compute.js';
import { buildDocument, buildIndicator, buildPlacement, buildProject, POLICY_A, POLICY_B } from '../../../test/factories.js';
import { actionsOf, costYears, projectView } from './project.js';
import { projectCsv } from './project-csv.js';
import type { Project } from '../../domain/model.js';

/** One project with the given fields, computed as the pages see it. */
const computedProject = (overrides: Partial<Project>) => compute(buildDocument({ projects: [buildProject(overrides)] })).projects[0]!;

describe('costYears', () => {
  it('gives budget, change, personnel cost and total where both are known', () => {
    const project = computedProject({
      budgets: [
        { fiscalYear: 2022, amount: 2665000 },
        { fiscalYear: 2023, amount: 3144000 },
      ],
      personnelCosts: [{ fiscalYear: 2023, amount: 13200 }],
    });
    expect(costYears(project)).toEqual([
      { fiscalYear: 2022, budget: 2665000, change: null, personnelCosts: [] },
      { fiscalYear: 2023, budget: 3144000, change: '増額', personnelCosts: [{ nos: [1], amount: 13200 }], personnelCostTotal: 13200, total: 3157200 },
    ]);
  });

  it('keeps each row’s own personnel cost beside their total (No. 32: 13,300, No. 34: 3,075)', () => {
    const project = computedProject({
      budgets: [{ fiscalYear: 2023, amount: 4011 }],
      placements: [buildPlacement({ no: 32, personnelCosts: [{ fiscalYear: 2023, amount: 13300 }] }), buildPlacement({ no: 34, personnelCosts: [{ fiscalYear: 2023, amount: 3075 }] })],
    });
    expect(costYears(project)).toEqual([
      {
        fiscalYear: 2023,
        budget: 4011,
        change: null,
        personnelCosts: [
          { nos: [32], amount: 13300 },
          { nos: [34], amount: 3075 },
        ],
        personnelCostTotal: 16375,
        total: 20386,
      },
    ]);
  });
});

describe('actionsOf', () => {
  it('groups the rows that hold the same evaluation, and splits rows with their own', () => {
    const project = computedProject({
      indicators: [buildIndicator({ key: 'k', periods: [{ fiscalYear: 2021, target: 10, actual: 10 }] })],
      evaluations: [{ fiscalYear: 2021, grade: '順調', course: '継続', improvement: '同じ' }],
      placements: [
        buildPlacement({ no: 34, evaluations: [{ fiscalYear: 2021, grade: '大変順調', gradeReason: '理由' }] }),
        buildPlacement({ no: 1 }),
        buildPlacement({ policy: POLICY_B.code, no: 2 }),
      ],
    });
    expect(actionsOf(project, 2021)).toEqual([
      { nos: [1, 2], fiscalYear: 2021, grade: '順調', suggestedGrade: '順調', course: '継続', improvement: '同じ' },
      { nos: [34], fiscalYear: 2021, grade: '大変順調', suggestedGrade: '順調', gradeReason: '理由' },
    ]);
    expect(actionsOf(project, 2020)).toEqual([]);
  });
});

describe('projectView', () => {
  const doc = compute(
    buildDocument({
      projects: [
        buildProject({
          summary: '事業の概要',
          sdgs: [4],
          indicators: [
            buildIndicator({
              key: 'k',
              unit: '%',
              decimals: 1,
              baseline: { value: 51.8, fiscalYear: 2017 },
              midTerm: { target: 62, basis: 'by-year', fiscalYear: 2024, revisions: [{ fiscalYear: 2022, previous: { target: 60, basis: 'by-year', fiscalYear: 2024 }, reason: '見直し' }] },
              periods: [
                { fiscalYear: 2022, target: 61 },
                { fiscalYear: 2021, target: 54, actual: 59.9 },
              ],
            }),
            buildIndicator({ key: 'q', name: '定性', unit: '', periods: [{ fiscalYear: 2021, target: { kind: 'qualitative', text: 'A' } }] }),
          ],
          evaluations: [
            { fiscalYear: 2019, grade: '遅れ' },
            { fiscalYear: 2020, grade: 'やや遅れ' },
            { fiscalYear: 2021, grade: '順調' },
          ],
          placements: [buildPlacement({ policy: POLICY_B.code, no: 7, sdgs: [10], summary: '行の概要', indicators: ['k'] }), buildPlacement({ policy: POLICY_A.code, no: 5 })],
        }),
      ],
    }),
  );
  const view = projectView(doc, doc.projects[0]!, 2021);

  it('Plan: rows by number with their policy titles, summaries and goals', () => {
    expect(view.plan).toEqual({
      summary: '事業の概要',
      sdgs: [4, 10],
      placements: [
        { no: 5, policyCode: POLICY_A.code, policyTitle: POLICY_A.title, summary: '事業の概要', sdgs: [4] },
        { no: 7, policyCode: POLICY_B.code, policyTitle: POLICY_B.title, summary: '行の概要', sdgs: [10] },
      ],
    });
  });

  it('Check: periods in year order, written as printed, with the chart’s numbers', () => {
    const [k, q] = view.indicators;
    expect(k).toMatchObject({ nos: [5, 7], baseline: '51.8% (H29年度)', midTerm: '62.0% (R6年度)', chartable: true });
    expect(k!.revisions).toEqual([{ fiscalYear: 2022, previous: '60.0% (R6年度)', reason: '見直し' }]);
    expect(k!.periods).toEqual([
      { fiscalYear: 2021, target: '54.0%', actual: '59.9%', rate: '110.9%', achieved: true, midTermProgress: '96.6%', targetValue: 54, actualValue: 59.9 },
      { fiscalYear: 2022, target: '61.0%', actual: '—', rate: '—', achieved: null, midTermProgress: '—', targetValue: 61 },
    ]);
    expect(q).toMatchObject({ nos: [5], chartable: false });
  });

  it('Action of the year and the earlier years, latest first', () => {
    expect(view.actions.map((action) => [action.fiscalYear, action.grade, action.nos])).toEqual([[2021, '順調', [5, 7]]]);
    expect(view.earlier.map((action) => [action.fiscalYear, action.grade])).toEqual([
      [2020, 'やや遅れ'],
      [2019, '遅れ'],
    ]);
    expect(projectView(doc, doc.projects[0]!, 2019).earlier).toEqual([]);
  });

  it('writes Plan, Do, Check and Action into the CSV', () => {
    const csv = projectCsv(view);
    expect(csv.rows).toContainEqual(['Plan 施策', 7, null, POLICY_B.code, POLICY_B.title, '行の概要']);
    expect(csv.rows).toContainEqual(['Check 中期目標に対する進捗', '5 7', 2021, buildIndicator().name, '96.6%', null]);
    expect(csv.rows).toContainEqual(['過去の評価 事業評価', '5 7', 2019, '事業評価', '遅れ', null]);
  });
});
