// The PDCA sheet workbook imported as `update`: the organization's stored document, the
// workbook's typed inputs applied to it (interchange/xlsx/sheet-update.ts), and the file to
// import as `merge` — the projects and policy evaluations it changes, nothing else, so an
// update never writes back a project someone else saved meanwhile. What the reader refuses
// is refused whole, each problem with its cell, and the changes it did read listed beside.
import type { HyokaDocument } from '../domain/model.js';
import { policyEvaluationKey } from '../interchange/merge.js';
import { sameValue } from '../interchange/same-value.js';
import { readSheetUpdate, type SheetChange } from '../interchange/xlsx/sheet-update.js';
import type { Context } from './context.js';
import { ServiceError } from './errors.js';
import { exportDocument } from './export.js';

export type { SheetChange };

export interface SheetUpdate {
  /** The projects and policy evaluations the workbook changes (with every policy, which a merge leaves as stored): a `merge` file. */
  document: HyokaDocument;
  /** Each changed value: its cell, path, before and after. */
  changes: SheetChange[];
}

/** A refused sheet workbook: the problems by cell, and the changes read before them (a preview shows both). */
export class SheetUpdateError extends ServiceError {
  constructor(
    message: string,
    problems: ServiceError['problems'],
    readonly changes: SheetChange[],
  ) {
    super('invalid', message, problems);
  }
}

export async function sheetWorkbookUpdate(ctx: Context, bytes: Buffer): Promise<SheetUpdate> {
  const stored = await exportDocument(ctx);
  const reading = await readSheetUpdate(stored, bytes);
  if (!reading.ok) {
    throw new SheetUpdateError(
      `PDCA シートに ${reading.problems.length} 件の問題があります。何も書き込んでいません / The PDCA sheet has ${reading.problems.length} problem(s); nothing was written`,
      reading.problems.map((problem) => ({ path: problem.place, message: problem.message })),
      reading.changes,
    );
  }
  return { document: changedOnly(stored, reading.document), changes: reading.changes };
}

/** The desired document cut down to what differs from the stored one (policies kept whole: a merge upserts them unchanged). */
function changedOnly(stored: HyokaDocument, desired: HyokaDocument): HyokaDocument {
  const storedProjects = new Map(stored.projects.map((project) => [project.key, project]));
  const storedEvaluations = new Map((stored.policyEvaluations ?? []).map((evaluation) => [policyEvaluationKey(evaluation), evaluation]));
  const { policyEvaluations, ...rest } = desired;
  const changedEvaluations = (policyEvaluations ?? []).filter((evaluation) => !sameValue(storedEvaluations.get(policyEvaluationKey(evaluation)), evaluation));
  return {
    ...rest,
    projects: desired.projects.filter((project) => !sameValue(storedProjects.get(project.key), project)),
    ...(changedEvaluations.length > 0 && { policyEvaluations: changedEvaluations }),
  };
}
