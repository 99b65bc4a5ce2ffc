// A record's fields in the data workbook: those hyoka/1 names (record-fields.ts, from the
// schema) have columns of their own; everything else a record carries (unknown fields)
// travels in its その他(JSON) cell, and compute()'s fields are written for reading only.
export type Json = Record<string, unknown>;

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
