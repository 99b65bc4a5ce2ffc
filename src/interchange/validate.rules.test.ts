// The rules that span records: uniqueness, references, settings, mid-term bases, and
// actuals against their targets (interchange.md, "Rules").
import { describe, expect, it } from 'vitest';
import type { Problem } from './messages.js';
import { type Loose, documentAfter, problemsAfter } from './validate.fixtures.js';

const M = 'projects[1].indicators[0].midTerm';

describe('uniqueness', () => {
  it.each<[string, (doc: Loose) => void, Problem[]]>([
    ['policy code', (d) => d.policies.push({ code: 'II-3-(3)-①', title: '重複' }), [{ path: 'policies[8].code', message: 'code 「II-3-(3)-①」 が重複しています (policies[1] と同じ) / duplicate code 「II-3-(3)-①」 (the same as policies[1])' }]],
    ['project key', (d) => (d.projects[2].key = 'tabunka'), [{ path: 'projects[2].key', message: 'key 「tabunka」 が重複しています (projects[1] と同じ) / duplicate key 「tabunka」 (the same as projects[1])' }]],
    [
      'row number within a bureau, across projects',
      (d) => (d.projects[2].placements[0].no = 5),
      [{ path: 'projects[2].placements[0].no', message: 'No. 5 (企画調整局) が重複しています (projects[1].placements[0] と同じ) / duplicate No. 5 (企画調整局) (the same as projects[1].placements[0])' }],
    ],
    [
      'row number within one project',
      (d) => (d.projects[1].placements[1].no = 5),
      [{ path: 'projects[1].placements[1].no', message: 'No. 5 (企画調整局) が重複しています (projects[1].placements[0] と同じ) / duplicate No. 5 (企画調整局) (the same as projects[1].placements[0])' }],
    ],
    [
      'indicator key within a project',
      (d) => d.projects[1].indicators.push(structuredClone(d.projects[1].indicators[0])),
      [{ path: 'projects[1].indicators[2].key', message: 'key 「ninchido」 が重複しています (projects[1].indicators[0] と同じ) / duplicate key 「ninchido」 (the same as projects[1].indicators[0])' }],
    ],
    [
      'fiscal year of a period',
      (d) => (d.projects[1].indicators[0].periods[2].fiscalYear = 'R4年度'),
      [{ path: 'projects[1].indicators[0].periods[2].fiscalYear', message: 'fiscalYear 2022 が重複しています (projects[1].indicators[0].periods[1] と同じ) / duplicate fiscalYear 2022 (the same as projects[1].indicators[0].periods[1])' }],
    ],
    ['fiscal year of a budget', (d) => (d.projects[1].budgets[1].fiscalYear = 2022), [{ path: 'projects[1].budgets[1].fiscalYear', message: 'fiscalYear 2022 が重複しています (projects[1].budgets[0] と同じ) / duplicate fiscalYear 2022 (the same as projects[1].budgets[0])' }]],
    [
      'fiscal year of a personnel cost on a row',
      (d) => (d.projects[1].placements[0].personnelCosts = [{ fiscalYear: 2023, amount: 1 }, { fiscalYear: 2023, amount: 2 }]),
      [{ path: 'projects[1].placements[0].personnelCosts[1].fiscalYear', message: 'fiscalYear 2023 が重複しています (projects[1].placements[0].personnelCosts[0] と同じ) / duplicate fiscalYear 2023 (the same as projects[1].placements[0].personnelCosts[0])' }],
    ],
    [
      'fiscal year of an evaluation',
      (d) => d.projects[1].evaluations.push({ fiscalYear: 2021 }),
      [{ path: 'projects[1].evaluations[1].fiscalYear', message: 'fiscalYear 2021 が重複しています (projects[1].evaluations[0] と同じ) / duplicate fiscalYear 2021 (the same as projects[1].evaluations[0])' }],
    ],
    [
      '(policy, bureau, fiscalYear) of a policy evaluation',
      (d) => d.policyEvaluations.push({ policy: 'II-3-(3)-①', bureau: '企画調整局', fiscalYear: 'R3年度' }),
      [
        {
          path: 'policyEvaluations[2].fiscalYear',
          message: '(policy 「II-3-(3)-①」, bureau 「企画調整局」, fiscalYear 2021) が重複しています (policyEvaluations[0] と同じ) / duplicate (policy 「II-3-(3)-①」, bureau 「企画調整局」, fiscalYear 2021) (the same as policyEvaluations[0])',
        },
      ],
    ],
  ])('%s', (_, change, problems) => {
    expect(problemsAfter(change)).toEqual(problems);
  });

  it.each<[string, (doc: Loose) => void]>([
    ['the same row number in another bureau', (d) => Object.assign(d.projects[2], { bureau: '総務局', placements: [{ policy: 'III-1-(1)-②', no: 5 }] })],
    ['the same indicator key in another project (No. 11 and 17)', (d) => (d.projects[2].indicators[0].key = 'ninchido')],
    ['the same fiscal year in different lists', (d) => (d.projects[1].placements[0].evaluations = [{ fiscalYear: 2021, grade: '順調' }])],
    ['the same policy and year from another bureau', (d) => d.policyEvaluations.push({ policy: 'II-3-(3)-①', bureau: '総務局', fiscalYear: 2021 })],
  ])('allows %s', (_, change) => {
    expect(problemsAfter(change)).toEqual([]);
  });
});

describe('references', () => {
  it.each<[string, (doc: Loose) => void, Problem[]]>([
    ['a row under an unknown policy', (d) => (d.projects[2].placements[0].policy = 'III-9-(9)-⑨'), [{ path: 'projects[2].placements[0].policy', message: '施策「III-9-(9)-⑨」は policies にありません / policy 「III-9-(9)-⑨」 is not in policies' }]],
    ['a policy evaluation of an unknown policy', (d) => (d.policyEvaluations[1].policy = 'X'), [{ path: 'policyEvaluations[1].policy', message: '施策「X」は policies にありません / policy 「X」 is not in policies' }]],
    [
      "a row naming another project's indicator",
      (d) => (d.projects[1].placements[1].indicators = ['kurashi', 'shakai']),
      [{ path: 'projects[1].placements[1].indicators[1]', message: '指標「shakai」はこの事業の indicators にありません / indicator 「shakai」 is not one of this project\'s indicators' }],
    ],
    [
      'a grade off the scale',
      (d) => (d.projects[1].evaluations[0].grade = 'A'),
      [{ path: 'projects[1].evaluations[0].grade', message: '評価「A」は grades にありません (大変順調、順調、やや遅れ、遅れ) / grade 「A」 is not one of settings.grades (大変順調, 順調, やや遅れ, 遅れ)' }],
    ],
    [
      "a row's grade off the scale",
      (d) => (d.projects[1].placements[1].evaluations = [{ fiscalYear: 2021, grade: '良好' }]),
      [{ path: 'projects[1].placements[1].evaluations[0].grade', message: '評価「良好」は grades にありません (大変順調、順調、やや遅れ、遅れ) / grade 「良好」 is not one of settings.grades (大変順調, 順調, やや遅れ, 遅れ)' }],
    ],
    [
      "a policy evaluation's grade off the settings' scale",
      (d) => Object.assign(d.settings, { grades: ['A', 'B', 'C'], gradeBands: [100, 50] }) && (d.projects = []) && (d.policyEvaluations = [{ policy: 'X-1', fiscalYear: 2021, grade: '順調' }]) && d.policies.push({ code: 'X-1', title: 't' }),
      [{ path: 'policyEvaluations[0].grade', message: '評価「順調」は grades にありません (A、B、C) / grade 「順調」 is not one of settings.grades (A, B, C)' }],
    ],
    [
      'a course off the list',
      (d) => (d.projects[1].evaluations[0].course = '継続する'),
      [{ path: 'projects[1].evaluations[0].course', message: '方向性「継続する」は courses にありません (拡大、継続、改善、縮小、統合、休止、廃止、終了) / course 「継続する」 is not one of settings.courses (拡大, 継続, 改善, 縮小, 統合, 休止, 廃止, 終了)' }],
    ],
  ])('%s', (_, change, problems) => {
    expect(problemsAfter(change)).toEqual(problems);
  });

  it('checks no references against a policy list that is itself invalid', () => {
    expect(problemsAfter((d) => (d.policies[1] = { title: 'no code' }))).toEqual([{ path: 'policies[1].code', message: '必須の項目です。値を書いてください / this field is required' }]);
  });
});

describe('settings', () => {
  it.each<[string, Record<string, unknown>, Problem[]]>([
    ['one grade', { grades: ['A'] }, [{ path: 'settings.grades', message: '少なくとも 2 件必要です / needs at least 2 item(s)' }]],
    [
      'grades without matching bands',
      { grades: ['A', 'B', 'C'] },
      [{ path: 'settings.grades', message: 'gradeBands は grades より1つ少なくしてください (grades 3 個に対して gradeBands 3 個、必要なのは 2 個) / gradeBands needs one entry fewer than grades (3 grades, 3 bands; 2 needed)' }],
    ],
    [
      'bands of the wrong length',
      { gradeBands: [120, 80] },
      [{ path: 'settings.gradeBands', message: 'gradeBands は grades より1つ少なくしてください (grades 4 個に対して gradeBands 2 個、必要なのは 3 個) / gradeBands needs one entry fewer than grades (4 grades, 2 bands; 3 needed)' }],
    ],
    ['bands not decreasing', { gradeBands: [120, 50, 50] }, [{ path: 'settings.gradeBands[2]', message: '前の値 (50) より小さくしてください (大きい順に並べます) / must be less than the one before (50): bands go from high to low' }]],
    ['a grade twice', { grades: ['A', 'B', 'A', 'C'] }, [{ path: 'settings.grades[2]', message: '「A」が重複しています / 「A」 is listed twice' }]],
    ['no courses', { courses: [] }, [{ path: 'settings.courses', message: '少なくとも 1 件必要です / needs at least 1 item(s)' }]],
    ['rateDecimals 5', { rateDecimals: 5 }, [{ path: 'settings.rateDecimals', message: '4 以下にしてください (5 と書かれています) / must be at most 4, not 5' }]],
    ['budgetFlatBand below 0', { budgetFlatBand: -1 }, [{ path: 'settings.budgetFlatBand', message: '0 以上にしてください (-1 と書かれています) / must be at least 0, not -1' }]],
  ])('%s', (_, settings, problems) => {
    // Without evaluations, so that a new scale is checked on its own.
    const change = (d: Loose) => Object.assign(d, { projects: [], policyEvaluations: [] }) && Object.assign(d.settings, settings);
    expect(problemsAfter(change)).toEqual(problems);
  });

  it('stores overrides exactly as written, one equal to its default included', () => {
    const settings = { budgetFlatBand: 5, rateDecimals: 1, grades: ['大変順調', '順調', 'やや遅れ', '遅れ'] };
    expect(documentAfter((d) => (d.settings = settings)).settings).toEqual(settings);
  });
});

describe('mid-term targets', () => {
  it.each<[string, (doc: Loose) => void, Problem[]]>([
    ['no target', (d) => delete d.projects[1].indicators[0].midTerm.target, [{ path: `${M}.target`, message: '必須の項目です。値を書いてください / this field is required' }]],
    [
      'no basis',
      (d) => delete d.projects[1].indicators[0].midTerm.basis,
      [{ path: `${M}.basis`, message: 'basis がありません (目標が pending のときを除き必須): "by-year"、"every-year"、"cumulative"、"span" のいずれか / basis is required unless the target is pending: one of "by-year", "every-year", "cumulative", "span"' }],
    ],
    ['by-year without its year', (d) => delete d.projects[1].indicators[0].midTerm.fiscalYear, [{ path: `${M}.fiscalYear`, message: 'basis が "by-year" のときは fiscalYear (期限の年度) が必要です / fiscalYear (the year it is due) is required when basis is "by-year"' }]],
    [
      'cumulative without its year',
      (d) => (d.projects[1].indicators[0].midTerm = { target: 60, basis: 'cumulative', from: 2021 }),
      [{ path: `${M}.fiscalYear`, message: 'basis が "cumulative" のときは fiscalYear (期限の年度) が必要です / fiscalYear (the year it is due) is required when basis is "cumulative"' }],
    ],
    [
      'span without from and to',
      (d) => (d.projects[1].indicators[0].midTerm = { target: 19, basis: 'span' }),
      [
        { path: `${M}.from`, message: 'basis が "span" のときは from と to が必要です (from がありません) / from and to are required when basis is "span" (from is missing)' },
        { path: `${M}.to`, message: 'basis が "span" のときは from と to が必要です (to がありません) / from and to are required when basis is "span" (to is missing)' },
      ],
    ],
    [
      'span ending before it starts',
      (d) => (d.projects[1].indicators[0].midTerm = { target: 19, basis: 'span', from: 'R6年度', to: 'R2年度' }),
      [{ path: `${M}.from`, message: 'from (2024) が to (2020) より後です / from (2024) is after to (2020)' }],
    ],
    [
      'a basis of its own',
      (d) => (d.projects[1].indicators[0].midTerm.basis = 'yearly'),
      [{ path: `${M}.basis`, message: '"yearly" は使えません。次のいずれかです: "by-year"、"every-year"、"cumulative"、"span" / "yearly" is not allowed; use one of "by-year", "every-year", "cumulative", "span"' }],
    ],
    ['a revision without its reason', (d) => delete d.projects[5].indicators[0].midTerm.revisions[0].reason, [{ path: 'projects[5].indicators[0].midTerm.revisions[0].reason', message: '必須の項目です。値を書いてください / this field is required' }]],
    [
      "a revision's previous mid-term without a basis",
      (d) => (d.projects[5].indicators[0].midTerm.revisions[0].previous = { target: 15000 }),
      [
        {
          path: 'projects[5].indicators[0].midTerm.revisions[0].previous.basis',
          message: 'basis がありません (目標が pending のときを除き必須): "by-year"、"every-year"、"cumulative"、"span" のいずれか / basis is required unless the target is pending: one of "by-year", "every-year", "cumulative", "span"',
        },
      ],
    ],
    [
      'a baseline span ending before it starts',
      (d) => Object.assign(d.projects[1].indicators[0].baseline, { from: 2018, to: 'H26年度' }),
      [{ path: 'projects[1].indicators[0].baseline.from', message: 'from (2018) が to (2014) より後です / from (2018) is after to (2014)' }],
    ],
  ])('%s', (_, change, problems) => {
    expect(problemsAfter(change)).toEqual(problems);
  });

  it('needs no basis for a pending target (No. 31)', () => {
    expect(problemsAfter(() => {})).toEqual([]);
    expect(documentAfter(() => {}).projects[6]?.indicators?.[0]?.midTerm).toEqual({
      target: { kind: 'pending', note: '現観光振興プランの数値を踏まえ、令和5年度中に設定予定' },
    });
  });
});

describe('actuals against their targets', () => {
  const message = '数値・前年度比・順位の目標には数値の実績を書いてください / a number, previous-year or rank target needs a numeric actual';
  it.each<[string, string, number]>([
    ['a number', 'projects[1].indicators[0].periods[0]', 1],
    ['a previous-year', 'projects[3].indicators[0].periods[0]', 3],
    ['a rank', 'projects[4].indicators[0].periods[0]', 4],
  ])('a text actual under %s target is refused', (_, path, project) => {
    expect(problemsAfter((d) => (d.projects[project].indicators[0].periods[0].actual = { text: '達成' }))).toEqual([{ path: `${path}.actual`, message }]);
  });

  it.each<[string, (doc: Loose) => void]>([
    ['a qualitative target', (d) => (d.projects[0].indicators[0].periods[0].actual = { text: 'B', achieved: false })],
    ['a none target', (d) => (d.projects[1].indicators[1].periods[0].actual = { text: '調査なし' })],
    ['no target', (d) => d.projects[1].indicators[1].periods.push({ fiscalYear: 2022, actual: { text: '—' } })],
  ])('a text actual is allowed under %s', (_, change) => {
    expect(problemsAfter(change)).toEqual([]);
  });
});
