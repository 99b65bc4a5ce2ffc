// A change set as the values a preview shows (workflow.md: "Every preview lists the changed
// values, not only counts"): one entry per changed field, per record added (after: the
// record) or removed (before: the record), and per list put in another order (its keys).
import type { Change, ChangeSet } from './change-set.js';

export interface ChangeList {
  /** Changes in all. */
  total: number;
  /** The first `limit` of them, parents before children. */
  changes: Change[];
}

export function changeList(changeSet: ChangeSet, limit = Number.POSITIVE_INFINITY): ChangeList {
  const changes: Change[] = [];
  let total = 0;
  const add = (entry: Change) => {
    if (total++ < limit) changes.push(entry);
  };
  for (const entry of changeSet.organization.fields) add(entry);
  for (const record of changeSet.records) {
    switch (record.change) {
      case 'added':
        add({ path: record.path, after: record.record });
        break;
      case 'removed':
        add({ path: record.path, before: record.record });
        break;
      case 'reordered':
        add({ path: record.path, before: record.before, after: record.after });
        break;
      default:
        for (const entry of record.fields) add(entry);
    }
  }
  return { total, changes };
}
