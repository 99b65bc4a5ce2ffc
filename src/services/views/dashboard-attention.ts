// The rows needing attention in fiscal year Y: indicators behind their target, targets
// without an actual, and the findings of `check`, each with the sheet's row numbers (No.)
// so a reader can find them on the sheet. An indicator shown on several rows is listed once.
// Worst first: indicators furthest behind their target, then targets without an actual, then
// the findings; a large organization has tens of thousands, so pages show a few and link the rest.
import { checkDocument, type Finding } from '../../domain/check.js';
import { findingPlace, policyRows, rowsShowing } from '../../domain/finding-place.js';
import type { HyokaDocument, Indicator, Period } from '../../domain/model.js';
import { resolveProfile } from '../../domain/profile.js';
import { formatActual, formatRate, formatTarget } from '../../domain/written.js';

export type AttentionKind = 'behind' | 'no-actual' | 'finding';

export interface AttentionItem {
  kind: AttentionKind;
  /** The sheet's row numbers concerned, ascending; empty where none can be named. */
  nos: number[];
  projectKey?: string;
  projectName?: string;
  /** The indicator's name, or the policy's code for a policy finding. */
  subject: string;
  /** 日本語 / English */
  detail: string;
  /** The finding's JSON path (findings only). */
  path?: string;
  /** The achievement rate of an indicator behind its target, where it has one (the order: lowest first). */
  rate?: number;
  /** The bureaus of the rows concerned (a bureau filter keeps the items of its rows). */
  bureaus: string[];
}

export const ATTENTION_LABELS: Record<AttentionKind, readonly [string, string]> = {
  behind: ['目標未達', 'Behind target'],
  'no-actual': ['実績なし', 'No actual'],
  finding: ['データ点検', 'Data check'],
};

const computed = new WeakMap<HyokaDocument, Map<number, AttentionItem[]>>();

/** The items of a fiscal year, worst first; worked out once per computed document (shared: read only). */
export function attentionItems(doc: HyokaDocument, fiscalYear: number): readonly AttentionItem[] {
  let years = computed.get(doc);
  if (!years) computed.set(doc, (years = new Map()));
  let items = years.get(fiscalYear);
  if (!items) years.set(fiscalYear, (items = collectItems(doc, fiscalYear)));
  return items;
}

/** The items of one bureau's rows (all where `bureau` is undefined). */
export function attentionOfBureau(items: readonly AttentionItem[], bureau: string | undefined): readonly AttentionItem[] {
  return bureau === undefined ? items : items.filter((item) => item.bureaus.includes(bureau));
}

function collectItems(doc: HyokaDocument, fiscalYear: number): AttentionItem[] {
  const { rateDecimals } = resolveProfile(doc.settings);
  const items: AttentionItem[] = [];
  for (const project of doc.projects) {
    for (const indicator of project.indicators ?? []) {
      const period = indicator.periods?.find((candidate) => candidate.fiscalYear === fiscalYear);
      if (!period) continue;
      const kind = periodAttention(period);
      if (!kind) continue;
      const rate = period.achievementRate;
      items.push({
        kind,
        nos: rowsShowing(project, indicator),
        projectKey: project.key,
        projectName: project.name,
        subject: indicator.name,
        detail: periodDetail(kind, period, indicator, rateDecimals),
        ...(kind === 'behind' && rate !== null && rate !== undefined && { rate }),
        bureaus: project.bureau === undefined ? [] : [project.bureau],
      });
    }
  }
  // missing-actual is already listed as "no actual" above.
  const findings = checkDocument(doc, { fiscalYear }).findings.filter((finding) => finding.code !== 'missing-actual');
  for (const finding of findings) items.push(findingItem(doc, finding));
  const order: AttentionKind[] = ['behind', 'no-actual', 'finding'];
  // Behind by the rate, lowest first; a target missed without a rate (a rank, a qualitative
  // target not achieved) cannot say how far, so it follows those that can.
  const rateOf = (item: AttentionItem) => item.rate ?? Infinity;
  return items.sort(
    (a, b) =>
      order.indexOf(a.kind) - order.indexOf(b.kind) ||
      (a.kind === 'behind' ? compareRates(rateOf(a), rateOf(b)) : 0) ||
      (a.nos[0] ?? Infinity) - (b.nos[0] ?? Infinity),
  );
}

/** Ascending; Infinity − Infinity is NaN, so equal rates compare as 0 first. */
function compareRates(a: number, b: number): number {
  return a === b ? 0 : a - b;
}

function periodAttention(period: Period): AttentionKind | undefined {
  const { target, actual } = period;
  if (target === undefined || (typeof target === 'object' && (target.kind === 'none' || target.kind === 'pending'))) return undefined;
  if (actual === undefined) return 'no-actual';
  const rate = period.achievementRate;
  if ((rate !== null && rate !== undefined && rate < 100) || period.achieved === false) return 'behind';
  return undefined;
}

function periodDetail(kind: AttentionKind, period: Period, indicator: Indicator, rateDecimals: number): string {
  const target = formatTarget(period.target, indicator.unit, indicator.decimals);
  if (kind === 'no-actual') return `目標 ${target}、実績なし / Target ${target}, no actual`;
  const actual = formatActual(period.actual, indicator.unit, indicator.decimals);
  const rate = period.achievementRate === null || period.achievementRate === undefined ? '' : `、達成率 ${formatRate(period.achievementRate, rateDecimals)}`;
  const rateEn = rate === '' ? '' : `, rate ${formatRate(period.achievementRate, rateDecimals)}`;
  return `目標 ${target}、実績 ${actual}${rate} / Target ${target}, actual ${actual}${rateEn}`;
}

/** A finding with the rows its path points at (domain/finding-place.ts) and their bureaus. */
function findingItem(doc: HyokaDocument, finding: Finding): AttentionItem {
  const place = findingPlace(doc, finding);
  return { kind: 'finding', detail: finding.message, path: finding.path, ...place, bureaus: findingBureaus(doc, finding) };
}

function findingBureaus(doc: HyokaDocument, finding: Finding): string[] {
  const path = /^(projects|policyEvaluations|policies)\[(\d+)\]/.exec(finding.path);
  const index = Number(path?.[2]);
  const single = (bureau: string | undefined) => (bureau === undefined ? [] : [bureau]);
  switch (path?.[1]) {
    case 'projects':
      return single(doc.projects[index]?.bureau);
    case 'policyEvaluations': {
      const evaluation = doc.policyEvaluations?.[index];
      if (evaluation?.bureau !== undefined) return [evaluation.bureau];
      return evaluation === undefined ? [] : bureausUnder(doc, evaluation.policy);
    }
    case 'policies': {
      const code = doc.policies[index]?.code;
      return code === undefined ? [] : bureausUnder(doc, code);
    }
    default:
      return [];
  }
}

function bureausUnder(doc: HyokaDocument, code: string): string[] {
  return [...new Set(policyRows(doc, code).flatMap((row) => (row.bureau === undefined ? [] : [row.bureau])))];
}
