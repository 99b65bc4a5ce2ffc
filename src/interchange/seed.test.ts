// The demo document (data/kitakyushu.hyoka.json) against the published sheet it was curated from
// (../shared/seeds/000_cb69dd9f334613b8.txt). The tables below were copied from the seed's text
// by hand, independently of the JSON: names keep the text layer's stray spaces and are compared
// with all whitespace removed. compute() must reproduce every achievement rate and every
// 増額/維持/減額 the sheet prints, and its suggested grade the printed 事業評価 wherever
// domain.md says the rule reproduces it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Evaluation, HyokaDocument, Indicator, Placement, Project } from '../domain/model.js';
import { compute } from './compute.js';
import { validateDocument } from './validate.js';

const squash = (text: string) => text.replace(/\s+/g, '');
const printedNumber = (text: string) => Number(text.replace(/,/g, ''));

/** 施策番号・施策名 as printed; `(I)` read as `(1)`. */
const POLICIES: ReadonlyArray<readonly [string, string]> = [
  ['I-2-(1)-②', '大学などの教育研究機能の 充実'],
  ['I-2-(1)-④', 'シンクタンクを活用した調査・研究機能の強化'],
  ['I-2- (2)-③', 'アジア との架 け橋と なる人 材の育 成'],
  ['II-3- (3)-①', '多文化 共生社 会の実 現に向 けた体 制の構 築'],
  ['II-3- (3)-②', '外国人 市民の 生活環 境の充 実'],
  ['II-3- (3)-③', '市民の 国際理 解の推 進'],
  ['III-1- (1)-②', '定住促 進や地 域活性 化のた めの環 境づく り'],
  ['III-2-(1)-①', '近代化遺産などの文化財の保存・継承'],
  ['IV-4-(1)-①', '北九州の魅力づくり'],
  ['IV-4-(2)-①', '戦略的なシ ティプロモ ーションの展 開'],
  ['IV-4-(2)-②', '北九州を 応援する人 のネットワ ークによる 情報発信'],
  ['IV-4-(2)-③', '都市イメージの向上'],
  ['V-3-(2)-②', '公共施設の転活用などの検討'],
  ['V-3-(2)-③', '近代化遺産などの文化財の活用'],
  ['VII-1- (1)-①', '「東ア ジア経 済交流 推進機 構」事 業の推 進'],
  ['VII-1-(1)-②', '都市間 交流・ 連携の 推進'],
  ['VII-1-(2)-②', '文化・スポーツ交流の拡大'],
  ['VII-2-(2)-②', '海外の経済事務所の活用'],
  ['VII-2-(3)-②', '国際都市にふさわしいまちづくり'],
  ['VII-3- (1)-①', '県内周 辺市町 村との 広域連 携推進'],
  ['VII-3- (1)-②', '近隣主 要都市 との都 市間連 携'],
  ['VII-3- (2)-②', '九州各 地域な どとの 連携'],
];

interface PrintedRow {
  no: number;
  /** The row's policy; an empty cell on the sheet is the policy of the row above. */
  policy: string;
  project: string;
  division: string;
  sdgs: number[];
  /** R4年度, R5年度 予算額 (千円) and 事業費の増減 */
  budget: readonly [string, string, '増額' | '維持' | '減額'];
  personnelCost: string;
  grade: string;
  course: string;
}

const row = (
  no: number, policy: string, project: string, division: string, sdgs: number[],
  budget: PrintedRow['budget'], personnelCost: string, grade: string, course = '継続',
): PrintedRow => ({ no, policy, project, division, sdgs, budget, personnelCost, grade, course });

const UNIV = '公立大学法人北九州市立大学運営事業';
const TABUNKA = '多文化共生の 推進';
const ONE_STOP = '多文化共生ワ ンストップイ ンフォメー ションセン ター運営事業';
const FUKUGYO = '複業・兼業による関係人口づくり事業～北九州市と首都圏を結ぶ人材マッチング～';

const ROWS: readonly PrintedRow[] = [
  row(1, 'I-2-(1)-②', UNIV, '総務課', [4], ['2,665,000', '3,144,000', '増額'], '13,200', '順調'),
  row(2, 'I-2-(1)-④', UNIV, '総務課', [4], ['2,665,000', '3,144,000', '増額'], '13,200', '順調'),
  row(3, 'I-2-(1)-④', '(公財) アジ ア成長研究所 補助金', '国際 政策 課', [4, 7, 17], ['140,000', '140,000', '維持'], '4,650', '順調'),
  row(4, 'I-2-(2)-③', '公立大学法人 北九州市立大 学運営事業', '総務 課', [4, 9], ['2,665,000', '3,144,000', '増額'], '13,200', '順調'),
  row(5, 'II-3-(3)-①', TABUNKA, '国際 政策 課', [4, 10, 11, 17], ['42,803', '43,921', '維持'], '3,075', '順調'),
  row(6, 'II-3-(3)-②', '多文化共生ワ ンストップイ ンフォーメー ションセン ター運営事業', '国際 政策 課', [4, 10, 11, 17], ['24,715', '24,715', '維持'], '2,325', '順調'),
  row(7, 'II-3-(3)-②', TABUNKA, '国際 政策 課', [4, 10, 11, 17], ['42,803', '43,921', '維持'], '3,075', '順調'),
  row(8, 'II-3-(3)-②', ONE_STOP, '国際 政策 課', [4, 10, 11, 17], ['24,715', '24,715', '維持'], '2,325', '順調'),
  row(9, 'II-3-(3)-③', TABUNKA, '国際 政策 課', [4, 10, 11, 17], ['42,803', '43,921', '維持'], '3,075', '順調'),
  row(10, 'III-1-(1)-②', '定住・移住促 進事業', '企画 課', [3, 8, 11, 17], ['46,190', '44,090', '維持'], '30,750', '大変順調'),
  row(11, 'III-1-(1)-②', FUKUGYO, '東京事務所', [8, 11], ['9,000', '9,000', '維持'], '20,700', '順調'),
  row(12, 'III-2-(1)-①', '世界遺産維持活用保全事業', '総務課', [10], ['27,132', '26,245', '維持'], '5,800', '順調'),
  row(13, 'III-2-(1)-①', '世界遺産集客にぎわい創造事業', '総務課', [10], ['1,400', '1,280', '減額'], '5,800', '遅れ'),
  row(14, 'IV-4-(1)-①', '北九州市魅力発信事業', '企画課', [8], ['4,221', '3,799', '減額'], '8,700', '順調'),
  row(15, 'IV-4-(2)-①', '北九州市魅力 発信事業', '企画 課', [8], ['4,221', '3,799', '減額'], '8,700', '順調'),
  row(16, 'IV-4-(2)-②', '北九州市魅力 発信事業', '企画 課', [8], ['4,221', '3,799', '減額'], '8,700', '順調'),
  row(17, 'IV-4-(2)-②', '首都圏応援 ネットワーク 拡大事業', '東京 事務所', [8, 10], ['4,050', '3,645', '減額'], '4,900', '順調'),
  row(18, 'IV-4-(2)-②', 'ふるさと寄附 金促進事業', '企画 課', [3, 4, 5, 7, 8, 11, 17], ['1,110,000', '1,837,000', '増額'], '21,450', '大変 順調', '拡大'),
  row(19, 'IV-4-(2)-③', '情報発信・取材協力事業', '企画課', [8, 11], ['18,322', '16,490', '減額'], '20,950', 'やや遅れ'),
  row(20, 'V-3-(2)-②', '公共施設マネジメント推進事業', '都市マネジメント政策課', [8, 9, 11, 12], ['8,256', '7,434', '減額'], '54,000', '順調'),
  row(21, 'V-3-(2)-③', '世界遺産維持活用保全事業', '総務課', [11], ['27,132', '26,245', '維持'], '5,800', '順調'),
  row(22, 'V-3-(2)-③', '世界遺産集客 にぎわい創造 事業', '総務 課', [10], ['1,400', '1,280', '減額'], '5,800', '遅れ'),
  row(23, 'VII-1-(1)-①', '東アジア（環 黄海）経済交 流推進機構推 進事業', '国際 政策 課', [8, 16], ['4,871', '4,371', '減額'], '11,050', '順調'),
  row(24, 'VII-1-(1)-②', '国際交流事業', '国際 政策 課', [17], ['9,338', '8,401', '減額'], '14,950', '順調'),
  row(25, 'VII-1-(1)-②', 'ASEAN新都市 間連携促進事 業', '国際 政策 課', [17], ['3,960', '3,561', '減額'], '7,955', '遅れ'),
  row(26, 'VII-1-(1)-②', '海外とのネット ワーク強化 事業', '国際 政策 課', [17], ['4,700', '4,300', '減額'], '3,075', '大変 順調'),
  row(27, 'VII-1-(2)-②', '国際交流事業', '国際政策課', [10], ['9,338', '8,401', '減額'], '14,950', '順調'),
  row(28, 'VII-2-(2)-②', '中国ビジネスサポート拠点整備事業', '国際政策課', [8, 10], ['37,544', '35,544', '減額'], '3,075', '順調'),
  row(29, 'VII-2-(3)-②', '多文化共生の推進', '国際政策課', [4, 10, 11, 17], ['42,803', '43,921', '維持'], '3,075', '順調'),
  row(30, 'VII-2-(3)-②', ONE_STOP, '国際 政策 課', [4, 10, 11, 17], ['24,715', '24,715', '維持'], '2,325', '順調'),
  row(31, 'VII-3-(1)-①', '北九州都市圏 域連携事業', '総務 課', [8, 17], ['4,000', '2,820', '減額'], '17,400', 'やや 遅れ'),
  row(32, 'VII-3-(1)-②', '広域行政推進 事業', '総務 課', [11, 17], ['3,972', '4,011', '維持'], '13,300', '順調'),
  row(33, 'VII-3-(1)-②', '関門連携推進 事業', '総務 課', [8, 11, 17], ['2,000', '1,320', '減額'], '20,750', '順調'),
  row(34, 'VII-3-(2)-②', '広域行政推進 事業', '総務 課', [11, 17], ['3,972', '4,011', '維持'], '3,075', '大変 順調'),
];

/**
 * Every indicator each row shows, with its R3 達成率 as printed: a figure, '—', or '' where the
 * sheet prints no rate at all. No. 18's rates are given to the indicators they belong to
 * (the sheet prints them reversed).
 */
const INDICATORS: ReadonlyArray<readonly [number, string, string]> = [
  [1, '公立大学法人北九州市立大学評価委員会における各事業年度に係る業務に対する評価', '—'],
  [1, '公立大学法人北九州市立大学評価委員会における中期目標期間に係る業務に対する評価', '—'],
  [2, '公立大学法人北九州市立大学評価委員会における各事業年度に係る業務に対する評価', '—'],
  [2, '公立大学法人北九州市立大学評価委員会における中期目標期間に係る業務に対する評価', '—'],
  [3, '著名な学術雑誌へ の論文掲載数', '100.0'],
  [3, '科学研究費を含む 外部資金獲得数', '83.3'],
  [4, '公立大学法人北九 州市立大学評価委 員会における各事 業年度に係る業務 に対する評価', '—'],
  [4, '公立大学法人北九 州市立大学評価委 員会における中期 目標期間に係る業 務に対する評価', '—'],
  [5, '市民の「多文化共 生」という言葉の 認知度', '110.9'],
  [6, '外国人市民の生活 環境の向上 (多文化共生の現 状調査で暮らしや すいと回答)', '—'],
  [7, '外国人市民の生活 環境の向上 (多文化共生の現 状調査で暮らしや すいと回答)', '—'],
  [8, '外国人市民の生活 環境の向上 (多文化共生の現 状調査で暮らしや すいと回答)', '—'],
  [9, '市民の「多文化共 生」という言葉の 認知度', '110.9'],
  [10, '20歳代～30歳代の 社会動態の増加数', '362.0'],
  [11, '複業・兼業のマッチング件数', '100.0'],
  [11, 'KitaQサポーター登録者数', '109.7'],
  [11, '東京事務所における新規移住相談者数', '89.5'],
  [12, '登録資産の保全', '—'],
  [12, 'まつり起業祭等、地元の祭り等に出展', '100.0'],
  [13, 'バスツアーの参加者数', '0.0'],
  [14, '本市への愛着があると答えた（肯定的な回答をした）市民の割合', '92.3'],
  [14, '本市が好きだと答えた（肯定的な回答をした）市民の割合', '96.9'],
  [15, '本市への愛着があると答えた（肯定的な回答をした）市民の割合', '92.3'],
  [15, '本市が好きだと答えた（肯定的な回答をした）市民の割合', '96.9'],
  [16, '本市が好きだと答えた（肯定的な回答をした）市民の割合', '96.9'],
  [16, '本市への誇りや自信があると答えた（肯定的な回答をした）市民の割合', '73.6'],
  [16, '市外からの来訪者に対し、「北九州市の魅力がいくつ伝えられますか」との質問に対し、「1つ」以上あると答えた市民の割合', '91.7'],
  [17, 'KitaQサポーター 登録者数', '109.7'],
  [18, '寄附件数', '150.0'],
  [18, '寄附金額', '161.4'],
  [19, '北九州市の認知度 (地域ブランド調査によるもの)', '—'],
  [19, '北九州市の情報接触度 (地域ブランド調査によるもの)', '—'],
  [20, '公共施設保有量の縮減', '—'],
  [21, '登録資産の保全', '—'],
  [21, 'まつり起業祭等、地元の祭り等に出展', '100.0'],
  [22, 'バスツアーの参加 者数', '0.0'],
  [23, '会員都市間ネット ワークの活用によ る共同プロジェクト の件数', '50.0'],
  [23, '東アジア経済交流 推進機構における 会議数', '175.0'],
  [24, '姉妹・友好都市を 中心とした海外諸 都市との交流事業 参加者延べ人数', '90.9'],
  [25, 'アセアン諸国など アジアの新興国と の交流事業参加者 延べ人数', '38.0'],
  [26, '各種SNSによる発 信件数', '124.3'],
  [26, '各種SNSの閲覧件 数', '49,243.4'],
  [27, '姉妹・友好都市を中心とした海外諸都市との交流事業参加者延べ人数', '90.9'],
  [28, '海外事務所の本市地域企業への貢献度', '114.5'],
  [29, '市民の「多文化共生」という言葉の認知度', '110.9'],
  [30, '外国人市民の生活 環境の向上 (多文化共生の現 状調査で暮らしや すいと回答)', ''],
  [31, '北九州都市圏域内 の宿泊者数', ''],
  [32, '本市と下関市両市 の企画部門等で会 議を開催し、両市 の経済成長に繋 がる取組について 協議・検討', ''],
  [32, '本市と下関市両市 の行政間における 連携事業数', ''],
  [32, '本市と福岡市両市 の行政間における 連携事業数', ''],
  [33, '行政間における関門連携事業数', '100.0'],
  [33, '関門エリア（下関市・北九州市）の観光客・宿泊客による観光消費額', ''],
  [34, '連携事業の実施 (西九州軸での活動)', '100.0'],
  [34, '連携事業の実施 (東九州軸での活動)', '200.0'],
  [34, '四都市間にて市民 割引料金を適用す る市施設数（動物 園、美術館、博物 館など）', '100.0'],
];

/** domain.md: No. 32 prints no rate for 40/40 and 26/26; hyoka gives them 100.0. */
const UNPRINTED_RATES: ReadonlyArray<readonly [number, string, string]> = [
  [32, '本市と下関市両市の行政間における連携事業数', '100.0'],
  [32, '本市と福岡市両市の行政間における連携事業数', '100.0'],
];

/** Rows whose printed 事業評価 the suggestion reproduces (domain.md: every row with rates or a missed rank). */
const GRADE_REPRODUCED = [3, 5, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 24, 25, 26, 27, 28, 29, 32, 33, 34];

/** Indicators marked ※中期目標改訂, by row. */
const REVISED: ReadonlyArray<readonly [number, string]> = [
  [13, 'バスツアーの参加者数'],
  [22, 'バスツアーの参加者数'],
  [23, '会員都市間ネットワークの活用による共同プロジェクトの件数'],
  [25, 'アセアン諸国などアジアの新興国との交流事業参加者延べ人数'],
  [26, '各種SNSによる発信件数'],
  [26, '各種SNSの閲覧件数'],
];

/** 局施策評価 as printed: the policy and its grade ('' where the sheet prints text without one). */
const POLICY_GRADES: ReadonlyArray<readonly [string, string]> = [
  ['I-2-(1)-②', '順調'], ['I-2-(1)-④', '順調'], ['II-3-(3)-①', '順調'], ['II-3-(3)-②', '順調'],
  ['II-3-(3)-③', ''], ['III-1-(1)-②', ''], ['IV-4-(1)-①', '順調'], ['IV-4-(2)-①', '順調'],
  ['IV-4-(2)-②', '順調'], ['IV-4-(2)-③', 'やや遅れ'], ['V-3-(2)-②', '順調'], ['V-3-(2)-③', '順調'],
  ['VII-1-(1)-①', '順調'], ['VII-1-(1)-②', '順調'], ['VII-1-(2)-②', '順調'], ['VII-2-(2)-②', '順調'],
  ['VII-2-(3)-②', '順調'], ['VII-3-(1)-①', '順調'], ['VII-3-(1)-②', '順調'], ['VII-3-(2)-②', ''],
];

const normalCode = (code: string) => squash(code).replace('(I)', '(1)');

interface RowView {
  project: Project;
  placement: Placement;
  indicators: Indicator[];
  evaluation: Evaluation | undefined;
}

/** What one row of the sheet shows: a placement with its project's defaults filled in. */
function viewRow(doc: HyokaDocument, no: number): RowView {
  const found = doc.projects.flatMap((project) =>
    project.placements.filter((placement) => placement.no === no).map((placement) => ({ project, placement })),
  );
  expect(found, `row No. ${no}`).toHaveLength(1);
  const { project, placement } = found[0]!;
  const all = project.indicators ?? [];
  const indicators = placement.indicators ? all.filter((indicator) => placement.indicators!.includes(indicator.key)) : all;
  const ofYear = (list: Evaluation[] | undefined) => list?.find((evaluation) => evaluation.fiscalYear === 2021);
  const evaluation = placement.evaluations ? ofYear(placement.evaluations) : ofYear(project.evaluations);
  return { project, placement, indicators, evaluation };
}

function indicatorOf(view: RowView, printedName: string): Indicator {
  const matches = view.indicators.filter((indicator) => squash(indicator.name) === squash(printedName));
  expect(matches, `No. ${view.placement.no}: ${printedName}`).toHaveLength(1);
  return matches[0]!;
}

const text = readFileSync(new URL('../../data/kitakyushu.hyoka.json', import.meta.url), 'utf8');

describe('the demo document curated from the seed sheet', () => {
  const result = validateDocument(JSON.parse(text));

  it('is a valid hyoka/1 document with no unknown fields', () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.unknownFields).toEqual([]);
  });

  const doc = result.ok ? result.document : (JSON.parse(text) as HyokaDocument);
  const computed = compute(doc);

  it('holds every row No. 1–34 exactly once, 22 policies and 21 projects', () => {
    const numbers = doc.projects.flatMap((project) => project.placements.map((placement) => placement.no));
    expect(numbers.toSorted((a, b) => a - b)).toEqual(ROWS.map((printed) => printed.no));
    expect(doc.policies.map((policy) => [policy.code, squash(policy.title)])).toEqual(
      POLICIES.map(([code, title]) => [normalCode(code), squash(title)]),
    );
    expect(doc.projects).toHaveLength(21);
    expect(doc.organization).toEqual({ name: '北九州市', code: '401005' });
    expect(doc.settings).toBeUndefined();
  });

  it.each(ROWS)('row No. $no reads as printed', (printed) => {
    const view = viewRow(doc, printed.no);
    const lowest = Math.min(...view.project.placements.map((placement) => placement.no));
    expect(view.placement.policy).toBe(normalCode(printed.policy));
    if (lowest === printed.no) expect(squash(view.project.name)).toBe(squash(printed.project));
    expect(view.project.bureau).toBe('企画調整局');
    expect(view.project.division).toBe(squash(printed.division));
    expect(view.placement.sdgs ?? view.project.sdgs).toEqual(printed.sdgs);
    const costs = view.placement.personnelCosts ?? view.project.personnelCosts;
    expect(costs).toEqual([{ fiscalYear: 2023, amount: printedNumber(printed.personnelCost) }]);
    expect(view.evaluation).toMatchObject({ grade: squash(printed.grade), course: printed.course });
    expect(view.indicators.map((indicator) => squash(indicator.name)).toSorted()).toEqual(
      INDICATORS.filter(([no]) => no === printed.no).map(([, name]) => squash(name)).toSorted(),
    );
  });

  it.each(ROWS)('row No. $no: compute reproduces the printed budget change', ({ no, budget: [r4, r5, change] }) => {
    const budgets = viewRow(computed, no).project.budgets ?? [];
    expect(budgets.map(({ fiscalYear, amount }) => [fiscalYear, amount])).toEqual([
      [2022, printedNumber(r4)],
      [2023, printedNumber(r5)],
    ]);
    expect(budgets[1]!.change).toBe(change);
  });

  it.each(INDICATORS.filter(([, , rate]) => rate !== ''))(
    'row No. %i: compute reproduces the printed R3 rate of %s (%s)',
    (no, name, rate) => {
      const period = indicatorOf(viewRow(computed, no), name).periods?.find((p) => p.fiscalYear === 2021);
      expect(period).toBeDefined();
      expect(period!.achievementRate).toBe(rate === '—' ? null : printedNumber(rate));
    },
  );

  it.each(UNPRINTED_RATES)('row No. %i: %s gets the rate the sheet left out (%s)', (no, name, rate) => {
    const period = indicatorOf(viewRow(computed, no), name).periods?.find((p) => p.fiscalYear === 2021);
    expect(period?.achievementRate).toBe(printedNumber(rate));
  });

  it.each(ROWS)('row No. $no: the suggested grade matches the rule', (printed) => {
    const evaluation = viewRow(computed, printed.no).evaluation;
    const expected = GRADE_REPRODUCED.includes(printed.no) ? squash(printed.grade) : null;
    expect(evaluation?.suggestedGrade).toBe(expected);
  });

  it.each(REVISED)('row No. %i: %s records its ※中期目標改訂 with the stated reason', (no, name) => {
    const view = viewRow(doc, no);
    const revisions = indicatorOf(view, name).midTerm?.revisions ?? [];
    expect(revisions).toHaveLength(1);
    const improvements = view.project.placements
      .flatMap((placement) => placement.evaluations ?? [])
      .concat(view.project.evaluations ?? [])
      .map((evaluation) => evaluation.improvement ?? '');
    const reason = revisions[0]!.reason;
    expect(improvements.some((improvement) => improvement.includes(`【中期目標の変更内容】\n${reason}`))).toBe(true);
  });

  it('holds the 局施策評価 of every policy that has one, by 企画調整局 for FY2021', () => {
    const evaluations = doc.policyEvaluations ?? [];
    expect(evaluations.map((evaluation) => [evaluation.policy, evaluation.grade ?? ''])).toEqual(POLICY_GRADES);
    for (const evaluation of evaluations) {
      expect(evaluation).toMatchObject({ bureau: '企画調整局', fiscalYear: 2021 });
      expect(evaluation.improvement).toMatch(/\S/);
    }
  });

  it('keeps the PDF line wrapping out of every text and writes no computed field', () => {
    expect(text).not.toMatch(/achievementRate|achieved"\s*:\s*null|midTermProgress|suggestedGrade|"change"/);
    const strings: string[] = [];
    JSON.parse(text, (_key, value: unknown) => {
      if (typeof value === 'string') strings.push(value);
      return value;
    });
    for (const value of strings) {
      expect(value, value).not.toMatch(/^\s|\s$|\s\n|\n\s|[。、][ \u3000]/);
      expect(value, value).not.toMatch(/\d[ \u3000]+[\d,%人件本回]/);
    }
  });
});
