// A change set as the values a preview shows (workflow.md: "Every preview lists the changed
// values, not only counts"): one entry per changed field, per record added (after: the
// record) or removed (before: the record), and per list put in another order (its keys).
// With the reader's places (places.ts), each listed value names the cell or line it came from.
import type { Change, ChangeSet } from './change-set.js';
import type { PlaceOf } from './places.js';

/** A changed value as a preview lists it: with `place`, where the file holds it (`年度別!E12`, `12行目 / line 12`). */
export interface ListedChange extends Change {
  place?: string;
}

export interface ChangeList {
  /** Changes in all. */
  total: number;
  /** The first `limit` of them, parents before children. */
  changes: ListedChange[];
}

export function changeList(changeSet: ChangeSet, limit = Number.POSITIVE_INFINITY, placeOf?: PlaceOf): ChangeList {
  const changes: ListedChange[] = [];
  let total = 0;
  const add = (entry: Change) => {
    if (total++ >= limit) return;
    const place = placeOf?.(entry.path);
    changes.push(place === undefined ? entry : { ...entry, place });
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
