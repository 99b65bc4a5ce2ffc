// An import in `merge` mode (workflow.md, "Files in a workflow"): each project in the file
// replaces the stored project of its key (or is added after the stored ones); projects absent
// from the file are left alone; policies and policy evaluations in the file are upserted by
// their keys. What the file writes around its lists (organization, plan, settings, its own
// unknown fields) replaces the stored value; what it leaves out stays — so a division's file
// that changes a setting is refused by the rights, not silently ignored. A pure function of
// two canonical documents.
import type { HyokaDocument } from '../domain/model.js';

/** Replaces records of `stored` by those of `file` with the same key, appending the new ones in the file's order. */
function upsert<T>(stored: readonly T[], file: readonly T[], key: (record: T) => string): T[] {
  if (file.length === 0) return [...stored];
  const incoming = new Map(file.map((record) => [key(record), record]));
  const merged = stored.map((record) => {
    const replacement = incoming.get(key(record));
    if (replacement === undefined) return record;
    incoming.delete(key(record));
    return replacement;
  });
  return [...merged, ...incoming.values()];
}

export const policyEvaluationKey = (e: { policy: string; bureau?: string | undefined; fiscalYear: number }) => `${e.policy}\u0000${e.bureau ?? ''}\u0000${e.fiscalYear}`;

/** The document a merge of `file` into `stored` (undefined: a new organization, the file itself) asks for. */
export function mergeDocuments(stored: HyokaDocument | undefined, file: HyokaDocument): HyokaDocument {
  if (stored === undefined) return file;
  const { policies: _policies, projects: _projects, policyEvaluations: _evaluations, ...head } = file;
  const merged: HyokaDocument = {
    ...stored,
    ...head,
    policies: upsert(stored.policies, file.policies, (p) => p.code),
    projects: upsert(stored.projects, file.projects, (p) => p.key),
  };
  if (stored.policyEvaluations !== undefined || (file.policyEvaluations ?? []).length > 0) {
    merged.policyEvaluations = upsert(stored.policyEvaluations ?? [], file.policyEvaluations ?? [], policyEvaluationKey);
  }
  return merged;
}
