// What the CSV round trip without a base is compared against: the document with what the
// CSV tables cannot hold on their own taken out — unknown fields of periods, targets,
// actuals, budgets and personnel costs; a note of "" (an empty cell is no note); and empty
// lists, which mean the same as absent ones.
import type { Actual, HyokaDocument, Period, Target } from '../../domain/model.js';

export function stripPeriodsAndBudgets(doc: HyokaDocument): HyokaDocument {
  const copy = structuredClone(doc);
  for (const project of copy.projects) {
    delete project.budgets;
    delete project.personnelCosts;
    for (const indicator of project.indicators ?? []) delete indicator.periods;
  }
  return copy;
}

export function withoutExtras(doc: HyokaDocument): HyokaDocument {
  const copy = structuredClone(doc);
  for (const project of copy.projects) {
    for (const list of ['budgets', 'personnelCosts'] as const) {
      const records = project[list]?.map(({ fiscalYear, amount }) => ({ fiscalYear, amount })).sort((a, b) => a.fiscalYear - b.fiscalYear);
      if (records && records.length > 0) project[list] = records;
      else delete project[list];
    }
    for (const indicator of project.indicators ?? []) {
      const periods = indicator.periods?.map(plainPeriod);
      if (periods && periods.length > 0) indicator.periods = periods;
      else delete indicator.periods;
    }
  }
  return copy;
}

function plainPeriod(period: Period): Period {
  const out: Period = { fiscalYear: period.fiscalYear };
  if (period.target !== undefined) out.target = plainTarget(period.target);
  if (period.actual !== undefined) out.actual = plainActual(period.actual);
  return out;
}

function plainTarget(target: Target): Target {
  if (typeof target === 'number') return target;
  switch (target.kind) {
    case 'previous-year':
      return { kind: target.kind, ...(target.base !== undefined && { base: target.base }), ...(target.direction !== undefined && { direction: target.direction }) };
    case 'rank':
      return { kind: target.kind, atMost: target.atMost };
    case 'qualitative':
      return { kind: target.kind, text: target.text };
    default:
      return { kind: target.kind, ...(target.note !== undefined && target.note !== '' && { note: target.note }) };
  }
}

function plainActual(actual: Actual): Actual {
  if (typeof actual === 'number') return actual;
  return { text: actual.text, ...(actual.achieved !== undefined && { achieved: actual.achieved }) };
}
