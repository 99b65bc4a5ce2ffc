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

/** A number, or a numeral string that validation reads and replaces with its number. */
export const numeral = z.union([z.number(), z.string()]);

export const betterSchema = z.enum(['higher', 'lower']);
export const basisSchema = z.enum(['by-year', 'every-year', 'cumulative', 'span']);

export const previousYearTargetSchema = z.looseObject({
  kind: z.literal('previous-year'),
  base: numeral.optional(),
  direction: z.enum(['increase', 'decrease']).optional(),
});
export const rankTargetSchema = z.looseObject({ kind: z.literal('rank'), atMost: numeral });
export const qualitativeTargetSchema = z.looseObject({ kind: z.literal('qualitative'), text: z.string() });
export const noneTargetSchema = z.looseObject({ kind: z.literal('none'), note: z.string().optional() });
export const pendingTargetSchema = z.looseObject({ kind: z.literal('pending'), note: z.string().optional() });

export const targetObjectSchema = z.discriminatedUnion('kind', [
  previousYearTargetSchema,
  rankTargetSchema,
  qualitativeTargetSchema,
  noneTargetSchema,
  pendingTargetSchema,
]);
/** A string target is only ever a numeral; the other kinds are objects. */
export const targetSchema = z.union([z.number(), z.string(), targetObjectSchema]);

export const qualitativeActualSchema = z.looseObject({ text: z.string(), achieved: z.boolean().optional() });
export const actualSchema = z.union([z.number(), z.string(), qualitativeActualSchema]);

export const midTermCoreSchema = z.looseObject({
  target: targetSchema,
  basis: basisSchema.optional(),
  fiscalYear: numeral.optional(),
  from: numeral.optional(),
  to: numeral.optional(),
  calendar: z.boolean().optional(),
  label: z.string().optional(),
});
export const midTermRevisionSchema = z.looseObject({
  fiscalYear: numeral.optional(),
  previous: midTermCoreSchema.optional(),
  reason: z.string(),
});
export const midTermSchema = midTermCoreSchema.extend({ revisions: z.array(midTermRevisionSchema).optional() });

export const baselineSchema = z.looseObject({
  value: numeral.optional(),
  text: z.string().optional(),
  approx: z.boolean().optional(),
  fiscalYear: numeral.optional(),
  from: numeral.optional(),
  to: numeral.optional(),
  calendar: z.boolean().optional(),
  label: z.string().optional(),
});

export const periodSchema = z.looseObject({ fiscalYear: numeral, target: targetSchema.optional(), actual: actualSchema.optional() });

export const indicatorSchema = z.looseObject({
  key: z.string(),
  name: z.string(),
  unit: z.string(),
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
  grade: z.string().optional(),
  gradeReason: z.string().optional(),
  course: z.string().optional(),
  improvement: z.string().optional(),
});

export const sdgsSchema = z.array(z.number().int().min(1).max(17));

export const placementSchema = z.looseObject({
  policy: z.string(),
  no: z.number().int().min(1),
  summary: z.string().optional(),
  sdgs: sdgsSchema.optional(),
  personnelCosts: z.array(personnelCostSchema).optional(),
  indicators: z.array(z.string()).optional(),
  evaluations: z.array(evaluationSchema).optional(),
});

export const projectSchema = z.looseObject({
  key: z.string(),
  name: z.string(),
  bureau: z.string().optional(),
  division: z.string(),
  summary: z.string().optional(),
  sdgs: sdgsSchema.optional(),
  budgets: z.array(budgetSchema).optional(),
  personnelCosts: z.array(personnelCostSchema).optional(),
  indicators: z.array(indicatorSchema).optional(),
  evaluations: z.array(evaluationSchema).optional(),
  placements: z.array(placementSchema).min(1),
});

export const policySchema = z.looseObject({ code: z.string(), title: z.string() });

export const policyEvaluationSchema = z.looseObject({
  policy: z.string(),
  fiscalYear: numeral,
  bureau: z.string().optional(),
  grade: z.string().optional(),
  improvement: z.string().optional(),
});

export const organizationSchema = z.looseObject({ name: z.string(), code: z.string().optional() });
export const planSchema = z.looseObject({ name: z.string() });

export const settingsSchema = z.looseObject({
  grades: z.array(z.string()).min(2).optional(),
  gradeBands: z.array(z.number()).optional(),
  courses: z.array(z.string()).min(1).optional(),
  budgetFlatBand: z.number().min(0).optional(),
  rateDecimals: z.number().int().min(0).max(4).optional(),
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
