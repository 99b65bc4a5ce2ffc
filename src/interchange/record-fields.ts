// Each record's fields, read from the zod shapes of schema.ts: the one place they are
// declared. Whatever needs a list of them — the store's columns, the data workbook's
// columns and その他(JSON) cells, the change set's comparison — derives it from here, so a
// field added to the schema reaches all of them.
//
// A field is a list of records (children: budgets, periods, placements …) when the schema
// makes it an array of objects; every other field holds a value: text, a number, or a
// value object compared whole (a target, a baseline, a mid-term, a list of SDG goals).
import type { z } from 'zod';
import * as schema from './schema.js';

export type RecordName =
  | 'document'
  | 'organization'
  | 'plan'
  | 'settings'
  | 'policy'
  | 'project'
  | 'placement'
  | 'indicator'
  | 'period'
  | 'budget'
  | 'personnelCost'
  | 'evaluation'
  | 'policyEvaluation';

/** How a value field is held: text, a number (numerals are numbers once validated), or a value object. */
export type ValueKind = 'text' | 'number' | 'value';

export interface ValueField {
  name: string;
  kind: ValueKind;
  required: boolean;
}

export interface ListField {
  name: string;
  /** The record each element is. */
  element: RecordName;
  required: boolean;
}

export interface RecordFields {
  /** Value fields, in the schema's order. */
  values: readonly ValueField[];
  /** Lists of child records, in the schema's order. */
  lists: readonly ListField[];
  /** Every field in the schema's order (values and lists), as records are written. */
  order: readonly string[];
  /** compute()'s fields: neither stored nor compared. */
  computed: readonly string[];
  /** The schema's fields and compute()'s: whatever else a record holds is an unknown field. */
  known: ReadonlySet<string>;
}

const SCHEMAS = {
  document: schema.documentSchema,
  organization: schema.organizationSchema,
  plan: schema.planSchema,
  settings: schema.settingsSchema,
  policy: schema.policySchema,
  project: schema.projectSchema,
  placement: schema.placementSchema,
  indicator: schema.indicatorSchema,
  period: schema.periodSchema,
  budget: schema.budgetSchema,
  personnelCost: schema.personnelCostSchema,
  evaluation: schema.evaluationSchema,
  policyEvaluation: schema.policyEvaluationSchema,
} as const;

export type RecordSchemas = typeof SCHEMAS;

const COMPUTED: Partial<Record<RecordName, readonly string[]>> = schema.computedFields;

interface Def {
  type: string;
  [key: string]: unknown;
}
const defOf = (type: z.ZodType): Def => type._zod.def as Def;

function unwrapped(type: z.ZodType): { inner: z.ZodType; required: boolean } {
  const def = defOf(type);
  return def.type === 'optional' ? { inner: def.innerType as z.ZodType, required: false } : { inner: type, required: true };
}

const recordOfSchema = new Map<z.ZodType, RecordName>(Object.entries(SCHEMAS).map(([name, s]) => [s as z.ZodType, name as RecordName]));

function valueKind(type: z.ZodType): ValueKind {
  if (type === schema.numeral) return 'number';
  const def = defOf(type);
  if (def.type === 'string' || def.type === 'enum') return 'text';
  if (def.type === 'number') return 'number';
  return 'value';
}

function fieldsOf(name: RecordName): RecordFields {
  const shape = SCHEMAS[name].shape as Record<string, z.ZodType>;
  const values: ValueField[] = [];
  const lists: ListField[] = [];
  for (const [field, type] of Object.entries(shape)) {
    const { inner, required } = unwrapped(type);
    const def = defOf(inner);
    const element = def.type === 'array' ? recordOfSchema.get(def.element as z.ZodType) : undefined;
    if (element !== undefined) lists.push({ name: field, element, required });
    else values.push({ name: field, kind: valueKind(inner), required });
  }
  const computed = COMPUTED[name] ?? [];
  return { values, lists, order: Object.keys(shape), computed, known: new Set([...Object.keys(shape), ...computed]) };
}

export const RECORD_FIELDS: { readonly [R in RecordName]: RecordFields } = Object.fromEntries(
  (Object.keys(SCHEMAS) as RecordName[]).map((name) => [name, fieldsOf(name)]),
) as { [R in RecordName]: RecordFields };

/** The schema and compute()'s field names of each record: anything else a record carries is unknown. */
export const KNOWN_FIELDS: { readonly [R in RecordName]: ReadonlySet<string> } = Object.fromEntries(
  (Object.keys(SCHEMAS) as RecordName[]).map((name) => [name, RECORD_FIELDS[name].known]),
) as { [R in RecordName]: ReadonlySet<string> };
