// hyoka/1 documents for tests. buildDocument() and buildProject() give the least a valid
// document needs, with overrides; buildRichDocument() uses every field, every target kind
// and unknown fields at every level, the shapes a round trip must keep; documentArbitrary()
// generates such documents for property tests.
import fc from 'fast-check';
import { hasForbiddenCharacter } from '../src/interchange/bounds.js';
import type {
  Actual,
  Baseline,
  Evaluation,
  HyokaDocument,
  Indicator,
  MidTerm,
  Period,
  Placement,
  Policy,
  PolicyEvaluation,
  Project,
  Target,
} from '../src/domain/model.js';

// Read-only: the builders copy them, so a test may change what it was given.
export const POLICY_A: Readonly<Policy> = Object.freeze({ code: 'II-3-(3)-①', title: '多文化共生社会の実現に向けた体制の構築' });
export const POLICY_B: Readonly<Policy> = Object.freeze({ code: 'II-3-(3)-②', title: '外国人市民の生活環境の充実' });

export function buildIndicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    key: 'ninchido',
    name: '市民の「多文化共生」という言葉の認知度',
    unit: '%',
    periods: [
      { fiscalYear: 2021, target: 54, actual: 59.9 },
      { fiscalYear: 2022, target: 61 },
    ],
    ...overrides,
  };
}

export function buildPlacement(overrides: Partial<Placement> = {}): Placement {
  return { policy: POLICY_A.code, no: 1, ...overrides };
}

export function buildProject(overrides: Partial<Project> = {}): Project {
  return {
    key: 'tabunka',
    name: '多文化共生の推進',
    bureau: '企画調整局',
    division: '国際政策課',
    sdgs: [4, 10],
    budgets: [
      { fiscalYear: 2022, amount: 42803 },
      { fiscalYear: 2023, amount: 43921 },
    ],
    indicators: [buildIndicator()],
    evaluations: [{ fiscalYear: 2021, grade: '順調', course: '継続' }],
    placements: [buildPlacement()],
    ...overrides,
  };
}

export function buildDocument(overrides: Partial<HyokaDocument> = {}): HyokaDocument {
  return {
    format: 'hyoka/1',
    organization: { name: '北九州市', code: '401005' },
    policies: [{ ...POLICY_A }, { ...POLICY_B }],
    projects: [buildProject()],
    ...overrides,
  };
}

/** Every field of hyoka/1 and every form of target, actual, baseline and mid-term. */
export function buildRichDocument(): HyokaDocument {
  return {
    format: 'hyoka/1',
    organization: { name: '北九州市', code: '401005', prefecture: '福岡県' },
    plan: { name: '北九州市基本構想・基本計画', period: '2014-2023' },
    settings: { budgetFlatBand: 5, rateDecimals: 1, grades: ['大変順調', '順調', 'やや遅れ', '遅れ'], gradeBands: [120, 80, 50], courses: ['拡大', '継続', '改善', '縮小', '統合', '休止', '廃止', '終了'], reviewStages: 2 },
    policies: [{ ...POLICY_A }, { ...POLICY_B }, { code: 'IV-4-(2)-①', title: '戦略的なシティプロモーションの展開', note: '追加の項目' }],
    projects: [
      {
        key: 'tabunka',
        name: '多文化共生の推進',
        bureau: '企画調整局',
        division: '国際政策課',
        summary: '多文化共生社会の実現に向け、…',
        sdgs: [4, 10, 11, 17],
        budgets: [
          { fiscalYear: 2022, amount: 42803 },
          { fiscalYear: 2023, amount: 43921, memo: '補正後' },
        ],
        personnelCosts: [{ fiscalYear: 2023, amount: 3075 }],
        indicators: [
          {
            key: 'ninchido',
            name: '市民の「多文化共生」という言葉の認知度',
            unit: '%',
            better: 'higher',
            decimals: 1,
            baseline: { value: 51.8, fiscalYear: 2017, label: '51.8% (H29年度)' },
            midTerm: { target: 62, basis: 'by-year', fiscalYear: 2024, label: '62% (R6年度)' },
            periods: [
              { fiscalYear: 2021, target: 54.0, actual: 59.9 },
              { fiscalYear: 2022, target: 61.0, source: '市民意識調査' },
              { fiscalYear: 2023, target: 61.0 },
            ],
          },
          {
            key: 'kurashi',
            name: '外国人市民の生活環境の向上',
            unit: '%',
            baseline: { value: 79.7, fiscalYear: 2014, label: '79.7% (H26年度)' },
            midTerm: {
              target: 80,
              basis: 'by-year',
              fiscalYear: 2024,
              label: '80%以上 (R6年度)',
              revisions: [
                { fiscalYear: 2021, previous: { target: 75, basis: 'by-year', fiscalYear: 2023, label: '75%' }, reason: '目標を達成したため上方修正' },
                { reason: '年度不明の改訂', reviewer: '企画課' },
              ],
            },
            periods: [{ fiscalYear: 2021, target: { kind: 'none', note: '単年度目標設定なし' } }],
          },
          {
            key: 'soudan',
            name: '相談件数',
            unit: '件',
            better: 'lower',
            decimals: 0,
            baseline: { text: '現状把握のための調査継続', approx: true, from: 2014, to: 2018, calendar: true, label: '約 (H26～H30年)' },
            midTerm: { target: 60, basis: 'cumulative', fiscalYear: 2023, from: 2021, label: '累計60件 (R5年度)' },
            periods: [
              { fiscalYear: 2021, target: { kind: 'previous-year', base: 120, direction: 'decrease' }, actual: 100 },
              { fiscalYear: 2022, target: { kind: 'previous-year' }, actual: 0 },
              { fiscalYear: 2023, target: { kind: 'pending', note: 'R5年度設定予定' } },
              { fiscalYear: 2024, target: { kind: 'pending' } },
              { fiscalYear: 2025, target: { kind: 'none' } },
            ],
          },
          {
            key: 'rank',
            name: '住みよさランキング',
            unit: '位',
            midTerm: { target: { kind: 'rank', atMost: 10 }, basis: 'every-year', label: '10位以内 (毎年度)' },
            periods: [
              { fiscalYear: 2021, target: { kind: 'rank', atMost: 10, source: 'ランキング誌' }, actual: 12 },
              { fiscalYear: 2022, target: { kind: 'qualitative', text: 'A (計画どおり)' }, actual: { text: 'A (計画どおり)', achieved: true } },
              { fiscalYear: 2023, target: { kind: 'qualitative', text: 'ユネスコへの報告書作成' }, actual: { text: '未提出' } },
            ],
          },
          {
            key: 'span',
            name: 'イベント参加者数',
            unit: '',
            midTerm: { target: { kind: 'pending', note: '計画改定時に設定' }, label: '計画改定時に設定' },
            periods: [],
          },
          {
            key: 'spanned',
            name: '延べ参加者数',
            unit: '人',
            midTerm: { target: 3100, basis: 'span', from: 2021, to: 2023, calendar: false, label: '登録者数計3,100人 (R5年度)' },
          },
        ],
        evaluations: [
          { fiscalYear: 2021, grade: '順調', gradeReason: '', course: '継続', improvement: '【中期目標の変更内容】目標を上方修正' },
          { fiscalYear: 2022, audit: { by: '外部評価委員', note: '指摘なし' } },
        ],
        placements: [
          { policy: POLICY_A.code, no: 5, indicators: ['ninchido'] },
          {
            policy: POLICY_B.code,
            no: 7,
            indicators: ['kurashi', 'soudan'],
            summary: '日本語の不得手な外国人市民への…',
            sdgs: [],
            personnelCosts: [{ fiscalYear: 2023, amount: 13300, memo: '行ごと' }],
            evaluations: [{ fiscalYear: 2021, grade: '大変順調', course: '拡大', improvement: '' }],
            page: 3,
          },
          { policy: 'IV-4-(2)-①', no: 29, indicators: [], personnelCosts: [], evaluations: [] },
        ],
        owner: { name: '国際政策課長' },
      },
      {
        key: 'sdgs-empty',
        name: '空の一覧',
        division: '企画課',
        summary: '',
        sdgs: [],
        budgets: [],
        personnelCosts: [],
        indicators: [],
        evaluations: [],
        placements: [{ policy: POLICY_A.code, no: 6 }],
      },
      {
        key: 'bare',
        name: '最小の事業',
        division: '企画課',
        placements: [{ policy: POLICY_B.code, no: 8 }],
      },
    ],
    policyEvaluations: [
      { policy: POLICY_A.code, bureau: '企画調整局', fiscalYear: 2021, grade: '順調', improvement: '…' },
      { policy: POLICY_B.code, fiscalYear: 2021, improvement: '評価なしの本文', reviewed: false },
      { policy: POLICY_B.code, bureau: '', fiscalYear: 2022 },
    ],
    generator: { name: 'hand', version: 1 },
  };
}

// ---------------------------------------------------------------- arbitrary documents

// Text as people write it, Japanese included; never a character validation refuses (control
// characters but tab and line breaks: bounds.ts).
const anyText = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !hasForbiddenCharacter(s));
// Text a spreadsheet would read as a formula (ASCII and full-width starts) or as an escaped one,
// drawn often enough that every run of a round-trip property meets it.
const formulaLike = fc.tuple(fc.constantFrom(..."=+-@'＝＋－＠", "''", '\t'), anyText).map(([start, rest]) => start + rest);
const text = fc.oneof({ arbitrary: anyText, weight: 5 }, { arbitrary: formulaLike, weight: 1 });
const word = fc.string({ unit: fc.constantFrom(...'abcあい漢①-_ '), minLength: 1, maxLength: 6 });
const year = fc.integer({ min: 2010, max: 2030 });
const amount = fc.integer({ min: 0, max: 10_000_000 });
// A decimal as documents carry them, within the bounds validation holds numbers to (bounds.ts):
// up to 12 digits, up to 6 of them decimals; never -0, which has no JSON form of its own.
const decimal = fc
  .tuple(fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }), fc.integer({ min: 0, max: 6 }))
  .map(([digits, decimals]) => (digits === 0 ? 0 : digits / 10 ** decimals));
const jsonLeaf = fc.oneof(text, decimal, fc.boolean());
const jsonValue = fc.oneof(jsonLeaf, fc.array(jsonLeaf, { maxLength: 3 }), fc.dictionary(word, jsonLeaf, { maxKeys: 3 }));

/** Unknown fields: names no record of hyoka/1 uses, so they cannot shadow a known one. */
function withUnknown<T extends object>(record: fc.Arbitrary<T>): fc.Arbitrary<T> {
  const extra = fc.dictionary(fc.constantFrom('memo', 'メモ', 'x-source', 'reviewedBy', '__proto__'), jsonValue, { maxKeys: 2 });
  return fc.tuple(record, fc.option(extra, { nil: undefined })).map(([r, e]) => {
    if (!e) return r;
    for (const name of Object.keys(e)) {
      Object.defineProperty(r, name, { value: e[name], enumerable: true, writable: true, configurable: true });
    }
    return r;
  });
}

const optional = { requiredKeys: [] as never[] };

const target: fc.Arbitrary<Target> = fc.oneof(
  decimal,
  withUnknown(fc.record({ kind: fc.constant('previous-year' as const), base: decimal, direction: fc.constantFrom('increase' as const, 'decrease' as const) }, { requiredKeys: ['kind'] })),
  withUnknown(fc.record({ kind: fc.constant('rank' as const), atMost: fc.integer({ min: 1, max: 100 }) })),
  withUnknown(fc.record({ kind: fc.constant('qualitative' as const), text })),
  withUnknown(fc.record({ kind: fc.constant('none' as const), note: text }, { requiredKeys: ['kind'] })),
  withUnknown(fc.record({ kind: fc.constant('pending' as const), note: text }, { requiredKeys: ['kind'] })),
);
const actual: fc.Arbitrary<Actual> = fc.oneof(decimal, withUnknown(fc.record({ text, achieved: fc.boolean() }, { requiredKeys: ['text'] })));
const midTermCore = fc.record(
  { target, basis: fc.constantFrom('by-year' as const, 'every-year' as const, 'cumulative' as const, 'span' as const), fiscalYear: year, from: year, to: year, calendar: fc.boolean(), label: text },
  { requiredKeys: ['target'] },
);
const midTerm: fc.Arbitrary<MidTerm> = withUnknown(
  fc.tuple(midTermCore, fc.option(fc.array(withUnknown(fc.record({ fiscalYear: year, previous: withUnknown(midTermCore), reason: text }, { requiredKeys: ['reason'] })), { maxLength: 2 }), { nil: undefined })).map(
    ([core, revisions]) => (revisions ? { ...core, revisions } : core),
  ),
);
const baseline: fc.Arbitrary<Baseline> = withUnknown(
  fc.record({ value: decimal, text, approx: fc.boolean(), fiscalYear: year, from: year, to: year, calendar: fc.boolean(), label: text }, optional),
);
const period: fc.Arbitrary<Period> = withUnknown(fc.record({ fiscalYear: year, target, actual }, { requiredKeys: ['fiscalYear'] }));
const byYear = <T extends { fiscalYear: number }>(record: fc.Arbitrary<T>) =>
  fc.uniqueArray(record, { selector: (r) => r.fiscalYear, maxLength: 3 });
const money = withUnknown(fc.record({ fiscalYear: year, amount }));
const evaluation: fc.Arbitrary<Evaluation> = withUnknown(
  fc.record({ fiscalYear: year, grade: text, gradeReason: text, course: text, improvement: text }, { requiredKeys: ['fiscalYear'] }),
);
const sdgs = fc.uniqueArray(fc.integer({ min: 1, max: 17 }), { maxLength: 4 });
const indicator: fc.Arbitrary<Indicator> = withUnknown(
  fc.record(
    { key: word, name: text, unit: text, better: fc.constantFrom('higher' as const, 'lower' as const), decimals: fc.integer({ min: 0, max: 4 }), baseline, midTerm, periods: byYear(period) },
    { requiredKeys: ['key', 'name', 'unit'] },
  ),
);

function projectArbitrary(policyCodes: string[]): fc.Arbitrary<Project> {
  const placement: fc.Arbitrary<Placement> = withUnknown(
    fc.record(
      { policy: fc.constantFrom(...policyCodes), no: fc.integer({ min: 1, max: 60 }), summary: text, sdgs, personnelCosts: byYear(money), indicators: fc.array(word, { maxLength: 2 }), evaluations: byYear(evaluation) },
      { requiredKeys: ['policy', 'no'] },
    ),
  );
  return withUnknown(
    fc.record(
      {
        key: word,
        name: text,
        bureau: text,
        division: text,
        summary: text,
        sdgs,
        budgets: byYear(money),
        personnelCosts: byYear(money),
        indicators: fc.uniqueArray(indicator, { selector: (i) => i.key, maxLength: 3 }),
        evaluations: byYear(evaluation),
        placements: fc.uniqueArray(placement, { selector: (p) => `${p.policy} ${p.no}`, minLength: 1, maxLength: 3 }),
      },
      { requiredKeys: ['key', 'name', 'division', 'placements'] },
    ),
  );
}

/** Canonical hyoka/1 documents of every shape the store must keep (not checked against the domain's rules). */
export function documentArbitrary(): fc.Arbitrary<HyokaDocument> {
  const policy: fc.Arbitrary<Policy> = withUnknown(fc.record({ code: word, title: text }));
  return fc.uniqueArray(policy, { selector: (p) => p.code, minLength: 1, maxLength: 4 }).chain((policies) => {
    const codes = policies.map((p) => p.code);
    const policyEvaluation: fc.Arbitrary<PolicyEvaluation> = withUnknown(
      fc.record({ policy: fc.constantFrom(...codes), fiscalYear: year, bureau: word, grade: text, improvement: text }, { requiredKeys: ['policy', 'fiscalYear'] }),
    );
    return withUnknown(
      fc.record(
        {
          format: fc.constant('hyoka/1' as const),
          organization: withUnknown(fc.record({ name: text, code: word }, { requiredKeys: ['name'] })),
          plan: withUnknown(fc.record({ name: text })),
          settings: withUnknown(fc.record({ budgetFlatBand: decimal, rateDecimals: fc.integer({ min: 0, max: 4 }), grades: fc.array(text, { maxLength: 4 }) }, optional)),
          policies: fc.constant(policies),
          projects: fc.uniqueArray(projectArbitrary(codes), { selector: (p) => p.key, maxLength: 3 }),
          policyEvaluations: fc.uniqueArray(policyEvaluation, { selector: (e) => `${e.policy} ${e.bureau ?? ''} ${e.fiscalYear}`, maxLength: 3 }),
        },
        { requiredKeys: ['format', 'organization', 'policies', 'projects'] },
      ),
    ) as fc.Arbitrary<HyokaDocument>;
  }).map((doc) => structuredClone(doc)); // plain objects, as JSON.parse gives (fast-check also makes null-prototype ones)
}
