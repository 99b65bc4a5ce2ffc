// A record's fields in the data workbook: those hyoka/1 names (record-fields.ts, from the
// schema) have columns of their own; everything else a record carries (unknown fields)
// travels in its その他(JSON) cell, and compute()'s fields are written for reading only.
// An optional list of records written `[]` has no rows to show it, so it travels there too
// (`{"budgets":[]}`): the store keeps `[]` apart from absent, and a workbook just exported
// must read back as what is stored (a re-import that changes nothing).
import { RECORD_FIELDS, type RecordName } from '../record-fields.js';

export type Json = Record<string, unknown>;

/** Per record: its optional lists of records, which an その他(JSON) cell may hold as `[]`. */
const OPTIONAL_LISTS = Object.fromEntries(
  Object.entries(RECORD_FIELDS).map(([name, fields]) => [name, new Set(fields.lists.filter((list) => !list.required).map((list) => list.name))]),
) as unknown as Record<RecordName, ReadonlySet<string>>;

/** A known field an その他(JSON) cell may still hold: an optional list of records, empty. */
export function emptyListField(record: RecordName, name: string, value: unknown): boolean {
  return OPTIONAL_LISTS[record].has(name) && Array.isArray(value) && value.length === 0;
}

/** The unknown fields of a record and its optional lists written `[]`, or undefined when there are none. */
export function extrasWithEmptyLists(record: object, name: RecordName, known: ReadonlySet<string>): Json | undefined {
  let extras = extrasOf(record, known);
  for (const list of OPTIONAL_LISTS[name]) {
    const value = (record as Json)[list];
    if (!emptyListField(name, list, value)) continue;
    extras ??= {};
    define(extras, list, []);
  }
  return extras;
}

/** The unknown fields of a record, or undefined when it has none. */
export function extrasOf(record: object, known: ReadonlySet<string>): Json | undefined {
  let extras: Json | undefined;
  for (const [name, value] of Object.entries(record)) {
    if (known.has(name) || value === undefined) continue;
    extras ??= {};
    define(extras, name, value);
  }
  return extras;
}

/** Sets a field as an own property, even `__proto__` (which plain assignment would not). */
export function define(target: Json, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/** Copies the fields of `extras` onto a record being read back. */
export function addExtras(target: Json, extras: Json | undefined): void {
  if (!extras) return;
  for (const [name, value] of Object.entries(extras)) define(target, name, value);
}

/** The only keys of `record` (fields set to undefined ignored) are among `allowed`. */
export function onlyKeys(record: object, allowed: ReadonlySet<string>): boolean {
  return Object.entries(record).every(([name, value]) => value === undefined || allowed.has(name));
}
