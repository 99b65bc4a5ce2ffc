// The sheet as read line by line, before it becomes a hyoka/1 document: rows by No.,
// their indicators and their 事業評価 block, with the cell texts as printed (stray spaces
// and all) and the place each came from.
import type { Place } from './report.js';

/** The fiscal years the page headers name. */
export interface SheetYears {
  /** 目標 / 実績 columns: R3年度, R4年度, R5年度 → 2021, 2022, 2023. */
  periods: number[];
  /** 予算額 columns: R4年度, R5年度. */
  budgets: number[];
  /** 事業評価 / 局施策評価 of R3年度 results. */
  evaluation?: number;
}

export interface RawIndicator {
  place: Place;
  /** Despaced, without the ※中期目標改訂 mark; absent while a row printed header words in its place (No. 5–7). */
  name?: string;
  /** The name carried ※中期目標改訂. */
  revised: boolean;
  baseline?: string;
  /** By position in the header's period years; undefined = a blank cell (no period). */
  targets: (string | undefined)[];
  /** One target printed after the R3 cells with no column to say whose year it is (No. 17, 23). */
  loneTarget?: string;
  midTerm?: string;
  actual?: string;
  /** The 達成率 as printed (checked against compute, never stored). */
  rate?: string;
}

export interface RawBlock {
  place: Place;
  course?: string;
  budgets: number[];
  change?: '増額' | '維持' | '減額';
  personnelCost?: number;
  grade?: string;
  improvement?: string;
  policyGrade?: string;
  policyText?: string;
}

export interface RawRow {
  no: number;
  place: Place;
  policyCode?: string;
  policyTitle?: string;
  /** The policy cell was empty: the code is the row above's. */
  policyInherited?: boolean;
  sdgs?: number[];
  name: string;
  division?: string;
  summary?: string;
  /** The summary cell as printed, stray spaces and all. */
  summaryPrinted?: string;
  indicators: RawIndicator[];
  block?: RawBlock;
}

export interface RawSheet {
  years?: SheetYears;
  rows: RawRow[];
}
