// Small hyoka/1 documents for tests: each builder fills the required fields and takes
// overrides, so a test states only what it is about.
import type { Budget, Evaluation, HyokaDocument, Indicator, Period, Project, Target, Actual } from './model.js';

export function buildDocument(overrides: Partial<HyokaDocument> = {}): HyokaDocument {
  return {
    format: 'hyoka/1',
    organization: { name: 'テスト市' },
    policies: [{ code: 'I-1-(1)-①', title: '試験の施策' }],
    projects: [],
    ...overrides,
  };
}

export function buildProject(overrides: Partial<Project> = {}): Project {
  return {
    key: 'shiken',
    name: '試験事業',
    bureau: '企画調整局',
    division: '企画課',
    placements: [{ policy: 'I-1-(1)-①', no: 1 }],
    ...overrides,
  };
}

export function buildIndicator(overrides: Partial<Indicator> = {}): Indicator {
  return { key: 'shihyo', name: '試験の指標', unit: '件', ...overrides };
}

/** A period of FY2021 (R3年度, the seed's results year) unless told otherwise. */
export function period(target: Target | undefined, actual?: Actual, fiscalYear = 2021): Period {
  const result: Period = { fiscalYear };
  if (target !== undefined) result.target = target;
  if (actual !== undefined) result.actual = actual;
  return result;
}

/** One indicator per [target, actual] pair, each with a single FY2021 period. */
export function indicatorsOf(...pairs: [Target | undefined, Actual | undefined][]): Indicator[] {
  return pairs.map(([target, actual], i) => buildIndicator({ key: `i${i + 1}`, periods: [period(target, actual)] }));
}

export function budgets(...amounts: [fiscalYear: number, amount: number][]): Budget[] {
  return amounts.map(([fiscalYear, amount]) => ({ fiscalYear, amount }));
}

export function evaluation(grade: string, overrides: Partial<Evaluation> = {}): Evaluation {
  return { fiscalYear: 2021, grade, ...overrides };
}
