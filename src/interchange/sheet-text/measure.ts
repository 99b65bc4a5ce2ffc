// How much of a curated document a draft read from sheet text recovers, field by field.
// Rows are matched by No.; a row's values are its effective ones (the placement's, else
// its project's), so a draft is not penalised for putting a shared value on the project
// rather than on each row. Indicators of a row are matched by name, then by position.
// Rates are compute()'s achievementRate on both documents.
//
// "Exact" means equal after whitespace normalisation: every run of whitespace (space,
// line break) becomes one space, and the ends are trimmed. That is fair only because the
// curated document's spaces are all real ones (the curation removed the PDF's stray
// spaces and wrote paragraph breaks as \n): a draft that keeps a stray space, or drops a
// real one, is not exact; writing a paragraph break as a space instead of \n is.
import type { Evaluation, HyokaDocument, Indicator, Period, Placement, Project } from '../../domain/model.js';
import { compute } from '../compute.js';

export interface FieldScore {
  name: string;
  total: number;
  exact: number;
}

export interface Recovery {
  fields: FieldScore[];
  /** Exact over total, all fields together (0–1). */
  share: number;
}

interface RowView {
  project: Project;
  placement: Placement;
  indicators: Indicator[];
}

const FIELDS = [
  'policies.code',
  'policies.title',
  'rows (policy + No.)',
  'projects.name',
  'projects.division',
  'summary',
  'sdgs',
  'indicators.name',
  'indicators.unit',
  'baselines',
  'midTerms',
  'targets',
  'actuals',
  'rates',
  'budgets',
  'personnelCosts',
  'grades',
  'courses',
  'improvements',
  'policyEvaluations.grade',
  'policyEvaluations.improvement',
] as const;
type Field = (typeof FIELDS)[number];

export function measureRecovery(draft: HyokaDocument, curated: HyokaDocument): Recovery {
  const scores = new Map<Field, FieldScore>(FIELDS.map((name) => [name, { name, total: 0, exact: 0 }]));
  const count = (field: Field, exact: boolean) => {
    const score = scores.get(field) as FieldScore;
    score.total += 1;
    if (exact) score.exact += 1;
  };
  /** Counts a field present on either side; both absent is not a field to recover. */
  const compare = (field: Field, mine: unknown, theirs: unknown) => {
    if (mine === undefined && theirs === undefined) return;
    count(field, same(mine, theirs));
  };
  const mine = compute(draft);
  const theirs = compute(curated);
  const draftPolicies = new Map(mine.policies.map((p) => [p.code, p]));
  for (const policy of theirs.policies) {
    const found = draftPolicies.get(policy.code);
    count('policies.code', found !== undefined);
    count('policies.title', found !== undefined && same(found.title, policy.title));
  }
  const draftRows = rowsOf(mine);
  for (const [no, row] of rowsOf(theirs)) {
    const other = draftRows.get(no);
    count('rows (policy + No.)', other?.placement.policy === row.placement.policy);
    compare('projects.name', other?.project.name, row.project.name);
    compare('projects.division', other?.project.division, row.project.division);
    compare('summary', other && summaryOf(other), summaryOf(row));
    compare('sdgs', other && (other.placement.sdgs ?? other.project.sdgs), row.placement.sdgs ?? row.project.sdgs);
    compareIndicators(row.indicators, other?.indicators ?? [], count, compare);
    const years = new Set([...(row.project.budgets ?? []), ...(other?.project.budgets ?? [])].map((b) => b.fiscalYear));
    for (const year of years) {
      compare('budgets', other?.project.budgets?.find((b) => b.fiscalYear === year)?.amount, row.project.budgets?.find((b) => b.fiscalYear === year)?.amount);
    }
    const costs = (r: RowView | undefined) => r?.placement.personnelCosts ?? r?.project.personnelCosts ?? [];
    for (const year of new Set([...costs(row), ...costs(other)].map((c) => c.fiscalYear))) {
      compare('personnelCosts', costs(other).find((c) => c.fiscalYear === year)?.amount, costs(row).find((c) => c.fiscalYear === year)?.amount);
    }
    for (const year of new Set([...evaluationsOf(row), ...evaluationsOf(other)].map((e) => e.fiscalYear))) {
      const a = evaluationsOf(other).find((e) => e.fiscalYear === year);
      const b = evaluationsOf(row).find((e) => e.fiscalYear === year);
      compare('grades', a?.grade, b?.grade);
      compare('courses', a?.course, b?.course);
      compare('improvements', a?.improvement, b?.improvement);
    }
  }
  const keyOf = (e: { policy: string; fiscalYear: number }) => `${e.policy}\u0000${e.fiscalYear}`;
  const draftEvaluations = new Map((mine.policyEvaluations ?? []).map((e) => [keyOf(e), e]));
  const curatedEvaluations = new Map((theirs.policyEvaluations ?? []).map((e) => [keyOf(e), e]));
  for (const key of new Set([...draftEvaluations.keys(), ...curatedEvaluations.keys()])) {
    compare('policyEvaluations.grade', draftEvaluations.get(key)?.grade, curatedEvaluations.get(key)?.grade);
    compare('policyEvaluations.improvement', draftEvaluations.get(key)?.improvement, curatedEvaluations.get(key)?.improvement);
  }
  const fields = [...scores.values()];
  const total = fields.reduce((n, f) => n + f.total, 0);
  const exact = fields.reduce((n, f) => n + f.exact, 0);
  return { fields, share: total === 0 ? 0 : exact / total };
}

function compareIndicators(
  curated: Indicator[],
  draft: Indicator[],
  count: (field: Field, exact: boolean) => void,
  compare: (field: Field, mine: unknown, theirs: unknown) => void,
): void {
  const left = [...draft];
  const pairs: [Indicator, Indicator | undefined][] = [];
  const unmatched: Indicator[] = [];
  for (const indicator of curated) {
    const at = left.findIndex((d) => normalise(d.name) === normalise(indicator.name));
    if (at < 0) unmatched.push(indicator);
    else pairs.push([indicator, left.splice(at, 1)[0]]);
    count('indicators.name', at >= 0);
  }
  // Unmatched names still compare their values with the draft's leftovers, in order.
  for (const indicator of unmatched) pairs.push([indicator, left.shift()]);
  for (const extra of left) pairs.push([{ key: '', name: '', unit: '' }, extra]);
  for (const [theirs, mine] of pairs) {
    compare('indicators.unit', mine?.unit, theirs.unit);
    compare('baselines', mine?.baseline, theirs.baseline);
    compare('midTerms', mine?.midTerm, theirs.midTerm);
    const period = (i: Indicator | undefined, year: number): Period | undefined => i?.periods?.find((p) => p.fiscalYear === year);
    const years = new Set([...(theirs.periods ?? []), ...(mine?.periods ?? [])].map((p) => p.fiscalYear));
    for (const year of years) {
      const a = period(mine, year);
      const b = period(theirs, year);
      compare('targets', a?.target, b?.target);
      compare('actuals', a?.actual, b?.actual);
      compare('rates', a?.achievementRate ?? undefined, b?.achievementRate ?? undefined);
    }
  }
}

function rowsOf(document: HyokaDocument): Map<number, RowView> {
  const rows = new Map<number, RowView>();
  for (const project of document.projects) {
    for (const placement of project.placements) {
      const all = project.indicators ?? [];
      const indicators = placement.indicators ? all.filter((i) => placement.indicators?.includes(i.key)) : all;
      rows.set(placement.no, { project, placement, indicators });
    }
  }
  return rows;
}

function summaryOf(row: RowView): string | undefined {
  return row.placement.summary ?? row.project.summary;
}

/** A row's evaluations: its own for a year, else the project's. */
function evaluationsOf(row: RowView | undefined): Evaluation[] {
  if (!row) return [];
  const own = row.placement.evaluations ?? [];
  const years = new Set(own.map((e) => e.fiscalYear));
  return [...own, ...(row.project.evaluations ?? []).filter((e) => !years.has(e.fiscalYear))];
}

function normalise(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Equal as JSON after whitespace normalisation of every string; numbers by value. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (typeof value === 'string') return normalise(value);
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** The recovery as a table: each field's exact / total and share, then the overall share. */
export function formatRecovery(recovery: Recovery): string {
  const percent = (n: number) => `${(n * 100).toFixed(1)}%`;
  const lines = recovery.fields.map((f) => `  ${f.name.padEnd(32)} ${String(f.exact).padStart(4)} / ${String(f.total).padEnd(4)} ${f.total === 0 ? '—' : percent(f.exact / f.total)}`);
  return `${['項目別の一致 / Exact recovery by field', ...lines, `  ${'全体 / overall'.padEnd(32)} ${percent(recovery.share)}`].join('\n')}\n`;
}
