// Value objects (targets, actuals, baselines, mid-terms) as cells. The common forms get
// plain cells a clerk can edit (目標の種類 + 目標, 実績 + 達成, 現状値 + 年度 + 表記);
// a form with no plain columns (unknown fields, a mid-term with revisions…) is written
// whole as JSON text in the record's (JSON) column, so nothing is lost either way.
import type { Actual, Baseline, MidTerm, Target } from '../../domain/model.js';
import { onlyKeys } from './known-fields.js';
import { BASIS_LABELS, TARGET_KIND_LABELS } from './tables.js';

export type Cell = string | number | undefined;

export interface TargetCells {
  targetKind?: string;
  target?: Cell;
  targetJson?: string;
}

const TARGET_FIELDS: Record<string, ReadonlySet<string>> = {
  'previous-year': new Set(['kind', 'base', 'direction']),
  rank: new Set(['kind', 'atMost']),
  qualitative: new Set(['kind', 'text']),
  none: new Set(['kind', 'note']),
  pending: new Set(['kind', 'note']),
};

export function targetCells(target: Target | undefined): TargetCells {
  if (target === undefined) return {};
  if (typeof target === 'number') return { targetKind: TARGET_KIND_LABELS.number, target };
  const fields = TARGET_FIELDS[target.kind];
  if (!fields || !onlyKeys(target, fields)) return { targetJson: JSON.stringify(target) };
  switch (target.kind) {
    case 'previous-year': {
      const kind =
        target.direction === 'increase' ? TARGET_KIND_LABELS.increase : target.direction === 'decrease' ? TARGET_KIND_LABELS.decrease : TARGET_KIND_LABELS.previousYear;
      return { targetKind: kind, target: target.base };
    }
    case 'rank':
      return { targetKind: TARGET_KIND_LABELS.rank, target: target.atMost };
    case 'qualitative':
      return { targetKind: TARGET_KIND_LABELS.qualitative, target: target.text };
    case 'none':
      return { targetKind: TARGET_KIND_LABELS.none, target: target.note };
    case 'pending':
      return { targetKind: TARGET_KIND_LABELS.pending, target: target.note };
  }
}

/**
 * The target of 目標の種類 and 目標 as read. A number with no kind is the number kind; a
 * numeral string ("54.0%") is left to validation, which reads it or says why not.
 * Returns an error message for a kind that does not exist or a missing required value.
 */
export function targetOf(kind: string | undefined, value: string | number | undefined): { target?: Target | string } | { error: string; inKind?: true } {
  const L = TARGET_KIND_LABELS;
  const text = value === undefined ? undefined : String(value);
  switch (kind) {
    case undefined:
    case L.number:
      return value === undefined ? (kind === undefined ? {} : { error: missing('目標', 'a target') }) : { target: value };
    case L.increase:
    case L.decrease:
    case L.previousYear: {
      const direction = kind === L.increase ? 'increase' : kind === L.decrease ? 'decrease' : undefined;
      return { target: { kind: 'previous-year', ...(value !== undefined && { base: value as number }), ...(direction && { direction }) } as Target };
    }
    case L.rank:
      return value === undefined ? { error: missing('順位 (N位以内の N)', 'the rank N of "N位以内"') } : { target: { kind: 'rank', atMost: value as number } };
    case L.qualitative:
      return text === undefined ? { error: missing('定性の目標の文', 'the text of the target') } : { target: { kind: 'qualitative', text } };
    case L.none:
      return { target: { kind: 'none', ...(text !== undefined && { note: text }) } };
    case L.pending:
      return { target: { kind: 'pending', ...(text !== undefined && { note: text }) } };
    default:
      return {
        inKind: true,
        error: `目標の種類「${kind}」は使えません。${Object.values(L).join('・')} から選んでください / target kind "${kind}" is unknown: choose one of the list`,
      };
  }
}

function missing(japanese: string, english: string): string {
  return `${japanese}を「目標」の列に書いてください / write ${english} in the 目標 column`;
}

/** Whether actuals under this kind are numbers (a text actual there is a numeral to read). */
export function numericKind(kind: string | undefined): boolean {
  const L = TARGET_KIND_LABELS;
  return kind === L.number || kind === L.increase || kind === L.decrease || kind === L.previousYear || kind === L.rank;
}

export interface ActualCells {
  actual?: Cell;
  achievedEntered?: string;
  actualJson?: string;
}

export function actualCells(actual: Actual | undefined, labels: { yes: string; no: string }): ActualCells {
  if (actual === undefined) return {};
  if (typeof actual === 'number') return { actual };
  if (!onlyKeys(actual, new Set(['text', 'achieved']))) return { actualJson: JSON.stringify(actual) };
  return { actual: actual.text, ...(actual.achieved !== undefined && { achievedEntered: actual.achieved ? labels.yes : labels.no }) };
}

const PLAIN_BASELINE = new Set(['value', 'fiscalYear', 'label']);

export function baselineCells(baseline: Baseline | undefined): { baselineValue?: number; baselineYear?: number; baselineLabel?: string; baseline?: string } {
  if (!baseline) return {};
  if (Object.keys(baseline).length === 0 || !onlyKeys(baseline, PLAIN_BASELINE)) return { baseline: JSON.stringify(baseline) };
  return { baselineValue: baseline.value, baselineYear: baseline.fiscalYear, baselineLabel: baseline.label };
}

const PLAIN_MID_TERM = new Set(['target', 'basis', 'fiscalYear', 'label']);

export function midTermCells(midTerm: MidTerm | undefined): { midTermTarget?: number; midTermBasis?: string; midTermYear?: number; midTermLabel?: string; midTerm?: string } {
  if (!midTerm) return {};
  if (typeof midTerm.target !== 'number' || !onlyKeys(midTerm, PLAIN_MID_TERM)) return { midTerm: JSON.stringify(midTerm) };
  return {
    midTermTarget: midTerm.target,
    midTermBasis: midTerm.basis === undefined ? undefined : BASIS_LABELS[midTerm.basis],
    midTermYear: midTerm.fiscalYear,
    midTermLabel: midTerm.label,
  };
}

/** 目標年度 → by-year …; undefined for a label that is not a basis. */
export function basisOf(label: string): MidTerm['basis'] | undefined {
  for (const [basis, text] of Object.entries(BASIS_LABELS)) if (text === label) return basis as MidTerm['basis'];
  return undefined;
}
