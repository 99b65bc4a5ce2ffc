// The column types of a record's fields, derived from its zod shape (interchange/schema.ts)
// so that a field added there is a typed column here: camelCase → snake_case unless renamed;
// text and numbers as themselves, every other value as JSON text; null where the field is
// optional. Lists of child records are tables of their own, not columns.
import type { z } from 'zod';
import type { numeral } from '../interchange/schema.js';

/** JSON text of a value object or list, or null when absent. */
export type Json = string | null;

type Unwrap<T> = T extends z.ZodOptional<infer Inner> ? Inner : T;

/** `midTerm` → `mid_term`, `fiscalYear` → `fiscal_year` (snakeCase() is the same at run time). */
export type Snake<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${Snake<Tail>}`
  : S;

type IsRecordList<T> = Unwrap<T> extends z.ZodArray<infer Element> ? (Element extends z.ZodObject ? true : false) : false;

type ValueColumn<T> = Unwrap<T> extends z.ZodString | z.ZodEnum
  ? string
  : Unwrap<T> extends z.ZodNumber | typeof numeral
    ? number
    : Json;

type Nullable<T, V> = T extends z.ZodOptional ? V | null : V;

/**
 * The columns holding a record's value fields. `Renamed` names the exceptions to the
 * naming rule; `Placed` the fields held by a parent column instead (a row's policy).
 */
export type FieldColumns<S extends z.ZodObject, Renamed extends Readonly<Record<string, string>> = {}, Placed extends string = never> = {
  [K in keyof S['shape'] & string as K extends Placed
    ? never
    : IsRecordList<S['shape'][K]> extends true
      ? never
      : K extends keyof Renamed
        ? Renamed[K]
        : Snake<K>]: Nullable<S['shape'][K], ValueColumn<S['shape'][K]>>;
};

export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
