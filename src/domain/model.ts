// The hyoka/1 document in canonical form: what validation returns and what the store
// holds (numbers as numbers, fiscal years as Western start years). The field names are
// those of ../shared/docs/interchange.md; every record keeps unknown fields as written
// (`Extra`), so they survive import, export and compute unchanged.

/** Unknown fields of a record, kept as written. */
export type Extra = { [unknownField: string]: unknown };

export type Better = 'higher' | 'lower';

/** 目標: a number, or one of the non-numeric kinds. Absent means "no target" (the sheet's —). */
export type Target =
  | number
  | PreviousYearTarget
  | RankTarget
  | QualitativeTarget
  | NoneTarget
  | PendingTarget;

/** 前年度比 (base) 増|減 */
export interface PreviousYearTarget extends Extra {
  kind: 'previous-year';
  base?: number;
  direction?: 'increase' | 'decrease';
}
/** N位以内 */
export interface RankTarget extends Extra {
  kind: 'rank';
  atMost: number;
}
/** A (計画どおり), ユネスコへの報告書作成, 約20%削減 … */
export interface QualitativeTarget extends Extra {
  kind: 'qualitative';
  text: string;
}
/** 単年度目標設定なし */
export interface NoneTarget extends Extra {
  kind: 'none';
  note?: string;
}
/** …時に設定, …設定予定 */
export interface PendingTarget extends Extra {
  kind: 'pending';
  note?: string;
}

/** 実績: a number, or a text under a qualitative target. */
export type Actual = number | QualitativeActual;
export interface QualitativeActual extends Extra {
  text: string;
  achieved?: boolean;
}

export type MidTermBasis = 'by-year' | 'every-year' | 'cumulative' | 'span';

/** 中期目標 without its revisions (also the shape of a revision's `previous`). */
export interface MidTermCore extends Extra {
  target: Target;
  basis?: MidTermBasis;
  fiscalYear?: number;
  from?: number;
  to?: number;
  calendar?: boolean;
  label?: string;
}
/** ※中期目標改訂 with 【中期目標の変更内容】 */
export interface MidTermRevision extends Extra {
  fiscalYear?: number;
  previous?: MidTermCore;
  reason: string;
}
export interface MidTerm extends MidTermCore {
  revisions?: MidTermRevision[];
}

/** 現状値(基準値) */
export interface Baseline extends Extra {
  value?: number;
  text?: string;
  approx?: boolean;
  fiscalYear?: number;
  from?: number;
  to?: number;
  calendar?: boolean;
  label?: string;
}

/** One fiscal year of an indicator; the last three fields are compute()'s. */
export interface Period extends Extra {
  fiscalYear: number;
  target?: Target;
  actual?: Actual;
  achievementRate?: number | null;
  achieved?: boolean | null;
  midTermProgress?: number | null;
}

/** 成果指標 */
export interface Indicator extends Extra {
  key: string;
  name: string;
  unit: string;
  better?: Better;
  decimals?: number;
  baseline?: Baseline;
  midTerm?: MidTerm;
  periods?: Period[];
}

/** 予算額 (thousand yen); `change` (事業費の増減) is compute()'s. */
export interface Budget extends Extra {
  fiscalYear: number;
  amount: number;
  change?: BudgetChange | null;
}
export type BudgetChange = '増額' | '維持' | '減額';

/** 人件費(目安) (thousand yen) */
export interface PersonnelCost extends Extra {
  fiscalYear: number;
  amount: number;
}

/** 事業評価 of one fiscal year's results; `suggestedGrade` is compute()'s. */
export interface Evaluation extends Extra {
  fiscalYear: number;
  grade?: string;
  gradeReason?: string;
  course?: string;
  improvement?: string;
  suggestedGrade?: string | null;
}

/** One row of the sheet (No.): the project placed under a policy. Absent = the project's. */
export interface Placement extends Extra {
  policy: string;
  no: number;
  summary?: string;
  sdgs?: number[];
  personnelCosts?: PersonnelCost[];
  indicators?: string[];
  evaluations?: Evaluation[];
}

/** 主な事業・取組 */
export interface Project extends Extra {
  key: string;
  name: string;
  bureau?: string;
  division: string;
  summary?: string;
  sdgs?: number[];
  budgets?: Budget[];
  personnelCosts?: PersonnelCost[];
  indicators?: Indicator[];
  evaluations?: Evaluation[];
  placements: Placement[];
}

/** 施策 */
export interface Policy extends Extra {
  code: string;
  title: string;
}

/** 局施策評価 */
export interface PolicyEvaluation extends Extra {
  policy: string;
  fiscalYear: number;
  bureau?: string;
  grade?: string;
  improvement?: string;
}

export interface Organization extends Extra {
  name: string;
  code?: string;
}

/** Overrides of the default profile, stored exactly as written. */
export interface Settings extends Extra {
  grades?: string[];
  gradeBands?: number[];
  courses?: string[];
  budgetFlatBand?: number;
  rateDecimals?: number;
  /** The review stages of a cycle (workflow.md): draft, submitted, [reviewed,] approved. */
  stages?: ('draft' | 'submitted' | 'reviewed' | 'approved')[];
}

export interface HyokaDocument extends Extra {
  format: 'hyoka/1';
  organization: Organization;
  plan?: { name: string } & Extra;
  settings?: Settings;
  policies: Policy[];
  projects: Project[];
  policyEvaluations?: PolicyEvaluation[];
}
