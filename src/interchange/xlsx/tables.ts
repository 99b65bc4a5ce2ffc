// The data workbook's tables: one sheet and one Excel table per kind of record, each column
// with its Japanese header (what a clerk reads and the reader maps back) and a machine name
// (what the code uses). The mapping lives here, once, so writer and reader cannot drift.
// A column named after a value field of its record (record-fields.ts) holds that field as
// it is: writer and reader take those columns from here (plainColumns), by name.
import { RECORD_FIELDS, type RecordName } from '../record-fields.js';

/** How a column's cells are written and read back. */
export type ColumnKind =
  | 'text' // a string; a number typed by a clerk reads as its digits
  | 'number' // a number; a numeral string ("2,700人", "R3年度") is left to validation
  | 'integer' // a whole number read here (No., decimals)
  | 'json' // JSON text: value objects and unknown fields that have no plain columns
  | 'goals' // SDG goals: "4, 10, 17" (or ④ ⑩ ⑰); なし = an empty list
  | 'keys' // indicator keys: "ninchido, kurashi"; なし = an empty list
  | 'choice' // one of a list of labels (drop-down in the template)
  | 'computed'; // written for analysis, ignored on read (compute() fills it again)

export type ChoiceList = 'grades' | 'courses' | 'targetKinds' | 'better' | 'basis' | 'achieved' | 'own';

export interface ColumnSpec {
  name: string;
  header: string;
  kind: ColumnKind;
  width: number;
  choices?: ChoiceList;
  /** Excel number format (budgets: #,##0). */
  numFmt?: string;
}

export interface TableSpec {
  /** The sheet's name, also the place in problems (`事業!B4`). */
  sheet: string;
  /** The record of each row (none: the settings, one row per setting). */
  record?: RecordName;
  /** The Excel table's name (ASCII, unique in the workbook). */
  table: string;
  columns: ColumnSpec[];
}

const col = (name: string, header: string, kind: ColumnKind, width: number, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  header,
  kind,
  width,
  ...extra,
});
const EXTRA = col('extra', 'その他(JSON)', 'json', 18);
const AMOUNT = { numFmt: '#,##0' };

/** The sheet of settings: one row per setting (key, label, value). */
export const SETTINGS_TABLE: TableSpec = {
  sheet: '設定',
  table: 'Settings',
  columns: [col('key', 'キー', 'text', 26), col('label', '項目', 'text', 28), col('value', '値', 'number', 60)],
};

export const POLICIES_TABLE: TableSpec = {
  sheet: '施策',
  record: 'policy',
  table: 'Policies',
  columns: [col('code', '施策コード', 'text', 16), col('title', '施策名', 'text', 40), EXTRA],
};

export const PROJECTS_TABLE: TableSpec = {
  sheet: '事業',
  record: 'project',
  table: 'Projects',
  columns: [
    col('key', '事業キー', 'text', 14),
    col('name', '事業名', 'text', 36),
    col('bureau', '局', 'text', 14),
    col('division', '所管課', 'text', 14),
    col('summary', '事業概要', 'text', 50),
    col('sdgs', 'SDGs', 'goals', 12),
    EXTRA,
  ],
};

export const PLACEMENTS_TABLE: TableSpec = {
  sheet: '行',
  record: 'placement',
  table: 'Placements',
  columns: [
    col('project', '事業キー', 'text', 14),
    col('policy', '施策コード', 'text', 16),
    col('no', 'No.', 'integer', 6),
    col('summary', '事業概要(行)', 'text', 40),
    col('sdgs', 'SDGs(行)', 'goals', 12),
    col('indicators', '指標キー(行)', 'keys', 18),
    col('personnelCosts', '人件費(行)', 'choice', 12, { choices: 'own' }),
    col('evaluations', '事業評価(行)', 'choice', 12, { choices: 'own' }),
    EXTRA,
  ],
};

export const INDICATORS_TABLE: TableSpec = {
  sheet: '指標',
  record: 'indicator',
  table: 'Indicators',
  columns: [
    col('project', '事業キー', 'text', 14),
    col('key', '指標キー', 'text', 14),
    col('name', '指標名', 'text', 40),
    col('unit', '単位', 'text', 8),
    col('better', '向き', 'choice', 14, { choices: 'better' }),
    col('decimals', '小数桁数', 'integer', 8),
    col('baselineValue', '現状値', 'number', 10),
    col('baselineYear', '現状値の年度', 'number', 10),
    col('baselineLabel', '現状値の表記', 'text', 18),
    col('baseline', '現状値(JSON)', 'json', 18),
    col('midTermTarget', '中期目標', 'number', 10),
    col('midTermBasis', '中期目標の基準', 'choice', 12, { choices: 'basis' }),
    col('midTermYear', '中期目標の年度', 'number', 10),
    col('midTermLabel', '中期目標の表記', 'text', 18),
    col('midTerm', '中期目標(JSON)', 'json', 18),
    EXTRA,
  ],
};

export const PERIODS_TABLE: TableSpec = {
  sheet: '年度別',
  record: 'period',
  table: 'Periods',
  columns: [
    col('project', '事業キー', 'text', 14),
    col('indicator', '指標キー', 'text', 14),
    col('fiscalYear', '年度', 'number', 8),
    col('targetKind', '目標の種類', 'choice', 12, { choices: 'targetKinds' }),
    col('target', '目標', 'number', 16),
    col('actual', '実績', 'number', 16),
    col('achievedEntered', '達成(定性)', 'choice', 10, { choices: 'achieved' }),
    col('targetJson', '目標(JSON)', 'json', 14),
    col('actualJson', '実績(JSON)', 'json', 14),
    EXTRA,
    col('achievementRate', '達成率(自動計算)', 'computed', 12),
    col('achieved', '達成(自動計算)', 'computed', 10),
    col('midTermProgress', '中期目標の進捗(自動計算)', 'computed', 12),
  ],
};

export const BUDGETS_TABLE: TableSpec = {
  sheet: '予算',
  record: 'budget',
  table: 'Budgets',
  columns: [
    col('project', '事業キー', 'text', 14),
    col('fiscalYear', '年度', 'number', 8),
    col('amount', '予算額(千円)', 'number', 14, AMOUNT),
    EXTRA,
    col('change', '事業費の増減(自動計算)', 'computed', 12),
  ],
};

export const PERSONNEL_TABLE: TableSpec = {
  sheet: '人件費',
  record: 'personnelCost',
  table: 'PersonnelCosts',
  columns: [
    col('project', '事業キー', 'text', 14),
    col('no', 'No.(行ごとの場合)', 'integer', 10),
    col('fiscalYear', '年度', 'number', 8),
    col('amount', '人件費(千円)', 'number', 14, AMOUNT),
    EXTRA,
  ],
};

export const EVALUATIONS_TABLE: TableSpec = {
  sheet: '事業評価',
  record: 'evaluation',
  table: 'Evaluations',
  columns: [
    col('project', '事業キー', 'text', 14),
    col('no', 'No.(行ごとの場合)', 'integer', 10),
    col('fiscalYear', '年度', 'number', 8),
    col('grade', '評価', 'choice', 10, { choices: 'grades' }),
    col('gradeReason', '評価の理由', 'text', 24),
    col('course', '成果の方向性', 'choice', 10, { choices: 'courses' }),
    col('improvement', '強化・見直した内容', 'text', 50),
    EXTRA,
    col('suggestedGrade', '評価の目安(自動計算)', 'computed', 12),
  ],
};

export const POLICY_EVALUATIONS_TABLE: TableSpec = {
  sheet: '局施策評価',
  record: 'policyEvaluation',
  table: 'PolicyEvaluations',
  columns: [
    col('policy', '施策コード', 'text', 16),
    col('bureau', '局', 'text', 14),
    col('fiscalYear', '年度', 'number', 8),
    col('grade', '評価', 'choice', 10, { choices: 'grades' }),
    col('improvement', '強化・見直した内容', 'text', 50),
    EXTRA,
  ],
};

/**
 * The columns holding value fields of the table's record as they are — text, numbers, SDG
 * goals, indicator keys — in column order; `except` names those read and written otherwise
 * (a choice shown by its label, a value split over several columns).
 */
export function plainColumns(spec: TableSpec, except: readonly string[] = []): readonly ColumnSpec[] {
  const key = `${spec.table} ${except.join(' ')}`;
  let columns = plain.get(key);
  if (columns === undefined) {
    const values = new Set(spec.record ? RECORD_FIELDS[spec.record].values.map((value) => value.name) : []);
    columns = spec.columns.filter((column) => values.has(column.name) && column.kind !== 'json' && column.kind !== 'computed' && !except.includes(column.name));
    plain.set(key, columns);
  }
  return columns;
}

// Asked for every record written or read: worked out once per table.
const plain = new Map<string, readonly ColumnSpec[]>();

/** Every table, in the order of the workbook's sheets. */
export const TABLES: readonly TableSpec[] = [
  SETTINGS_TABLE,
  POLICIES_TABLE,
  PROJECTS_TABLE,
  PLACEMENTS_TABLE,
  INDICATORS_TABLE,
  PERIODS_TABLE,
  BUDGETS_TABLE,
  PERSONNEL_TABLE,
  EVALUATIONS_TABLE,
  POLICY_EVALUATIONS_TABLE,
];

/** Sheets a workbook may carry besides the tables (the template's), skipped on read. */
export const INSTRUCTIONS_SHEET = '記入方法';
export const CHOICES_SHEET = '選択肢';

/** 目標の種類: the target kinds as a clerk picks them. */
export const TARGET_KIND_LABELS = {
  number: '数値',
  increase: '前年度比増',
  decrease: '前年度比減',
  previousYear: '前年度比',
  rank: '順位',
  qualitative: '定性',
  none: '設定なし',
  pending: '設定予定',
} as const;

export const BETTER_LABELS = { higher: '高いほど良い', lower: '低いほど良い' } as const;
export const BASIS_LABELS = { 'by-year': '目標年度', 'every-year': '毎年度', cumulative: '累計', span: '期間' } as const;
export const ACHIEVED_LABELS = { yes: '達成', no: '未達成' } as const;
/**
 * The empty string as a cell holds it: Excel and LibreOffice drop an empty text cell when
 * they save, which would make `""` absent.
 */
export const EMPTY_STRING = '""';
/** In a list cell (SDGs, indicator keys) and in 人件費(行) / 事業評価(行): an empty list, not the project's. */
export const EMPTY_LIST = 'なし';
