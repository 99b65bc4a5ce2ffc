// What a bureau or division may change within its projects (workflow.md, "People and what they
// may do"): the paths of a change set (interchange/change-path.ts) checked one by one, so that
// an import or a form outside one's rights is refused whole, every offending path listed.
import { pathSegments } from '../interchange/change-path.js';
import type { Change } from '../interchange/change-set.js';
import type { Actor } from './context.js';
import { may, type Subject } from './rights.js';

const PROJECT_FIELDS = new Set(['summary', 'sdgs']);
const INDICATOR_FIELDS = new Set(['name', 'unit', 'better', 'decimals', 'baseline', 'midTerm']);
const EVALUATION_FIELDS = new Set(['grade', 'gradeReason', 'course', 'improvement']);
const POLICY_EVALUATION_FIELDS = new Set(['grade', 'improvement']);

export interface PathRules {
  /** The project (as stored) a key names, or undefined for a project not stored. */
  project(key: string): Subject | undefined;
  /** The open cycle's fiscal year; none: every year's evaluations and actuals are open. */
  cycleYear?: number | undefined;
}

/** The paths of `changes` the actor may not change; empty when the change is within its rights. */
export function refusedPaths(actor: Actor, orgId: number, changes: readonly Change[], rules: PathRules): string[] {
  if (may(actor, 'import-replace', { orgId })) return [];
  return changes.filter((change) => !allowed(actor, orgId, change, rules)).map((change) => change.path);
}

function allowed(actor: Actor, orgId: number, change: Change, rules: PathRules): boolean {
  const [top, key, ...rest] = pathSegments(change.path);
  if (top === 'policyEvaluations' && key !== undefined) {
    const [bureau, year, field, ...more] = rest;
    return (
      more.length === 0 &&
      year !== undefined &&
      (field === undefined || POLICY_EVALUATION_FIELDS.has(field)) &&
      may(actor, 'edit-policy-evaluation', { orgId, bureau: bureau === '' ? undefined : bureau })
    );
  }
  if (top !== 'projects' || key === undefined) return false;
  const project = rules.project(key);
  if (!project || !may(actor, 'edit-project', project)) return false;
  return projectPathAllowed(rest, change, rules.cycleYear);
}

function projectPathAllowed(rest: string[], change: Change, cycleYear: number | undefined): boolean {
  const [list, id, ...below] = rest;
  const removal = change.after === undefined && change.before !== undefined && below.length === 0;
  if (list === undefined) return false; // the project itself, added or removed
  if (id === undefined) return PROJECT_FIELDS.has(list);
  switch (list) {
    case 'budgets':
    case 'personnelCosts':
      return !removal && (below.length === 0 || (below.length === 1 && below[0] === 'amount'));
    case 'evaluations':
      return !removal && ofCycle(id, cycleYear) && (below.length === 0 || (below.length === 1 && EVALUATION_FIELDS.has(below[0] as string)));
    case 'indicators':
      return indicatorPathAllowed(below, change, cycleYear);
    case 'placements': {
      // Which policy a project serves is the plan's decision; a row's own evaluations and personnel costs are the project's.
      const [, sub, ...rowRest] = below;
      return (sub === 'evaluations' || sub === 'personnelCosts') && rowRest.length > 0 && projectPathAllowed([sub, ...rowRest], change, cycleYear);
    }
    default:
      return false;
  }
}

function indicatorPathAllowed(below: string[], change: Change, cycleYear: number | undefined): boolean {
  const [part, year, field, ...more] = below;
  // Adding an indicator is allowed; removing one, or its key, is not.
  if (part === undefined) return change.before === undefined;
  if (part !== 'periods') return year === undefined && INDICATOR_FIELDS.has(part);
  if (year === undefined || more.length > 0) return false;
  const fiscalYear = Number(year);
  if (field === undefined) {
    if (change.after === undefined) return false;
    const period = (change.after ?? {}) as Record<string, unknown>;
    return (!('actual' in period) || actualsOpen(fiscalYear, cycleYear)) && (!('target' in period) || targetsOpen(fiscalYear, cycleYear));
  }
  if (field === 'actual' || field === 'provisional') return actualsOpen(fiscalYear, cycleYear);
  if (field === 'target') return targetsOpen(fiscalYear, cycleYear);
  return false;
}

function ofCycle(year: string, cycleYear: number | undefined): boolean {
  return cycleYear === undefined || Number(year) === cycleYear;
}

/** Actuals of any year up to the cycle's. */
function actualsOpen(fiscalYear: number, cycleYear: number | undefined): boolean {
  return cycleYear === undefined || fiscalYear <= cycleYear;
}

/** Targets of the years after the cycle's. */
function targetsOpen(fiscalYear: number, cycleYear: number | undefined): boolean {
  return cycleYear === undefined || fiscalYear > cycleYear;
}
