import { describe, expect, it } from 'vitest';
import { checkDocument, comparePaths, latestEvaluatedYear } from './check.js';
import type { HyokaDocument, Project } from './model.js';
import { buildDocument, buildIndicator, buildProject, budgets, evaluation, indicatorsOf, period } from './test-factory.js';

const POLICY = 'I-1-(1)-①';

/** A project with nothing to report for FY2021. */
function cleanProject(overrides: Partial<Project> = {}): Project {
  return buildProject({
    budgets: budgets([2021, 1000], [2022, 1000]),
    indicators: indicatorsOf([100, 100]),
    evaluations: [evaluation('順調')],
    ...overrides,
  });
}

function cleanDocument(projects: Project[], overrides: Partial<HyokaDocument> = {}): HyokaDocument {
  return buildDocument({
    projects,
    policyEvaluations: [{ policy: POLICY, bureau: '企画調整局', fiscalYear: 2021, grade: '順調' }],
    ...overrides,
  });
}

function codes(doc: HyokaDocument, fiscalYear?: number): [string, string][] {
  return checkDocument(doc, fiscalYear === undefined ? {} : { fiscalYear }).findings.map((f) => [f.path, f.code]);
}

describe('checkDocument', () => {
  it('finds nothing in a clean document, and says which year it checked', () => {
    expect(checkDocument(cleanDocument([cleanProject()]))).toEqual({ fiscalYear: 2021, findings: [] });
  });

  it('reports the periods of Y that need attention', () => {
    const project = cleanProject({
      indicators: [
        buildIndicator({ key: 'missing', periods: [period(100, undefined, 2020), period(100, undefined)] }),
        buildIndicator({ key: 'rank', periods: [period({ kind: 'rank', atMost: 10 }, undefined)] }),
        buildIndicator({ key: 'text', periods: [period(100, { text: '十' })] }),
        buildIndicator({ key: 'sns', name: '各種SNSの閲覧件数', periods: [period(15000, 7386517)] }),
        buildIndicator({ key: 'zero', periods: [period(0, 3)] }),
        buildIndicator({ key: 'prev', periods: [period({ kind: 'previous-year' }, 5)] }),
        buildIndicator({ key: 'qual', periods: [period({ kind: 'qualitative', text: 'A' }, { text: 'A' })] }),
        buildIndicator({ key: 'none', periods: [period({ kind: 'none' }, undefined), period({ kind: 'pending' }, undefined)] }),
      ],
      evaluations: [evaluation('順調', { gradeReason: 'SNSの閲覧件数は目標の設定が低すぎた' })],
    });
    expect(codes(cleanDocument([project]))).toEqual([
      ['projects[0].indicators[0].periods[1]', 'missing-actual'],
      ['projects[0].indicators[1].periods[0]', 'missing-actual'],
      ['projects[0].indicators[2].periods[0]', 'actual-not-numeric'],
      ['projects[0].indicators[3].periods[0]', 'rate-above-500'],
      ['projects[0].indicators[4].periods[0]', 'rate-undefined'],
      ['projects[0].indicators[5].periods[0]', 'previous-year-without-base'],
      ['projects[0].indicators[6].periods[0]', 'qualitative-without-achieved'],
    ]);
    const sns = checkDocument(cleanDocument([project])).findings.find((f) => f.code === 'rate-above-500')!;
    expect(sns.message).toBe(
      '達成率 49,243.4% は500%を超えています。目標が低すぎないか確認してください / ' +
        'The achievement rate 49,243.4% is above 500%: check whether the target is set too low',
    );
  });

  it('does not report exactly 500%', () => {
    const project = cleanProject({ indicators: indicatorsOf([2, 10]), evaluations: [evaluation('大変順調')] });
    expect(codes(cleanDocument([project]))).toEqual([]);
  });

  it('reports gaps in budget years and no budget for the year after Y', () => {
    const gap = cleanProject({ budgets: budgets([2019, 1], [2022, 1]) });
    const none = cleanProject({ key: 'none', budgets: [] });
    const doc = cleanDocument([gap, none]);
    expect(checkDocument(doc).findings).toEqual([
      {
        path: 'projects[0].budgets',
        code: 'budget-gap',
        message: '2020年度・2021年度の予算額がありません（2019年度と2022年度の間） / No budget for FY2020, FY2021, between FY2019 and FY2022',
      },
      {
        path: 'projects[1].budgets',
        code: 'missing-next-budget',
        message: '2022年度の予算額がありません / No budget for FY2022, the year after FY2021',
      },
    ]);
  });

  it('reports a grade that differs from the suggestion only when it gives no reason', () => {
    const differs = cleanProject({ evaluations: [evaluation('大変順調')] });
    const explained = cleanProject({ key: 'b', evaluations: [evaluation('大変順調', { gradeReason: '指標外の成果が大きい' })] });
    const noSuggestion = cleanProject({ key: 'c', indicators: indicatorsOf([{ kind: 'pending' }, undefined]), evaluations: [evaluation('遅れ')] });
    const rowDiffers = cleanProject({
      key: 'd',
      evaluations: [],
      placements: [{ policy: POLICY, no: 4, evaluations: [evaluation('遅れ')] }],
    });
    const findings = checkDocument(cleanDocument([differs, explained, noSuggestion, rowDiffers])).findings;
    expect(findings.map((f) => [f.path, f.code])).toEqual([
      ['projects[0].evaluations[0].grade', 'grade-differs-without-reason'],
      ['projects[3].placements[0].evaluations[0].grade', 'grade-differs-without-reason'],
    ]);
    expect(findings[0]!.message).toBe(
      '評価「大変順調」が目安「順調」と異なりますが、理由（gradeReason）がありません / ' +
        'The grade 大変順調 differs from the suggested 順調 but gives no gradeReason',
    );
  });

  it('reports rows without an evaluation for Y, and evaluations without a grade', () => {
    const project = cleanProject({
      evaluations: [evaluation('順調', { fiscalYear: 2020 })],
      placements: [
        { policy: POLICY, no: 1 },
        { policy: POLICY, no: 2, evaluations: [{ fiscalYear: 2021, course: '継続' }] },
      ],
    });
    expect(codes(cleanDocument([project]))).toEqual([
      ['projects[0].placements[0]', 'missing-evaluation'],
      ['projects[0].placements[1].evaluations[0]', 'missing-grade'],
    ]);
  });

  it('reports labels outside the profile’s lists, in any year', () => {
    const project = cleanProject({
      evaluations: [evaluation('順調', { course: '継続' }), evaluation('S', { fiscalYear: 2019, course: '見直し' })],
    });
    expect(codes(cleanDocument([project]))).toEqual([
      ['projects[0].evaluations[1].course', 'unknown-course'],
      ['projects[0].evaluations[1].grade', 'unknown-grade'],
    ]);
    // …but the organization's own lists count
    const settings = { grades: ['S', '順調', 'C'], gradeBands: [120, 80], courses: ['継続', '見直し'] };
    expect(codes(cleanDocument([project], { settings }))).toEqual([]);
  });

  it('reports references to unknown policies and indicators', () => {
    const project = cleanProject({
      placements: [{ policy: 'IX-9-(9)-⑨', no: 1, indicators: ['i1', 'nai'] }],
    });
    const doc = cleanDocument([project], {
      policyEvaluations: [
        { policy: POLICY, fiscalYear: 2021, grade: '順調' },
        { policy: 'I-2-(1)-②', fiscalYear: 2021, grade: 'A' },
      ],
    });
    expect(codes(doc)).toEqual([
      ['policyEvaluations[1].grade', 'unknown-grade'],
      ['policyEvaluations[1].policy', 'unknown-policy'],
      ['projects[0].placements[0].indicators[1]', 'unknown-indicator'],
      ['projects[0].placements[0].policy', 'unknown-policy'],
    ]);
  });

  it('reports policy evaluations with text but no grade (No. 9, 10, 34) and policies left without one', () => {
    const other = 'I-2-(2)-③';
    const doc = cleanDocument(
      [cleanProject(), cleanProject({ key: 'b', bureau: '総務局', placements: [{ policy: other, no: 4 }] })],
      {
        policies: [
          { code: POLICY, title: '試験の施策' },
          { code: other, title: 'アジアとの架け橋となる人材の育成' },
        ],
        policyEvaluations: [
          { policy: POLICY, bureau: '企画調整局', fiscalYear: 2021, improvement: '外国人市民に対する働きかけだけではなく…' },
          { policy: POLICY, bureau: '企画調整局', fiscalYear: 2020, improvement: '前年度の文' },
          { policy: other, bureau: '企画調整局', fiscalYear: 2021, grade: '順調' },
        ],
      },
    );
    const findings = checkDocument(doc).findings;
    expect(findings.map((f) => [f.path, f.code])).toEqual([
      ['policies[1]', 'missing-policy-evaluation'],
      ['policyEvaluations[0]', 'policy-evaluation-without-grade'],
    ]);
    expect(findings[0]!.message).toContain('総務局');
  });

  it('reports a mid-term revision without its reason', () => {
    const indicator = buildIndicator({
      midTerm: {
        target: 120,
        basis: 'by-year',
        fiscalYear: 2023,
        revisions: [{ fiscalYear: 2021, reason: '見学先の保全を図るため' }, { fiscalYear: 2022, reason: ' ' }],
      },
      periods: [period(100, 100)],
    });
    expect(codes(cleanDocument([cleanProject({ indicators: [indicator] })]))).toEqual([
      ['projects[0].indicators[0].midTerm.revisions[1]', 'revision-without-reason'],
    ]);
  });

  it('checks the year asked for, else the latest with any evaluation', () => {
    const project = cleanProject({ indicators: [buildIndicator({ periods: [period(100, 100), period(100, undefined, 2022)] })] });
    const rowLater = cleanProject({ key: 'b', placements: [{ policy: POLICY, no: 2, evaluations: [evaluation('順調', { fiscalYear: 2022 })] }] });
    expect(latestEvaluatedYear(cleanDocument([project]))).toBe(2021);
    expect(latestEvaluatedYear(cleanDocument([project, rowLater]))).toBe(2022);
    expect(latestEvaluatedYear(cleanDocument([project], { policyEvaluations: [{ policy: POLICY, fiscalYear: 2023 }] }))).toBe(2023);
    expect(checkDocument(cleanDocument([project]), { fiscalYear: 2022 }).findings.map((f) => f.code)).toEqual([
      'missing-next-budget',
      'missing-actual',
      'missing-evaluation',
    ]);
  });

  it('without any evaluation, checks only what holds in every year', () => {
    const project = buildProject({
      budgets: budgets([2019, 1], [2021, 1]),
      indicators: indicatorsOf([100, undefined]),
      placements: [{ policy: 'nai', no: 1 }],
    });
    const result = checkDocument(buildDocument({ projects: [project] }));
    expect(result.fiscalYear).toBeNull();
    expect(result.findings.map((f) => f.code)).toEqual(['budget-gap', 'unknown-policy']);
  });

  it('writes every message in Japanese with English beside it', () => {
    const project = cleanProject({ indicators: indicatorsOf([100, undefined], [1, 1000]), budgets: [], evaluations: [evaluation('S')] });
    for (const finding of checkDocument(cleanDocument([project])).findings) {
      expect(finding.message).toMatch(/^[^/]*[\u3040-\u30ff\u4e00-\u9fff][^/]* \/ [A-Z]/);
      expect(finding.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});

describe('comparePaths', () => {
  it('orders indices as numbers and fields by name', () => {
    const paths = [
      'projects[10].budgets',
      'projects[2].indicators[10].periods[0]',
      'policyEvaluations[0]',
      'projects[2].indicators[9].periods[1]',
      'projects[2]',
      'projects[2].indicators[9].periods[0].actual',
      'policies[3]',
    ];
    expect([...paths].sort(comparePaths)).toEqual([
      'policies[3]',
      'policyEvaluations[0]',
      'projects[2]',
      'projects[2].indicators[9].periods[0].actual',
      'projects[2].indicators[9].periods[1]',
      'projects[2].indicators[10].periods[0]',
      'projects[10].budgets',
    ]);
  });
});
