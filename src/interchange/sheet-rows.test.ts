import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../domain/model.js';
import { buildDocument, buildProject } from '../../test/factories.js';
import { compute } from './compute.js';
import { defaultSheetYear, sheetEntries, sheetOf, type SheetRow } from './sheet-rows.js';

// The demo document is the seed sheet curated: its sheet must print what the seed prints.
const demo = compute(JSON.parse(readFileSync(new URL('../../data/kitakyushu.hyoka.json', import.meta.url), 'utf8')) as HyokaDocument);
const sheet = sheetOf(demo);
const row = (no: number): SheetRow => sheet.rows.find((candidate) => candidate.no === no)!;

describe('sheetOf the demo document', () => {
  it('is the R3 sheet: periods R3–R5, budgets R4 and R5, 34 rows in No. order', () => {
    expect(sheet.fiscalYear).toBe(2021);
    expect(sheet.periodYears).toEqual([2021, 2022, 2023]);
    expect(sheet.budgetYears).toEqual([2022, 2023]);
    expect(sheet.rows.map((r) => r.no)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
  });

  it('prints No. 5 as the seed: 54.0% / 59.9% / 110.9%', () => {
    const five = row(5);
    expect(five.policy.code).toBe('II-3-(3)-①');
    expect(five.sdgs).toEqual([4, 10, 11, 17]);
    const [indicator] = five.indicators;
    expect(indicator!.baseline).toBe('51.8% (H29年度)');
    expect(indicator!.periods[0]).toEqual({ fiscalYear: 2021, target: '54.0%', actual: '59.9%', rate: '110.9%' });
    expect(indicator!.periods[1]).toEqual({ fiscalYear: 2022, target: '61.0%', actual: '—', rate: '—' });
    expect(indicator!.midTerm).toBe('62% (R6年度)');
  });

  it('prints the rates, grades and suggestions of the seed rows', () => {
    expect(row(13).grade).toBe('遅れ');
    expect(row(13).suggestedGrade).toBe('遅れ');
    expect(row(13).indicators[0]!.periods[0]!.rate).toBe('0.0%');
    expect(row(18).indicators.map((i) => i.periods[0])).toEqual([
      { fiscalYear: 2021, target: '前年度比 (64,616件) 増', actual: '96,953件', rate: '150.0%' },
      { fiscalYear: 2021, target: '前年度比 (112,654万円) 増', actual: '181,809万円', rate: '161.4%' },
    ]);
    expect(row(26).indicators[1]!.periods[0]!.rate).toBe('49,243.4%');
    expect(row(19).grade).toBe('やや遅れ');
    expect(row(19).indicators[0]!.periods[0]).toMatchObject({ target: '10位以内', actual: '17位', rate: '—' });
    expect([row(32).grade, row(34).grade]).toEqual(['順調', '大変順調']);
  });

  it('gives budgets, their change and the personnel cost of the later year', () => {
    expect(row(1)).toMatchObject({ budgets: [2665000, 3144000], budgetChange: '増額', personnelCost: 13200 });
    expect(row(3)).toMatchObject({ budgets: [140000, 140000], budgetChange: '維持', personnelCost: 4650 });
    expect(row(10)).toMatchObject({ budgets: [46190, 44090], budgetChange: '維持' }); // −4.55%: inside the band
    expect(row(28)).toMatchObject({ budgets: [37544, 35544], budgetChange: '減額' }); // −5.33%
    expect(row(13)).toMatchObject({ budgets: [1400, 1280], budgetChange: '減額' });
    // Rows of one project with their own personnel cost keep it.
    expect([row(32).personnelCost, row(34).personnelCost]).toEqual([13300, 3075]);
  });

  it('takes a row its own summary, SDGs and evaluation, else the project’s', () => {
    expect(row(2).summary).toContain('地域戦略研究所');
    expect(row(1).summary).toContain('地方独立行政法人法第42条');
    expect(row(4).sdgs).toEqual([4, 9]);
    expect(row(1).sdgs).toEqual([4]);
  });

  it('gives the policy evaluation of the row’s policy and bureau', () => {
    expect(row(19).policyGrade).toBe('やや遅れ');
    expect(row(1).policyImprovement).toContain('公立大学法人北九州市立大学');
    expect(row(10).policyGrade).toBeUndefined(); // the seed prints text without a grade
  });
});

describe('sheetOf filters', () => {
  const nos = (filter: Parameters<typeof sheetOf>[1]) => sheetOf(demo, filter).rows.map((r) => r.no);

  it('by bureau', () => {
    expect(nos({ filter: { bureau: '企画調整局' } })).toHaveLength(34);
    expect(nos({ filter: { bureau: '環境局' } })).toEqual([]);
  });
  it('by division', () => {
    expect(nos({ filter: { division: '東京事務所' } })).toEqual([11, 17]);
  });
  it('by policy', () => {
    expect(nos({ filter: { policy: 'IV-4-(2)-②' } })).toEqual([16, 17, 18]);
  });
  it('by grade of the sheet’s year', () => {
    expect(nos({ filter: { grade: '遅れ' } })).toEqual([13, 22, 25]);
    expect(nos({ filter: { grade: '大変順調' } })).toEqual([10, 18, 26, 34]);
    expect(nos({ fiscalYear: 2022, filter: { grade: '順調' } })).toEqual([]);
  });
  it('by SDG goal, on the row’s own goals', () => {
    expect(nos({ filter: { sdg: 9 } })).toEqual([4, 20]);
    expect(nos({ filter: { sdg: 5 } })).toEqual([18]);
  });
  it('combined', () => {
    expect(nos({ filter: { division: '国際政策課', grade: '遅れ' } })).toEqual([25]);
  });
});

describe('sheetOf a built document', () => {
  it('takes the fiscal year asked for and shifts the columns with it', () => {
    const doc = compute(buildDocument());
    const later = sheetOf(doc, { fiscalYear: 2022 });
    expect(later.periodYears).toEqual([2022, 2023, 2024]);
    expect(later.budgetYears).toEqual([2023, 2024]);
    expect(later.rows[0]!.budgets).toEqual([43921, undefined]);
    expect(later.rows[0]!.budgetChange).toBeNull();
    expect(later.rows[0]!.grade).toBeUndefined();
  });

  it('defaults to the latest evaluated year, else the latest year with an actual', () => {
    expect(defaultSheetYear(buildDocument())).toBe(2021);
    const unevaluated = buildDocument({ projects: [buildProject({ evaluations: [] })] });
    expect(defaultSheetYear(unevaluated)).toBe(2021);
  });

  it('binds the rows bureau by bureau, in the order the document names them, rows of no bureau last; a page of them is written out alone', () => {
    const doc = compute(
      buildDocument({
        projects: [
          buildProject({ key: 'c', bureau: '総務局', placements: [{ policy: 'II-3-(3)-①', no: 1 }] }),
          buildProject({ key: 'n', bureau: undefined, placements: [{ policy: 'II-3-(3)-①', no: 1 }] }),
          buildProject({ key: 'a', bureau: '企画調整局', placements: [{ policy: 'II-3-(3)-①', no: 2 }, { policy: 'II-3-(3)-②', no: 1 }] }),
          buildProject({ key: 'd', bureau: '総務局', placements: [{ policy: 'II-3-(3)-②', no: 2 }] }),
        ],
      }),
    );
    const order = ['総務局 1 c', '総務局 2 d', '企画調整局 1 a', '企画調整局 2 a', '- 1 n'];
    expect(sheetOf(doc).rows.map((r) => `${r.bureau ?? '-'} ${r.no} ${r.projectKey}`)).toEqual(order);
    expect(sheetEntries(doc).map(({ project, placement }) => `${project.bureau ?? '-'} ${placement.no} ${project.key}`)).toEqual(order);
    expect(sheetOf(doc, { entries: sheetEntries(doc).slice(1, 3) }).rows.map((r) => `${r.bureau ?? '-'} ${r.no} ${r.projectKey}`)).toEqual(order.slice(1, 3));
  });

  it('orders rows by No., then policy, then project', () => {
    const doc = buildDocument({
      projects: [
        buildProject({ key: 'b', placements: [{ policy: 'II-3-(3)-②', no: 2 }, { policy: 'II-3-(3)-①', no: 1 }] }),
        buildProject({ key: 'a', placements: [{ policy: 'II-3-(3)-②', no: 1 }] }),
      ],
    });
    expect(sheetOf(compute(doc)).rows.map((r) => `${r.no} ${r.policy.code} ${r.projectKey}`)).toEqual([
      '1 II-3-(3)-① b',
      '1 II-3-(3)-② a',
      '2 II-3-(3)-② b',
    ]);
  });
});
