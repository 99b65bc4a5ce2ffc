// The PDCA sheet workbook's update reader (files.ts UPDATE_READERS.xlsx): the organization's
// stored document with the workbook's typed inputs applied (interchange/xlsx/sheet-update.ts),
// and the keys of the projects and policy evaluations it changes — files.ts writes those
// alone, as a merge, so an update never writes back a project someone else saved meanwhile.
// What the reader refuses is refused whole, each problem with its cell, and the changes it
// did read listed beside.
import type { HyokaDocument } from '../domain/model.js';
import { policyEvaluationKey } from '../interchange/merge.js';
import { sameValue } from '../interchange/same-value.js';
import { readSheetUpdate, type SheetChange } from '../interchange/xlsx/sheet-update.js';
import { ServiceError } from './errors.js';

export type { SheetChange };

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

/**
 * What the sheet workbook's update reader gives (the shape of files.ts's update readers): the
 * stored document with the typed inputs in it, the keys of the projects and policy evaluations
 * it changes, where each changed value was typed (by change path), and the changes themselves.
 */
export interface SheetWorkbookReading {
  document: HyokaDocument;
  projects: string[];
  policyEvaluations: string[];
  placeOf: (path: string) => string | undefined;
  changes: SheetChange[];
}

/** Reads a filled-in sheet against the stored document; refused whole (SheetUpdateError) with its problems by cell. */
export async function readSheetWorkbook(bytes: Buffer, stored: HyokaDocument): Promise<SheetWorkbookReading> {
  const reading = await readSheetUpdate(stored, bytes);
  if (!reading.ok) {
    throw new SheetUpdateError(
      `PDCA シートに ${reading.problems.length} 件の問題があります。何も書き込んでいません / The PDCA sheet has ${reading.problems.length} problem(s); nothing was written`,
      reading.problems.map((problem) => ({ path: problem.place, message: problem.message })),
      reading.changes,
    );
  }
  const document = reading.document;
  const storedProjects = new Map(stored.projects.map((project) => [project.key, project]));
  const storedEvaluations = new Map((stored.policyEvaluations ?? []).map((evaluation) => [policyEvaluationKey(evaluation), evaluation]));
  const places = new Map(reading.changes.map((change) => [change.path, change.place]));
  return {
    document,
    projects: document.projects.filter((project) => !sameValue(storedProjects.get(project.key), project)).map((project) => project.key),
    policyEvaluations: (document.policyEvaluations ?? []).filter((evaluation) => !sameValue(storedEvaluations.get(policyEvaluationKey(evaluation)), evaluation)).map(policyEvaluationKey),
    placeOf: (path) => places.get(path),
    changes: reading.changes,
  };
}
