// The rows needing attention in fiscal year Y: indicators behind their target, targets
// without an actual, and the findings of `check`, each with the sheet's row numbers (No.)
// so a reader can find them on the sheet. An indicator shown on several rows is listed once.
import { checkDocument, type Finding } from '../../../domain/check.js';
import { findingPlace, rowsShowing } from '../../../domain/finding-place.js';
import type { HyokaDocument, Indicator, Period } from '../../../domain/model.js';
import { resolveProfile } from '../../../domain/profile.js';
import { formatActual, formatRate, formatTarget } from '../../../domain/written.js';

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
}

export const ATTENTION_LABELS: Record<AttentionKind, readonly [string, string]> = {
  behind: ['目標未達', 'Behind target'],
  'no-actual': ['実績なし', 'No actual'],
  finding: ['データ点検', 'Data check'],
};

export function attentionItems(doc: HyokaDocument, fiscalYear: number): AttentionItem[] {
  const { rateDecimals } = resolveProfile(doc.settings);
  const items: AttentionItem[] = [];
  for (const project of doc.projects) {
    for (const indicator of project.indicators ?? []) {
      const period = indicator.periods?.find((candidate) => candidate.fiscalYear === fiscalYear);
      if (!period) continue;
      const kind = periodAttention(period);
      if (!kind) continue;
      items.push({
        kind,
        nos: rowsShowing(project, indicator),
        projectKey: project.key,
        projectName: project.name,
        subject: indicator.name,
        detail: periodDetail(kind, period, indicator, rateDecimals),
      });
    }
  }
  // missing-actual is already listed as "no actual" above.
  const findings = checkDocument(doc, { fiscalYear }).findings.filter((finding) => finding.code !== 'missing-actual');
  for (const finding of findings) items.push(findingItem(doc, finding));
  const order: AttentionKind[] = ['behind', 'no-actual', 'finding'];
  return items.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || (a.nos[0] ?? Infinity) - (b.nos[0] ?? Infinity));
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

/** A finding with the rows its path points at (domain/finding-place.ts). */
function findingItem(doc: HyokaDocument, finding: Finding): AttentionItem {
  return { kind: 'finding', detail: finding.message, path: finding.path, ...findingPlace(doc, finding) };
}
