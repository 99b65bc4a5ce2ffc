// Documents for the validation tests: a canonical one taken from the seed sheet (rows of
// 北九州市's PDCA sheet, values as printed), and a fast-check generator of valid canonical
// documents of any shape the rules allow.
import fc from 'fast-check';
import type { Evaluation, HyokaDocument, Indicator, MidTerm, Period, Project, Settings, Target } from '../domain/model.js';
import { defaultProfile } from '../domain/profile.js';
import type { Problem } from './messages.js';
import { validateDocument } from './validate.js';

/** A fresh copy each call, so a test may change it. */
export function seedDocument(): HyokaDocument {
  return {
    format: 'hyoka/1',
    organization: { name: '北九州市', code: '401005' },
    plan: { name: '北九州市基本構想・基本計画' },
    settings: { budgetFlatBand: 5 },
    policies: [
      { code: 'I-2-(1)-②', title: '大学などの教育研究機能の充実' },
      { code: 'II-3-(3)-①', title: '多文化共生社会の実現に向けた体制の構築' },
      { code: 'II-3-(3)-②', title: '外国人市民の生活環境の充実' },
      { code: 'III-1-(1)-②', title: '定住促進や地域活性化のための環境づくり' },
      { code: 'IV-4-(2)-②', title: '北九州を応援する人のネットワークによる情報発信' },
      { code: 'IV-4-(2)-③', title: '都市イメージの向上' },
      { code: 'VII-1-(1)-②', title: '都市間交流・連携の推進' },
      { code: 'VII-3-(1)-①', title: '県内周辺市町村との広域連携推進' },
    ],
    projects: [
      {
        key: 'daigaku',
        name: '公立大学法人北九州市立大学運営事業',
        bureau: '企画調整局',
        division: '総務課',
        sdgs: [4],
        budgets: [
          { fiscalYear: 2022, amount: 2665000 },
          { fiscalYear: 2023, amount: 3144000 },
        ],
        personnelCosts: [{ fiscalYear: 2023, amount: 13200 }],
        indicators: [
          {
            key: 'nendo',
            name: '公立大学法人北九州市立大学評価委員会における各事業年度に係る業務に対する評価',
            unit: '',
            midTerm: { target: { kind: 'qualitative', text: 'A' }, basis: 'every-year', label: 'A (毎年度)' },
            periods: [
              { fiscalYear: 2021, target: { kind: 'qualitative', text: 'A (計画どおり)' }, actual: { text: 'A (計画どおり)', achieved: true } },
              { fiscalYear: 2022, target: { kind: 'qualitative', text: 'A (計画どおり)' } },
            ],
          },
          {
            key: 'chuki',
            name: '公立大学法人北九州市立大学評価委員会における中期目標期間に係る業務に対する評価',
            unit: '',
            midTerm: { target: { kind: 'qualitative', text: 'A' }, basis: 'by-year', fiscalYear: 2024, label: 'A (R6年度)' },
            periods: [{ fiscalYear: 2021, target: { kind: 'none', note: '単年度目標設定なし' } }],
          },
        ],
        evaluations: [{ fiscalYear: 2021, grade: '順調', course: '継続', improvement: '第四期中期計画の実施に向け…' }],
        placements: [{ policy: 'I-2-(1)-②', no: 1, summary: '公立大学法人の設立団体として…' }],
      },
      {
        key: 'tabunka',
        name: '多文化共生の推進',
        bureau: '企画調整局',
        division: '国際政策課',
        summary: '外国人市民が安心して暮らすことができる…',
        sdgs: [4, 10, 11, 17],
        budgets: [
          { fiscalYear: 2022, amount: 42803 },
          { fiscalYear: 2023, amount: 43921 },
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
              { fiscalYear: 2021, target: 54, actual: 59.9 },
              { fiscalYear: 2022, target: 61 },
              { fiscalYear: 2023, target: 61 },
            ],
          },
          {
            key: 'kurashi',
            name: '外国人市民の生活環境の向上（多文化共生の現状調査で暮らしやすいと回答）',
            unit: '%',
            baseline: { value: 79.7, fiscalYear: 2014, label: '79.7% (H26年度)' },
            midTerm: { target: 80, basis: 'by-year', fiscalYear: 2024, label: '80%以上 (R6年度)' },
            periods: [{ fiscalYear: 2021, target: { kind: 'none', note: '単年度目標設定なし' } }],
          },
        ],
        evaluations: [{ fiscalYear: 2021, grade: '順調', course: '継続' }],
        placements: [
          { policy: 'II-3-(3)-①', no: 5, indicators: ['ninchido'] },
          { policy: 'II-3-(3)-②', no: 7, indicators: ['kurashi'], summary: '日本語の不得手な外国人市民への…' },
        ],
      },
      {
        key: 'teiju',
        name: '定住・移住促進事業',
        bureau: '企画調整局',
        division: '企画課',
        sdgs: [3, 8, 11, 17],
        budgets: [
          { fiscalYear: 2022, amount: 46190 },
          { fiscalYear: 2023, amount: 44090 },
        ],
        indicators: [
          {
            key: 'shakai',
            name: '20歳代～30歳代の社会動態の増加数',
            unit: '人',
            baseline: { value: 0, fiscalYear: 2019, calendar: true, label: '0人 (R1年)' },
            midTerm: { target: 450, basis: 'span', from: 2021, to: 2023, calendar: true, label: '450人 (R3～R5年)' },
            periods: [{ fiscalYear: 2021, target: 100, actual: 362 }],
          },
        ],
        evaluations: [{ fiscalYear: 2021, grade: '大変順調', course: '継続' }],
        placements: [{ policy: 'III-1-(1)-②', no: 10 }],
      },
      {
        key: 'furusato',
        name: 'ふるさと寄附金促進事業',
        bureau: '企画調整局',
        division: '企画課',
        budgets: [
          { fiscalYear: 2022, amount: 1110000 },
          { fiscalYear: 2023, amount: 1837000 },
        ],
        indicators: [
          {
            key: 'kensu',
            name: '寄附件数',
            unit: '件',
            baseline: { value: 46, fiscalYear: 2012, label: '46件 (H24年度)' },
            periods: [
              { fiscalYear: 2021, target: { kind: 'previous-year', base: 64616 }, actual: 96953 },
              { fiscalYear: 2022, target: { kind: 'previous-year' } },
            ],
          },
          {
            key: 'kingaku',
            name: '寄附金額',
            unit: '万円',
            baseline: { value: 450, approx: true, fiscalYear: 2012, label: '約450万円 (H24年度)' },
            periods: [{ fiscalYear: 2021, target: { kind: 'previous-year', base: 112654, direction: 'increase' }, actual: 181809 }],
          },
        ],
        evaluations: [{ fiscalYear: 2021, grade: '大変順調', course: '拡大' }],
        placements: [{ policy: 'IV-4-(2)-②', no: 18 }],
      },
      {
        key: 'joho',
        name: '情報発信・取材協力事業',
        bureau: '企画調整局',
        division: '企画課',
        indicators: [
          {
            key: 'ninchi',
            name: '北九州市の認知度 (地域ブランド調査によるもの)',
            unit: '位',
            better: 'lower',
            midTerm: { target: { kind: 'rank', atMost: 10 }, basis: 'every-year', label: '10位以内 (毎年度)' },
            periods: [{ fiscalYear: 2021, target: { kind: 'rank', atMost: 10 }, actual: 17 }],
          },
        ],
        evaluations: [{ fiscalYear: 2021, grade: 'やや遅れ', course: '継続' }],
        placements: [{ policy: 'IV-4-(2)-③', no: 19 }],
      },
      {
        key: 'network',
        name: '海外とのネットワーク強化事業',
        bureau: '企画調整局',
        division: '国際政策課',
        indicators: [
          {
            key: 'etsuran',
            name: '各種SNSの閲覧件数',
            unit: '件',
            midTerm: {
              target: 1500000,
              basis: 'by-year',
              fiscalYear: 2023,
              label: '1,500,000件 (R5年度)',
              revisions: [{ fiscalYear: 2022, reason: '令和4年度の実績をベースに数値目標を変更している。' }],
            },
            periods: [{ fiscalYear: 2021, target: 15000, actual: 7386517 }],
          },
        ],
        evaluations: [{ fiscalYear: 2021, grade: '大変順調', course: '継続' }],
        placements: [{ policy: 'VII-1-(1)-②', no: 26 }],
      },
      {
        key: 'toshiken',
        name: '北九州都市圏域連携事業',
        bureau: '企画調整局',
        division: '総務課',
        indicators: [
          {
            key: 'shukuhaku',
            name: '北九州都市圏域内の宿泊者数',
            unit: '人',
            baseline: { value: 1774000, fiscalYear: 2015, calendar: true, label: '177.4万人 (H27年)' },
            midTerm: { target: { kind: 'pending', note: '現観光振興プランの数値を踏まえ、令和5年度中に設定予定' } },
            periods: [{ fiscalYear: 2021, target: { kind: 'pending', note: '現観光振興プラン更新時に設定' } }],
          },
        ],
        evaluations: [{ fiscalYear: 2021, grade: 'やや遅れ', course: '継続' }],
        placements: [{ policy: 'VII-3-(1)-①', no: 31 }],
      },
    ],
    policyEvaluations: [
      { policy: 'II-3-(3)-①', bureau: '企画調整局', fiscalYear: 2021, grade: '順調', improvement: '外国人市民が日本で生活する上での課題や…' },
      { policy: 'IV-4-(2)-③', bureau: '企画調整局', fiscalYear: 2021, grade: 'やや遅れ' },
    ],
  };
}

/** A document being broken on purpose, into shapes the types forbid. */
// biome-ignore lint/suspicious/noExplicitAny: see above
export type Loose = any;

/** The problems of the seed document after `change`. */
export function problemsAfter(change: (doc: Loose) => void): Problem[] {
  const doc: Loose = seedDocument();
  change(doc);
  const result = validateDocument(doc);
  return result.ok ? [] : result.problems;
}

/** The validated seed document after `change`, which must leave it valid. */
export function documentAfter(change: (doc: Loose) => void): HyokaDocument {
  const doc: Loose = seedDocument();
  change(doc);
  const result = validateDocument(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.document;
}

// ---- A generator of valid canonical documents --------------------------------------

const UNITS = ['', '%', '件', '人', '万円', '千円', '事業'] as const;
const year = fc.integer({ min: 2000, max: 2040 });
const text = fc.string({ maxLength: 8 });
/** Decimals as people write them (≤ 15 significant digits), never -0. */
export const decimal = fc
  .tuple(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: 0, max: 3 }))
  .map(([m, places]) => Number(`${m}e-${places}`))
  .filter((n) => !Object.is(n, -0));
const amount = fc.integer({ min: 0, max: 99_999_999 });
/** Fields hyoka/1 does not define, to check they are kept and listed. */
const extra = fc.option(fc.record({ 備考: text }, { noNullPrototype: true }), { nil: undefined });
const withExtra = <T extends object>(record: T, more: object | undefined): T => (more ? { ...record, ...more } : record);

const target: fc.Arbitrary<Target> = fc.oneof(
  decimal,
  fc.record({ kind: fc.constant('previous-year' as const), base: decimal, direction: fc.constantFrom('increase' as const, 'decrease' as const) }, { requiredKeys: ['kind'], noNullPrototype: true }),
  fc.record({ kind: fc.constant('rank' as const), atMost: fc.integer({ min: 1, max: 100 }) }, { noNullPrototype: true }),
  fc.record({ kind: fc.constant('qualitative' as const), text }, { noNullPrototype: true }),
  fc.record({ kind: fc.constantFrom('none' as const, 'pending' as const), note: text }, { requiredKeys: ['kind'], noNullPrototype: true }),
);

const period = (fiscalYear: number): fc.Arbitrary<Period> =>
  fc.tuple(fc.option(target, { nil: undefined }), fc.option(fc.oneof(decimal, fc.record({ text, achieved: fc.boolean() }, { requiredKeys: ['text'], noNullPrototype: true })), { nil: undefined }), extra).map(([t, a, more]) => {
    const p: Period = { fiscalYear };
    if (t !== undefined) p.target = t;
    const numeric = typeof t === 'number' || (typeof t === 'object' && (t.kind === 'previous-year' || t.kind === 'rank'));
    if (a !== undefined && !(numeric && typeof a === 'object')) p.actual = a;
    return withExtra(p, more);
  });

const midTermCore: fc.Arbitrary<MidTerm> = fc.oneof(
  fc.tuple(target, fc.constantFrom('by-year' as const, 'cumulative' as const), year).map(([t, basis, fy]): MidTerm => ({ target: t, basis, fiscalYear: fy })),
  target.map((t): MidTerm => ({ target: t, basis: 'every-year', label: 'A (毎年度)' })),
  fc.tuple(target, year, fc.nat(5), fc.boolean()).map(([t, from, n, calendar]): MidTerm => ({ target: t, basis: 'span', from, to: from + n, ...(calendar ? { calendar } : {}) })),
  text.map((note): MidTerm => ({ target: { kind: 'pending', note } })),
);
const midTerm: fc.Arbitrary<MidTerm> = fc
  .tuple(midTermCore, fc.array(fc.record({ fiscalYear: year, previous: midTermCore, reason: text }, { requiredKeys: ['reason'], noNullPrototype: true }), { maxLength: 2 }))
  .map(([core, revisions]) => (revisions.length > 0 ? { ...core, revisions } : core));

const indicator = (key: string): fc.Arbitrary<Indicator> =>
  fc
    .tuple(
      fc.constantFrom(...UNITS),
      fc.record(
        { better: fc.constantFrom('higher' as const, 'lower' as const), decimals: fc.integer({ min: 0, max: 4 }), midTerm },
        { requiredKeys: [], noNullPrototype: true },
      ),
      fc.option(fc.record({ value: decimal, approx: fc.constant(true), fiscalYear: year, label: text }, { requiredKeys: ['value'], noNullPrototype: true }), { nil: undefined }),
      fc.uniqueArray(year, { maxLength: 4 }).chain((years) => fc.tuple(...years.map(period))),
      extra,
    )
    .map(([unit, options, baseline, periods, more]) => {
      const i: Indicator = { key, name: `指標${key}`, unit, ...options, periods };
      if (baseline) i.baseline = baseline;
      return withExtra(i, more);
    });

const evaluations = (settings: Settings | undefined): fc.Arbitrary<Evaluation[]> => {
  const grades = settings?.grades ?? defaultProfile.grades;
  const courses = settings?.courses ?? defaultProfile.courses;
  return fc
    .uniqueArray(year, { maxLength: 2 })
    .chain((years) =>
      fc.tuple(
        ...years.map((fy) =>
          fc.record({ fiscalYear: fc.constant(fy), grade: fc.constantFrom(...grades), course: fc.constantFrom(...courses), improvement: text }, { requiredKeys: ['fiscalYear'], noNullPrototype: true }),
        ),
      ),
    );
};

const settings: fc.Arbitrary<Settings | undefined> = fc.option(
  fc.oneof(
    fc.record({ budgetFlatBand: fc.integer({ min: 0, max: 20 }), rateDecimals: fc.integer({ min: 0, max: 4 }) }, { requiredKeys: [], noNullPrototype: true }),
    fc.constant<Settings>({ grades: ['S', 'A', 'B', 'C', 'D'], gradeBands: [150, 110, 90, 50], courses: ['継続', '廃止'] }),
  ),
  { nil: undefined },
);

/** A valid canonical document: unique keys and years, references that resolve, labels from the profile. */
export const validDocument: fc.Arbitrary<HyokaDocument> = fc
  .tuple(settings, fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 4 }))
  .chain(([s, codes, projectCount]) => {
    const project = (index: number): fc.Arbitrary<Project> =>
      fc
        .tuple(
          fc.integer({ min: 0, max: 3 }),
          fc.constantFrom(undefined, '企画調整局', '総務局'),
          fc.uniqueArray(fc.integer({ min: 1, max: 17 }), { maxLength: 4 }),
          fc.uniqueArray(year, { maxLength: 3 }).chain((ys) => fc.tuple(...ys.map((fy) => amount.map((a) => ({ fiscalYear: fy, amount: a }))))),
          evaluations(s),
          fc.array(fc.record({ policy: fc.constantFrom(...codes), summary: text, evaluations: evaluations(s) }, { requiredKeys: ['policy'], noNullPrototype: true }), { minLength: 1, maxLength: 2 }),
          extra,
        )
        .chain(([indicatorCount, bureau, sdgs, budgets, evals, rows, more]) =>
          fc.tuple(...Array.from({ length: indicatorCount }, (_, k) => indicator(`i${k}`))).map((indicators) => {
            const p: Project = {
              key: `p${index}`,
              name: `事業${index}`,
              division: '企画課',
              sdgs,
              budgets,
              personnelCosts: budgets.slice(0, 1).map((b) => ({ ...b })),
              indicators,
              evaluations: evals,
              // Row numbers distinct across the document whatever the bureaus.
              placements: rows.map((row, r) => ({ ...row, no: index * 10 + r + 1, indicators: indicators.slice(0, 1).map((i) => i.key) })),
            };
            if (bureau !== undefined) p.bureau = bureau;
            return withExtra(p, more);
          }),
        );
    return fc.tuple(...Array.from({ length: projectCount }, (_, i) => project(i))).map((projects): HyokaDocument => {
      const doc: HyokaDocument = {
        format: 'hyoka/1',
        organization: { name: '生成市' },
        policies: codes.map((code) => ({ code, title: `施策${code}` })),
        projects,
        policyEvaluations: codes.slice(0, 2).map((policy) => ({ policy, fiscalYear: 2021, grade: (s?.grades ?? defaultProfile.grades)[0] as string })),
      };
      if (s) doc.settings = s;
      return doc;
    });
  });
