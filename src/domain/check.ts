// Data-quality checks (`check`): what a planning division wants to see before publishing.
// They read one fiscal year Y (by default the latest that has an evaluation) plus the
// things that are wrong in any year; they never refuse a document.
import { budgetFindings } from './check-budgets.js';
import { evaluationFindings, policyFindings } from './check-evaluations.js';
import { indicatorFindings } from './check-indicators.js';
import type { HyokaDocument } from './model.js';
import { resolveProfile } from './profile.js';

export interface Finding {
  /** Where, as a 0-based JSON path: `projects[3].indicators[0].periods[1]`. */
  path: string;
  /** A stable kebab-case id of the kind of finding. */
  code: string;
  /** 日本語 / English */
  message: string;
}

export interface CheckResult {
  /** The fiscal year checked; null when the document has no evaluation and none was asked for. */
  fiscalYear: number | null;
  findings: Finding[];
}

export interface CheckOptions {
  fiscalYear?: number;
}

export function checkDocument(doc: HyokaDocument, options: CheckOptions = {}): CheckResult {
  const profile = resolveProfile(doc.settings);
  const fiscalYear = options.fiscalYear ?? latestEvaluatedYear(doc);
  const policies = new Set(doc.policies.map((policy) => policy.code));
  const findings: Finding[] = [];
  doc.projects.forEach((project, index) => {
    const path = `projects[${index}]`;
    findings.push(...budgetFindings(project, path, fiscalYear));
    findings.push(...indicatorFindings(project, path, fiscalYear, profile.rateDecimals));
    findings.push(...evaluationFindings(project, path, fiscalYear, profile, policies));
  });
  findings.push(...policyFindings(doc, fiscalYear, profile, policies));
  return { fiscalYear, findings: findings.sort(compareFindings) };
}

/** The latest fiscal year of any evaluation: a project's, a row's or a policy's. */
export function latestEvaluatedYear(doc: HyokaDocument): number | null {
  let latest: number | null = null;
  const see = (fiscalYear: number) => {
    if (latest === null || fiscalYear > latest) latest = fiscalYear;
  };
  for (const project of doc.projects) {
    for (const evaluation of project.evaluations ?? []) see(evaluation.fiscalYear);
    for (const placement of project.placements) for (const evaluation of placement.evaluations ?? []) see(evaluation.fiscalYear);
  }
  for (const evaluation of doc.policyEvaluations ?? []) see(evaluation.fiscalYear);
  return latest;
}

function compareFindings(a: Finding, b: Finding): number {
  return comparePaths(a.path, b.path) || compareText(a.code, b.code) || compareText(a.message, b.message);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const SEGMENT = /\[(\d+)\]|[^.[\]]+/g;

/** Orders JSON paths segment by segment, indices as numbers (periods[2] before periods[10]). */
export function comparePaths(a: string, b: string): number {
  const left = [...a.matchAll(SEGMENT)];
  const right = [...b.matchAll(SEGMENT)];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const [l, li] = [left[i]![0], left[i]![1]];
    const [r, ri] = [right[i]![0], right[i]![1]];
    if (li !== undefined && ri !== undefined) {
      if (Number(li) !== Number(ri)) return Number(li) - Number(ri);
    } else if (li !== undefined || ri !== undefined) {
      return li !== undefined ? -1 : 1;
    } else if (l !== r) {
      return compareText(l, r);
    }
  }
  return left.length - right.length;
}
