// Where on the sheet a `check` finding is: the row numbers (No.) its JSON path points at, with
// the project or policy it concerns, so a clerk can find it on paper as well as in the data.
import type { Finding } from './check.js';
import { coveredIndicators } from './grade.js';
import type { HyokaDocument, Indicator, Project } from './model.js';

export interface FindingPlace {
  /** The sheet's row numbers concerned, ascending; empty where none can be named. */
  nos: number[];
  projectKey?: string;
  projectName?: string;
  /** The indicator's name, the project's name, or the policy's code; the path where none. */
  subject: string;
}

const PROJECT_PATH = /^projects\[(\d+)\](?:\.placements\[(\d+)\]|\.indicators\[(\d+)\])?/;
const POLICY_PATH = /^(policies|policyEvaluations)\[(\d+)\]/;

/** The rows a finding's path points at: a row, the rows of an indicator, of a project or of a policy. */
export function findingPlace(doc: HyokaDocument, finding: Pick<Finding, 'path'>): FindingPlace {
  const project = PROJECT_PATH.exec(finding.path);
  if (project) {
    const owner = doc.projects[Number(project[1])];
    if (owner) {
      const placement = project[2] === undefined ? undefined : owner.placements[Number(project[2])];
      const indicator = project[3] === undefined ? undefined : owner.indicators?.[Number(project[3])];
      const nos = placement ? [placement.no] : indicator ? rowsShowing(owner, indicator) : ascending(owner.placements.map((row) => row.no));
      return { nos, projectKey: owner.key, projectName: owner.name, subject: indicator?.name ?? owner.name };
    }
  }
  const policy = POLICY_PATH.exec(finding.path);
  if (policy) {
    const index = Number(policy[2]);
    const evaluation = policy[1] === 'policyEvaluations' ? doc.policyEvaluations?.[index] : undefined;
    const code = policy[1] === 'policies' ? doc.policies[index]?.code : evaluation?.policy;
    if (code !== undefined) {
      const nos = policyRows(doc, code, evaluation?.bureau).map((row) => row.no);
      return { nos: ascending(nos), subject: code };
    }
  }
  return { nos: [], subject: finding.path };
}

export interface PolicyRow {
  no: number;
  bureau?: string;
}

// Findings about policies are many in a large organization (one per policy without an
// evaluation): each looked up in an index made once per document instead of a walk over
// every project.
const rowsByPolicy = new WeakMap<HyokaDocument, Map<string, PolicyRow[]>>();

/** The rows under a policy, in document order; of one bureau's projects (and those without a bureau) when `bureau` is given. */
export function policyRows(doc: HyokaDocument, code: string, bureau?: string): PolicyRow[] {
  let index = rowsByPolicy.get(doc);
  if (!index) {
    index = new Map();
    for (const project of doc.projects) {
      for (const placement of project.placements) {
        let rows = index.get(placement.policy);
        if (!rows) index.set(placement.policy, (rows = []));
        rows.push({ no: placement.no, ...(project.bureau !== undefined && { bureau: project.bureau }) });
      }
    }
    rowsByPolicy.set(doc, index);
  }
  const rows = index.get(code) ?? [];
  return bureau === undefined ? rows : rows.filter((row) => row.bureau === undefined || row.bureau === bureau);
}

/** The rows of the project that show the indicator, ascending. */
export function rowsShowing(project: Project, indicator: Indicator): number[] {
  return ascending(project.placements.filter((placement) => coveredIndicators(project, placement).includes(indicator)).map((placement) => placement.no));
}

const ascending = (nos: number[]) => nos.sort((a, b) => a - b);
