// A record's row as the values of its table's columns, in write order (COLUMNS): the value
// fields (value objects as JSON text), the record's unknown fields as `extra`, and the names
// of its lists written `[]` as `empty_lists`. An import writes a row for every record (two
// million for a large city), straight into a statement's parameters — no row object between.
import { KNOWN_FIELDS } from '../interchange/record-fields.js';
import { LAYOUTS, type Json, type TableLayout, type TableName } from './schema.js';

type Fields = Record<string, unknown>;

/** The record's unknown fields as JSON, or null when it has none. */
export function extraOf(record: object, fields: ReadonlySet<string>): Json {
  let extra: Fields | undefined;
  for (const name of Object.keys(record)) {
    if (fields.has(name)) continue;
    const value = (record as Fields)[name];
    if (value === undefined) continue;
    extra ??= {};
    // defineProperty: a field named __proto__ must stay a field, not become a prototype.
    Object.defineProperty(extra, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return extra ? JSON.stringify(extra) : null;
}

export function json(value: unknown): Json {
  if (value === undefined) return null;
  // Most targets and actuals are plain numbers: String() writes what JSON.stringify would.
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : JSON.stringify(value);
}

/** Names of the record's optional lists written as `[]`. */
export function emptyLists(record: object, names: readonly string[]): string | null {
  let found: string | null = null;
  for (const name of names) {
    const value = (record as Fields)[name];
    if (Array.isArray(value) && value.length === 0) found = found === null ? name : `${found},${name}`;
  }
  return found;
}

/**
 * Writes the row of `record` into `values` from index `at`: its primary key, the values of
 * the place columns (parents, then position) in order, then the layout's columns. Columns
 * the record does not fill (the organization's plan and settings) are null.
 */
export type RowFill = (values: unknown[], at: number, id: number, record: object, ...place: unknown[]) => void;

/** Where each column's value comes from. */
type Source = { place: number } | { field: string; value: boolean } | { extra: true } | { emptyLists: true } | { none: true };

function sourcesOf(layout: TableLayout): Source[] {
  return layout.columns.slice(1).map((column): Source => {
    const place = layout.place.indexOf(column);
    if (place >= 0) return { place };
    const field = layout.fields.find((f) => f.column === column);
    if (field) return { field: field.field, value: field.kind === 'value' };
    if (column === 'extra') return { extra: true };
    if (column === 'empty_lists') return { emptyLists: true };
    return { none: true };
  });
}

/** The fill, field by field (what the compiled fill does in straight-line code). */
function genericFill(layout: TableLayout): RowFill {
  const known = KNOWN_FIELDS[layout.record];
  const sources = sourcesOf(layout);
  return (values, at, id, record, ...place) => {
    values[at] = id;
    sources.forEach((source, i) => {
      const r = record as Fields;
      values[at + 1 + i] =
        'place' in source ? place[source.place]
        : 'field' in source ? (source.value ? json(r[source.field]) : (r[source.field] ?? null))
        : 'extra' in source ? extraOf(record, known)
        : 'emptyLists' in source ? emptyLists(record, layout.optionalLists)
        : null;
    });
  };
}

// One function per table, generated from its layout: straight-line code, each field read by
// name, where a loop over the columns reads `record[name]` with the name varying — a slow,
// megamorphic access, done for every value of every row (the loop made flattening a
// 10,000-project document about a sixth slower). The text holds only names from the schema
// and the layouts, each written with JSON.stringify; nothing from a document is ever part of it.
function compiledFill(layout: TableLayout): RowFill {
  const name = JSON.stringify;
  const place = layout.place.map((_, i) => `p${i}`);
  const statements = sourcesOf(layout).map((source, i) => {
    const value =
      'place' in source ? `p${source.place}`
      : 'field' in source ? (source.value ? `json(r[${name(source.field)}])` : `r[${name(source.field)}] ?? null`)
      : 'extra' in source ? 'extraOf(r, known)'
      : 'emptyLists' in source ? 'emptyLists(r, lists)'
      : 'null';
    return `values[at + ${i + 1}] = ${value};`;
  });
  const source = `return function (values, at, id, r, ${place.join(', ')}) { values[at] = id; ${statements.join(' ')} };`;
  try {
    return new Function('json', 'extraOf', 'emptyLists', 'known', 'lists', source)(json, extraOf, emptyLists, KNOWN_FIELDS[layout.record], layout.optionalLists) as RowFill;
  } catch (error) {
    // Code generation disallowed (node --disallow-code-generation-from-strings): the plain loop.
    if (!(error instanceof EvalError)) throw error;
    return genericFill(layout);
  }
}

/** Each table's fill: `FILL.periods(values, at, id, period, indicatorId, position)`. */
export const FILL = Object.fromEntries(Object.entries(LAYOUTS).map(([table, layout]) => [table, compiledFill(layout)])) as Record<TableName, RowFill>;
