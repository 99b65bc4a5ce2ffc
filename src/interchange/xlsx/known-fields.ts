// The fields of each hyoka/1 record that have columns of their own in the data workbook;
// everything else a record carries (unknown fields) travels in its その他(JSON) cell, and
// compute()'s fields are written for reading only.
export type Json = Record<string, unknown>;

const set = (...names: string[]): ReadonlySet<string> => new Set(names);

export const KNOWN = {
  document: set('format', 'organization', 'plan', 'settings', 'policies', 'projects', 'policyEvaluations'),
  organization: set('name', 'code'),
  plan: set('name'),
  settings: set('grades', 'gradeBands', 'courses', 'budgetFlatBand', 'rateDecimals'),
  policy: set('code', 'title'),
  project: set('key', 'name', 'bureau', 'division', 'summary', 'sdgs', 'budgets', 'personnelCosts', 'indicators', 'evaluations', 'placements'),
  placement: set('policy', 'no', 'summary', 'sdgs', 'personnelCosts', 'indicators', 'evaluations'),
  indicator: set('key', 'name', 'unit', 'better', 'decimals', 'baseline', 'midTerm', 'periods'),
  period: set('fiscalYear', 'target', 'actual', 'achievementRate', 'achieved', 'midTermProgress'),
  budget: set('fiscalYear', 'amount', 'change'),
  personnelCost: set('fiscalYear', 'amount'),
  evaluation: set('fiscalYear', 'grade', 'gradeReason', 'course', 'improvement', 'suggestedGrade'),
  policyEvaluation: set('policy', 'fiscalYear', 'bureau', 'grade', 'improvement'),
} as const;

/** The unknown fields of a record, or undefined when it has none. */
export function extrasOf(record: object, known: ReadonlySet<string>): Json | undefined {
  let extras: Json | undefined;
  for (const [name, value] of Object.entries(record)) {
    if (known.has(name) || value === undefined) continue;
    extras ??= {};
    define(extras, name, value);
  }
  return extras;
}

/** Sets a field as an own property, even `__proto__` (which plain assignment would not). */
export function define(target: Json, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/** Copies the fields of `extras` onto a record being read back. */
export function addExtras(target: Json, extras: Json | undefined): void {
  if (!extras) return;
  for (const [name, value] of Object.entries(extras)) define(target, name, value);
}

/** The only keys of `record` (fields set to undefined ignored) are among `allowed`. */
export function onlyKeys(record: object, allowed: ReadonlySet<string>): boolean {
  return Object.entries(record).every(([name, value]) => value === undefined || allowed.has(name));
}
