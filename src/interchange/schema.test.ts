import { describe, expect, it } from 'vitest';
import { computedFields, documentSchema, midTermSchema, periodSchema, projectSchema, targetSchema } from './schema.js';
import { seedDocument } from './validate.fixtures.js';

describe('the hyoka/1 schema', () => {
  it('accepts the seed document', () => {
    expect(documentSchema.safeParse(seedDocument()).success).toBe(true);
  });

  it.each([
    54,
    '54.0%',
    { kind: 'previous-year' },
    { kind: 'previous-year', base: 64616, direction: 'decrease' },
    { kind: 'rank', atMost: 10 },
    { kind: 'qualitative', text: 'A (計画どおり)' },
    { kind: 'none' },
    { kind: 'pending', note: '…時に設定' },
    { kind: 'none', memo: 'unknown fields pass' },
  ])('accepts the target %j', (target) => {
    expect(targetSchema.safeParse(target).success).toBe(true);
  });

  it.each([null, true, { kind: 'rank' }, { kind: 'qualitative' }, { kind: 'previous-year', direction: 'up' }, { kind: 'ratio' }, {}])('refuses the target %j', (target) => {
    expect(targetSchema.safeParse(target).success).toBe(false);
  });

  it('leaves cross-field rules to validation: a mid-term needs only its target here', () => {
    expect(midTermSchema.safeParse({ target: 62 }).success).toBe(true);
    expect(midTermSchema.safeParse({ basis: 'by-year' }).success).toBe(false);
  });

  it("does not define compute()'s fields, so they are never checked as input", () => {
    for (const field of computedFields.period) expect(Object.keys(periodSchema.shape)).not.toContain(field);
    expect(periodSchema.safeParse({ fiscalYear: 2021, achievementRate: 'anything', achieved: null }).success).toBe(true);
    expect(projectSchema.shape.placements.safeParse([]).success).toBe(false);
  });
});
