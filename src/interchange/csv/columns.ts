// The columns of the long-format CSV tables (one row per indicator period, one per budget
// year): one list that names each column in Japanese (the header) and English (the machine
// name, also accepted as a header and used as the JSON key), gives its type and unit, says
// what it holds, and whether import reads it. The writer, the reader and the open-data
// README and columns.json all read this list, so they cannot drift apart.

export type ColumnType = 'string' | 'integer' | 'number' | 'number-or-text' | 'code';

/**
 * key — identifies the record a row updates; input — read back on import; label — describes
 * the record, read only to build a document when there is no base; computed — written by
 * compute(), ignored on import.
 */
export type ColumnRole = 'key' | 'input' | 'label' | 'computed';

export interface Column {
  /** The English machine name: JSON key, and accepted as a header. */
  name: string;
  /** The Japanese header. */
  header: string;
  type: ColumnType;
  role: ColumnRole;
  /** 千円, %, or 指標の単位 (the indicator's unit, given in the 単位 column). */
  unit?: string;
  /** The words a cell may hold, Japanese first (the English machine value is accepted too). */
  values?: readonly (readonly [japanese: string, english: string])[];
  ja: string;
  en: string;
}

export const TARGET_KINDS = [
  ['数値', 'number'],
  ['前年度比', 'previous-year'],
  ['順位', 'rank'],
  ['定性', 'qualitative'],
  ['設定なし', 'none'],
  ['設定予定', 'pending'],
] as const;
export const ACTUAL_KINDS = [
  ['数値', 'number'],
  ['定性', 'qualitative'],
] as const;
export const BETTER = [
  ['高いほど良い', 'higher'],
  ['低いほど良い', 'lower'],
] as const;
export const DIRECTIONS = [
  ['増', 'increase'],
  ['減', 'decrease'],
] as const;
export const ACHIEVED = [
  ['達成', 'true'],
  ['未達成', 'false'],
] as const;
export const BUDGET_CHANGES = [
  ['増額', 'increase'],
  ['維持', 'flat'],
  ['減額', 'decrease'],
] as const;

const organization: Column[] = [
  { name: 'organizationCode', header: '全国地方公共団体コード', type: 'code', role: 'key', ja: '総務省の全国地方公共団体コード (6桁、検査数字付き)', en: "the organization's 6-digit local government code (with check digit)" },
  { name: 'organizationName', header: '地方公共団体名', type: 'string', role: 'label', ja: '団体名', en: 'name of the organization' },
];

const project: Column[] = [
  { name: 'projectKey', header: '事業キー', type: 'code', role: 'key', ja: '事業を識別するキー (hyoka の project.key)', en: 'the key that identifies the project (project.key)' },
  { name: 'projectName', header: '事業名', type: 'string', role: 'label', ja: '主な事業・取組の名称', en: 'name of the project' },
  { name: 'bureau', header: '局', type: 'string', role: 'label', ja: '所管する局', en: 'the bureau in charge' },
  { name: 'division', header: '所管課', type: 'string', role: 'label', ja: '所管する課', en: 'the division in charge' },
];

const fiscalYear: Column[] = [
  { name: 'fiscalYear', header: '年度', type: 'integer', role: 'key', ja: '年度 (西暦、4月始まりの年)。R3年度、令和3年度とも書けます', en: 'fiscal year, as the Western year it starts in (April); R3年度 or 令和3年度 are read too' },
  { name: 'fiscalYearEra', header: '年度(和暦)', type: 'string', role: 'key', ja: '年度の和暦表記 (令和3年度)。年度が空のときに読みます', en: 'the fiscal year in the Japanese era (令和3年度); read when 年度 is empty' },
];

/** One row per indicator period (成果指標の年度ごとの目標・実績). */
export const PERIOD_COLUMNS: readonly Column[] = [
  ...organization,
  ...project,
  { name: 'indicatorKey', header: '指標キー', type: 'code', role: 'key', ja: '事業の中で成果指標を識別するキー', en: 'the key of the indicator within its project' },
  { name: 'indicatorName', header: '指標名', type: 'string', role: 'label', ja: '成果指標の名称', en: 'name of the indicator' },
  { name: 'unit', header: '単位', type: 'string', role: 'label', ja: '目標と実績の単位 (%、人、件…)。空は単位なし', en: 'unit of targets and actuals (%, 人, 件…); empty for none' },
  { name: 'better', header: '良い方向', type: 'string', role: 'label', values: BETTER, ja: '値が高いほど良いか低いほど良いか', en: 'whether a higher or a lower value is better' },
  { name: 'decimals', header: '小数桁数', type: 'integer', role: 'label', ja: '表示する小数の桁数 (0–4)', en: 'decimals shown (0–4)' },
  { name: 'baseline', header: '現状値(基準値)', type: 'string', role: 'computed', ja: '現状値 (表示用の表記。取り込みでは読みません)', en: 'the baseline as printed (display only; not read on import)' },
  { name: 'midTerm', header: '中期目標', type: 'string', role: 'computed', ja: '中期目標 (表示用の表記。取り込みでは読みません)', en: 'the mid-term target as printed (display only; not read on import)' },
  ...fiscalYear,
  { name: 'targetKind', header: '目標の種類', type: 'string', role: 'input', values: TARGET_KINDS, ja: '目標の種類。空で目標があれば、目標の書き方から判断します', en: 'kind of target; when empty, the kind is read from how the target is written' },
  { name: 'target', header: '目標', type: 'number-or-text', role: 'input', unit: '指標の単位', ja: '数値目標は数値、定性目標は文、設定なし・設定予定は注記。空は目標なし (—)', en: 'a number for a number target, the text of a qualitative one, the note of none/pending; empty means no target (—)' },
  { name: 'targetBase', header: '目標の基準値', type: 'number', role: 'input', unit: '指標の単位', ja: '前年度比の目標で比べる値 (括弧内の数値)', en: "a previous-year target's base figure (the number in brackets)" },
  { name: 'targetDirection', header: '目標の方向', type: 'string', role: 'input', values: DIRECTIONS, ja: '前年度比の目標の増減。空は増', en: 'increase or decrease for a previous-year target; empty means increase' },
  { name: 'targetRank', header: '目標の順位', type: 'integer', role: 'input', unit: '位', ja: '順位の目標 (N位以内の N)', en: 'a rank target (N in N位以内)' },
  { name: 'actualKind', header: '実績の種類', type: 'string', role: 'input', values: ACTUAL_KINDS, ja: '実績が数値か文か。空なら目標の種類から判断します', en: 'whether the actual is a number or a text; when empty, judged from the target' },
  { name: 'actual', header: '実績', type: 'number-or-text', role: 'input', unit: '指標の単位', ja: '実績値 (定性目標では文)。空は実績なし', en: 'the actual (a text under a qualitative target); empty means none' },
  { name: 'actualAchieved', header: '実績の達成', type: 'string', role: 'input', values: ACHIEVED, ja: '定性の実績を達成としたか (担当課の判断)', en: 'whether a qualitative actual was judged achieved' },
  { name: 'achievementRate', header: '達成率', type: 'number', role: 'computed', unit: '%', ja: '達成率 (自動計算。取り込みでは読みません)', en: 'achievement rate (computed; not read on import)' },
  { name: 'achieved', header: '達成', type: 'string', role: 'computed', values: ACHIEVED, ja: '目標を達成したか (自動計算)', en: 'whether the target was met (computed)' },
  { name: 'midTermProgress', header: '中期目標進捗', type: 'number', role: 'computed', unit: '%', ja: '中期目標に対する進捗率 (自動計算)', en: 'progress toward the mid-term target (computed)' },
];

/** One row per project and budget year (予算額・人件費). */
export const BUDGET_COLUMNS: readonly Column[] = [
  ...organization,
  ...project,
  ...fiscalYear,
  { name: 'budget', header: '予算額(千円)', type: 'integer', role: 'input', unit: '千円', ja: 'その年度の予算額。空は予算なし', en: "the year's budget; empty means none" },
  { name: 'budgetChange', header: '事業費の増減', type: 'string', role: 'computed', values: BUDGET_CHANGES, ja: '前年度の予算額と比べた増減 (自動計算)', en: "change against the year before's budget (computed)" },
  { name: 'personnelCost', header: '人件費(目安)(千円)', type: 'integer', role: 'input', unit: '千円', ja: '事業全体の人件費の目安 (行ごとの人件費は含みません)。空はなし', en: "the project's estimated personnel cost (rows' own figures excluded); empty means none" },
];

export type Table = 'periods' | 'budgets';

/** A cell value as the writer gives it: numbers stay numbers (JSON), null for an empty cell. */
export type CellValue = string | number | null;
export type Row = Record<string, CellValue>;

/** The Japanese word for an English machine value, and back. */
export function japaneseOf(values: readonly (readonly [string, string])[], english: string): string {
  return values.find(([, en]) => en === english)?.[0] ?? english;
}
export function englishOf(values: readonly (readonly [string, string])[], word: string): string | undefined {
  const trimmed = word.trim();
  return values.find(([ja, en]) => ja === trimmed || en === trimmed)?.[1];
}
