// What the browser tests expect the pages to show, read from the demo document itself
// (data/kitakyushu.hyoka.json) rather than written into the tests: the walk checks the pages
// against the data, not against a copy of what they printed once.
import { readFileSync } from 'node:fs';
import { DEMO_DOCUMENT } from '../../src/services/demo.js';

interface Amount { fiscalYear: number; amount: number }
interface Evaluation { fiscalYear: number; grade?: string; course?: string }
interface Placement { policy: string; no: number; evaluations?: Evaluation[] }
interface Period { fiscalYear: number; target?: unknown; actual?: unknown }
interface Indicator { key: string; name: string; periods?: Period[] }
interface Project {
  key: string;
  name: string;
  bureau?: string;
  division: string;
  summary?: string;
  budgets?: Amount[];
  personnelCosts?: Amount[];
  indicators?: Indicator[];
  evaluations?: Evaluation[];
  placements: Placement[];
}
interface Demo {
  policies: { code: string; title: string }[];
  projects: Project[];
  policyEvaluations?: { policy: string; bureau?: string; fiscalYear: number; grade?: string }[];
}

export const demo = JSON.parse(readFileSync(DEMO_DOCUMENT, 'utf8')) as Demo;

/** The year the demo sheet evaluates (its evaluations are all of one year). */
export const EVALUATED_YEAR = 2021;

export function project(key: string): Project {
  const found = demo.projects.find((p) => p.key === key);
  if (!found) throw new Error(`the demo has no project ${key}`);
  return found;
}

/** The project and placement of sheet row `no`. */
export function row(no: number): { project: Project; placement: Placement } {
  for (const p of demo.projects) {
    const placement = p.placements.find((pl) => pl.no === no);
    if (placement) return { project: p, placement };
  }
  throw new Error(`the demo has no row No. ${no}`);
}

/** A row's evaluation of the year: the placement's own, else the project's. */
export function rowEvaluation(no: number, fiscalYear = EVALUATED_YEAR): Evaluation | undefined {
  const { project: p, placement } = row(no);
  return (placement.evaluations ?? p.evaluations ?? []).find((e) => e.fiscalYear === fiscalYear);
}

export function rowNumbers(): number[] {
  return demo.projects.flatMap((p) => p.placements.map((pl) => pl.no)).sort((a, b) => a - b);
}

export function rowsGraded(grade: string): number[] {
  return rowNumbers().filter((no) => rowEvaluation(no)?.grade === grade);
}

export function amountOf(list: Amount[] | undefined, fiscalYear: number): number | undefined {
  return list?.find((a) => a.fiscalYear === fiscalYear)?.amount;
}

/** Thousands separated as the sheet writes amounts. */
export const yen = (amount: number) => amount.toLocaleString('en-US');
