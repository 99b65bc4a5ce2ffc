import { describe, expect, it } from 'vitest';
import { compute } from '../../interchange/compute.js';
import { buildDocument, buildIndicator, buildPlacement, buildProject, POLICY_A, POLICY_B } from '../../../test/factories.js';
import { attentionItems } from './dashboard-attention.js';
import { dashboardView } from './dashboard.js';
import { dashboardCsv } from './dashboard-csv.js';

function twoProjects() {
  return compute(
    buildDocument({
      projects: [
        buildProject({
          key: 'a',
          bureau: '企画調整局',
          sdgs: [4],
          budgets: [
            { fiscalYear: 2022, amount: 100 },
            { fiscalYear: 2023, amount: 200 },
          ],
          indicators: [
            buildIndicator({ key: 'x', periods: [{ fiscalYear: 2021, target: 100, actual: 40 }] }),
            buildIndicator({ key: 'y', periods: [{ fiscalYear: 2021, target: 10 }] }),
            buildIndicator({ key: 'z', periods: [{ fiscalYear: 2021, target: 10, actual: 70 }] }),
          ],
          evaluations: [{ fiscalYear: 2021, grade: '遅れ' }],
          placements: [buildPlacement({ no: 1, indicators: ['x', 'y'] }), buildPlacement({ policy: POLICY_B.code, no: 2, sdgs: [4, 9], indicators: ['x', 'z'] })],
        }),
        buildProject({
          key: 'b',
          bureau: '都市戦略局',
          sdgs: [9],
          budgets: [{ fiscalYear: 2023, amount: 50 }],
          indicators: [buildIndicator({ key: 'w', periods: [{ fiscalYear: 2020, target: 5, actual: 5 }, { fiscalYear: 2021, target: 5, actual: 6 }] })],
          evaluations: [
            { fiscalYear: 2020, grade: '順調' },
            { fiscalYear: 2021, grade: '大変順調' },
          ],
          placements: [buildPlacement({ policy: POLICY_A.code, no: 3 })],
        }),
      ],
    }),
  );
}

describe('dashboardView', () => {
  const view = dashboardView(twoProjects(), 2021);

  it('counts rows by grade on the profile’s scale, ungraded last', () => {
    expect(view.grades).toEqual([
      { grade: '大変順調', rows: 1 },
      { grade: '順調', rows: 0 },
      { grade: 'やや遅れ', rows: 0 },
      { grade: '遅れ', rows: 2 },
      { grade: null, rows: 0 },
    ]);
    expect(view.rows).toBe(3);
    expect(view.projects).toBe(2);
  });

  it('bins each period of the year once, however many rows show it', () => {
    const bins = Object.fromEntries(view.rateBins.map((bin) => [bin.label, bin.periods]));
    // x: 40% (on two rows, counted once), z: 700%, w: 120%; y has no actual.
    expect(bins).toEqual({ '0–50%': 1, '50–80%': 0, '80–100%': 0, '100–120%': 0, '120–500%': 1, '500%以上': 1 });
    expect(view.periodsWithoutRate).toBe(1);
  });

  it('adds the later budget year by bureau and by SDG goal, a project under each of its goals', () => {
    expect(view.budgetYear).toBe(2023);
    expect(view.budgetByBureau).toEqual([
      { name: '企画調整局', amount: 200, projects: 1 },
      { name: '都市戦略局', amount: 50, projects: 1 },
    ]);
    expect(view.budgetBySdg).toEqual([
      { name: '4', amount: 200, projects: 1 },
      { name: '9', amount: 250, projects: 2 },
    ]);
    expect(view.budgetTotal).toBe(250);
  });

  it('compares with the previous year: grades of Y − 1 and the budget of the previous sheet', () => {
    expect(view.comparison!.grades.find((entry) => entry.grade === '順調')).toEqual({ grade: '順調', current: 0, previous: 1 });
    expect(view.comparison!.grades.find((entry) => entry.grade === null)).toEqual({ grade: null, current: 0, previous: 2 });
    expect(view.comparison!.budget).toEqual({ current: { fiscalYear: 2023, amount: 250 }, previous: { fiscalYear: 2022, amount: 100 } });
  });

  it('reads Y − 1 from the document given for it (its own cycle), and compares nothing when given none', () => {
    const doc = twoProjects();
    const earlier = structuredClone(doc);
    earlier.projects[0]!.evaluations = [{ fiscalYear: 2020, grade: '順調' }];
    earlier.projects[0]!.budgets = [{ fiscalYear: 2022, amount: 70 }];
    const compared = dashboardView(doc, 2021, undefined, earlier);
    // a's two rows and b's one.
    expect(compared.comparison!.grades.find((entry) => entry.grade === '順調')).toEqual({ grade: '順調', current: 0, previous: 3 });
    expect(compared.comparison!.budget.previous).toEqual({ fiscalYear: 2022, amount: 70 });
    const alone = dashboardView(doc, 2021, undefined, null);
    expect(alone.comparison).toBeUndefined();
    expect(dashboardCsv(alone).rows.some((row) => String(row[0]).startsWith('前年度との比較'))).toBe(false);
  });

  it('writes every table into the CSV', () => {
    const csv = dashboardCsv(view);
    expect(csv.rows).toContainEqual(['事業評価', '遅れ', 2021, 2, null, null, null]);
    expect(csv.rows).toContainEqual(['SDGsゴール別予算額', 'ゴール9', 2023, 2, 250, null, null]);
    expect(csv.rows.filter((row) => String(row[0]).startsWith('要注意')).length).toBe(view.attention.length);
  });
});

describe('attentionItems', () => {
  it('lists behind, no actual and findings with the rows that show them', () => {
    const items = attentionItems(twoProjects(), 2021);
    expect(items.filter((item) => item.kind !== 'finding').map(({ kind, nos, subject }) => ({ kind, nos, subject }))).toEqual([
      { kind: 'behind', nos: [1, 2], subject: buildIndicator().name },
      { kind: 'no-actual', nos: [1], subject: buildIndicator().name },
    ]);
    const rate = items.find((item) => item.kind === 'finding' && item.path === 'projects[0].indicators[2].periods[0]');
    expect(rate).toMatchObject({ nos: [2], projectKey: 'a', detail: expect.stringContaining('700.0%') });
    // missing-actual is listed once, as "no actual", never again as a finding.
    expect(items.some((item) => item.kind === 'finding' && item.detail.includes('実績がありません'))).toBe(false);
  });

  it('counts a missed qualitative target as behind, and skips none and pending targets', () => {
    const doc = compute(
      buildDocument({
        projects: [
          buildProject({
            indicators: [
              buildIndicator({ key: 'q', periods: [{ fiscalYear: 2021, target: { kind: 'qualitative', text: 'A' }, actual: { text: 'B', achieved: false } }] }),
              buildIndicator({ key: 'n', periods: [{ fiscalYear: 2021, target: { kind: 'none' } }] }),
              buildIndicator({ key: 'p', periods: [{ fiscalYear: 2021, target: { kind: 'pending' } }] }),
            ],
          }),
        ],
      }),
    );
    const kinds = attentionItems(doc, 2021).filter((item) => item.kind !== 'finding');
    expect(kinds.map((item) => [item.kind, item.detail])).toEqual([['behind', '目標 A、実績 B / Target A, actual B']]);
  });

  it('puts the furthest behind first: rates lowest first, then targets missed without a rate', () => {
    const doc = compute(
      buildDocument({
        projects: [
          buildProject({
            indicators: [
              buildIndicator({ key: 'q', name: 'q', periods: [{ fiscalYear: 2021, target: { kind: 'qualitative', text: 'A' }, actual: { text: 'B', achieved: false } }] }),
              buildIndicator({ key: 'h', name: 'h', periods: [{ fiscalYear: 2021, target: 100, actual: 90 }] }),
              buildIndicator({ key: 'l', name: 'l', periods: [{ fiscalYear: 2021, target: 100, actual: 10 }] }),
              buildIndicator({ key: 'n', name: 'n', periods: [{ fiscalYear: 2021, target: 100 }] }),
            ],
          }),
        ],
      }),
    );
    const items = attentionItems(doc, 2021).filter((item) => item.kind !== 'finding');
    expect(items.map((item) => [item.kind, item.subject, item.rate])).toEqual([
      ['behind', 'l', 10],
      ['behind', 'h', 90],
      ['behind', 'q', undefined],
      ['no-actual', 'n', undefined],
    ]);
    expect(items.every((item) => item.bureaus.length === 1)).toBe(true);
  });

  it('names the rows of a policy for a policy finding', () => {
    const doc = compute(buildDocument({ policyEvaluations: [{ policy: POLICY_A.code, bureau: '企画調整局', fiscalYear: 2021, improvement: '文' }] }));
    const item = attentionItems(doc, 2021).find((candidate) => candidate.path === 'policyEvaluations[0]');
    expect(item).toMatchObject({ kind: 'finding', nos: [1], subject: POLICY_A.code });
  });
});
