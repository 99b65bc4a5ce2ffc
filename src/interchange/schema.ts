// The hyoka/1 document as it may be written (../../shared/docs/interchange.md, "Shape" and
// "Rules"): the shape, types, required fields and single-field ranges. Records are loose
// (unknown fields are kept); compute()'s fields are not part of the input and are not
// checked here. The rules that span records or need the indicator's unit — uniqueness,
// references, settings, mid-term bases, and reading the strings where numbers belong —
// are validate.ts's.
//
// Strings where numbers belong (`numeral` below) are accepted only where a person writes
// them: fiscal years (`R3年度`, `令和3年度`, `2021年度`, or `2021`), and target, actual, base,
// atMost, amount and value as a numeral with full-width digits, commas, the indicator's
// unit and 千/万/百万/億. Amounts are thousand yen: a numeral without a unit is thousand
// yen (`3,144,000`); one with a yen unit is converted exactly (`3,144,000千円`,
// `31.44億円`), and must come to a whole number of thousand yen. Validation replaces each
// such string with its number.
import { z } from 'zod';
import { TEXT_LIMITS } from './bounds.js';

// Text by kind, each with its length limit (bounds.ts, docs/limits.md).
const identifier = z.string().max(TEXT_LIMITS.identifier);
const name = z.string().max(TEXT_LIMITS.name);
const text = z.string().max(TEXT_LIMITS.text);

/** A number, or a numeral string that validation reads and replaces with its number. */
export const numeral = z.union([z.number(), identifier]);

export const betterSchema = z.enum(['higher', 'lower']);
export const basisSchema = z.enum(['by-year', 'every-year', 'cumulative', 'span']);

export const previousYearTargetSchema = z.looseObject({
  kind: z.literal('previous-year'),
  base: numeral.optional(),
  direction: z.enum(['increase', 'decrease']).optional(),
});
export const rankTargetSchema = z.looseObject({ kind: z.literal('rank'), atMost: numeral });
export const qualitativeTargetSchema = z.looseObject({ kind: z.literal('qualitative'), text: name });
export const noneTargetSchema = z.looseObject({ kind: z.literal('none'), note: name.optional() });
export const pendingTargetSchema = z.looseObject({ kind: z.literal('pending'), note: name.optional() });

export const targetObjectSchema = z.discriminatedUnion('kind', [
  previousYearTargetSchema,
  rankTargetSchema,
  qualitativeTargetSchema,
  noneTargetSchema,
  pendingTargetSchema,
]);
/** A string target is only ever a numeral; the other kinds are objects. */
export const targetSchema = z.union([z.number(), identifier, targetObjectSchema]);

export const qualitativeActualSchema = z.looseObject({ text: name, achieved: z.boolean().optional() });
export const actualSchema = z.union([z.number(), identifier, qualitativeActualSchema]);

export const midTermCoreSchema = z.looseObject({
  target: targetSchema,
  basis: basisSchema.optional(),
  fiscalYear: numeral.optional(),
  from: numeral.optional(),
  to: numeral.optional(),
  calendar: z.boolean().optional(),
  label: name.optional(),
});
export const midTermRevisionSchema = z.looseObject({
  fiscalYear: numeral.optional(),
  previous: midTermCoreSchema.optional(),
  reason: text,
});
export const midTermSchema = midTermCoreSchema.extend({ revisions: z.array(midTermRevisionSchema).optional() });

export const baselineSchema = z.looseObject({
  value: numeral.optional(),
  text: name.optional(),
  approx: z.boolean().optional(),
  fiscalYear: numeral.optional(),
  from: numeral.optional(),
  to: numeral.optional(),
  calendar: z.boolean().optional(),
  label: name.optional(),
});

export const periodSchema = z.looseObject({ fiscalYear: numeral, target: targetSchema.optional(), actual: actualSchema.optional() });

export const indicatorSchema = z.looseObject({
  key: identifier,
  name: name,
  unit: identifier,
  better: betterSchema.optional(),
  decimals: z.number().int().min(0).max(4).optional(),
  baseline: baselineSchema.optional(),
  midTerm: midTermSchema.optional(),
  periods: z.array(periodSchema).optional(),
});

/** Thousand yen. */
export const budgetSchema = z.looseObject({ fiscalYear: numeral, amount: numeral });
export const personnelCostSchema = z.looseObject({ fiscalYear: numeral, amount: numeral });

export const evaluationSchema = z.looseObject({
  fiscalYear: numeral,
  grade: identifier.optional(),
  gradeReason: text.optional(),
  course: identifier.optional(),
  improvement: text.optional(),
});

export const sdgsSchema = z.array(z.number().int().min(1).max(17));

export const placementSchema = z.looseObject({
  policy: identifier,
  no: z.number().int().min(1),
  summary: text.optional(),
  sdgs: sdgsSchema.optional(),
  personnelCosts: z.array(personnelCostSchema).optional(),
  indicators: z.array(identifier).optional(),
  evaluations: z.array(evaluationSchema).optional(),
});

export const projectSchema = z.looseObject({
  key: identifier,
  name: name,
  bureau: name.optional(),
  division: name,
  summary: text.optional(),
  sdgs: sdgsSchema.optional(),
  budgets: z.array(budgetSchema).optional(),
  personnelCosts: z.array(personnelCostSchema).optional(),
  indicators: z.array(indicatorSchema).optional(),
  evaluations: z.array(evaluationSchema).optional(),
  placements: z.array(placementSchema).min(1),
});

export const policySchema = z.looseObject({ code: identifier, title: name });

export const policyEvaluationSchema = z.looseObject({
  policy: identifier,
  fiscalYear: numeral,
  bureau: name.optional(),
  grade: identifier.optional(),
  improvement: text.optional(),
});

export const organizationSchema = z.looseObject({ name: name, code: identifier.optional() });
export const planSchema = z.looseObject({ name: name });

export const settingsSchema = z.looseObject({
  grades: z.array(identifier).min(2).optional(),
  gradeBands: z.array(z.number()).optional(),
  courses: z.array(identifier).min(1).optional(),
  budgetFlatBand: z.number().min(0).optional(),
  rateDecimals: z.number().int().min(0).max(4).optional(),
  stages: z.array(z.enum(['draft', 'submitted', 'reviewed', 'approved'])).optional(),
});

export const documentSchema = z.looseObject({
  format: z.literal('hyoka/1'),
  organization: organizationSchema,
  plan: planSchema.optional(),
  settings: settingsSchema.optional(),
  policies: z.array(policySchema),
  projects: z.array(projectSchema),
  policyEvaluations: z.array(policyEvaluationSchema).optional(),
});

/** The fields compute() writes: ignored on input — stripped, neither stored nor reported. */
export const computedFields = {
  period: ['achievementRate', 'achieved', 'midTermProgress'],
  budget: ['change'],
  evaluation: ['suggestedGrade'],
} as const;
