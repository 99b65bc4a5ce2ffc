// The published versions of a cycle as /versions/:fiscalYear shows them (workflow.md,
// "Publication"): each version's number, time, publisher, note and SHA-256, and for a version
// n > 1 the values it changed against n − 1 — the change set of the two stored documents, listed
// as an import preview lists them (path, before, after). Computed fields are not compared, so a
// corrected actual shows once, not with every rate it moves.
import type { HyokaDocument } from '../../domain/model.js';
import { changeList } from '../../interchange/change-list.js';
import { changeSetOf } from '../../interchange/change-set.js';
import type { Publication } from '../publications.js';
import type { CsvTable } from './csv.js';
import { japanTime, shortText } from './history.js';

export interface VersionRow {
  version: number;
  /** `2026-12-03 16:00` (Japan time). */
  at: string;
  /** ISO 8601, for a <time> element. */
  publishedAt: string;
  by: string;
  note: string;
  sha256: string;
}

/** One changed value: absent `before` for something new, absent `after` for something gone. */
export interface ChangedValue {
  path: string;
  before?: unknown;
  after?: unknown;
}

/** What version `version` changed against `against` (its predecessor): a page of the values. */
export interface VersionChanges {
  version: number;
  against: number;
  /** Changed values in all. */
  total: number;
  /** Index of `changes[0]` among them. */
  offset: number;
  changes: ChangedValue[];
}

export function versionRows(publications: readonly Publication[]): VersionRow[] {
  return publications.map(({ version, publishedAt, by, note, sha256 }) => ({ version, at: japanTime(publishedAt), publishedAt, by, note, sha256 }));
}

/** Every value that differs between two published documents, parents before children. */
export function changedValues(before: HyokaDocument, after: HyokaDocument): ChangedValue[] {
  const diff = changeSetOf(before, after);
  // Both were valid documents when published: a store could hold them, so a change set exists.
  if (!diff.ok) throw new Error(`published documents that cannot be compared: ${diff.problems.map((problem) => problem.path).join(', ')}`);
  return changeList(diff.changeSet).changes.map(({ path, before: was, after: is }) => ({ path, ...(was !== undefined && { before: was }), ...(is !== undefined && { after: is }) }));
}

/** A page (`offset`, `size`) of what `version` changed against the version before it. */
export function versionChanges(version: number, all: readonly ChangedValue[], offset: number, size: number): VersionChanges {
  return { version, against: version - 1, total: all.length, offset, changes: all.slice(offset, offset + size) };
}

/** A changed value as the page prints it: text as written, anything else as JSON, `—` for nothing. */
export function valueText(value: unknown): string {
  return shortText(value, 200);
}

/** The CSV of the page: one line per changed value shown, each with its version; a version with none shown, one line of its own. */
export function versionsCsv(rows: readonly VersionRow[], changes: readonly VersionChanges[]): CsvTable {
  const header = ['版', '公表日時', '公表者', '注記', 'SHA-256', '比較した版', '項目', '変更前', '変更後'];
  const cell = (value: unknown) => (value === undefined ? null : typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value));
  const lines: (string | number | null)[][] = [];
  for (const row of rows) {
    const head = [row.version, row.at, row.by, row.note, row.sha256];
    const shown = changes.find((entry) => entry.version === row.version);
    if (!shown || shown.changes.length === 0) lines.push([...head, shown?.against ?? null, null, null, null]);
    else for (const change of shown.changes) lines.push([...head, shown.against, change.path, cell(change.before), cell(change.after)]);
  }
  return { header, rows: lines };
}
