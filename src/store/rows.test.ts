import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { HyokaDocument, Period } from '../domain/model.js';
import { buildRichDocument, documentArbitrary } from '../../test/factories.js';
import {
  budgetRow,
  evaluationRow,
  indicatorRow,
  organizationRow,
  periodRow,
  personnelCostRow,
  placementRow,
  policyEvaluationRow,
  policyRow,
  projectRow,
  toBudget,
  toDocument,
  toEvaluation,
  toIndicator,
  toPeriod,
  toPersonnelCost,
  toPlacement,
  toPolicy,
  toPolicyEvaluation,
  toProject,
} from './rows.js';

const ID = 7;

/** Every record of a document through its row and back; the lists come from the record itself. */
function throughRows(doc: HyokaDocument): HyokaDocument {
  const projects = doc.projects.map((project) => {
    const indicators = (project.indicators ?? []).map((indicator) =>
      toIndicator(
        { id: ID, ...indicatorRow(indicator, ID, 0) },
        (indicator.periods ?? []).map((p) => toPeriod({ id: ID, ...periodRow(p, ID, 0) })),
      ),
    );
    const placements = project.placements.map((placement) =>
      toPlacement({ id: ID, ...placementRow(placement, ID, ID, 0) }, placement.policy, {
        personnelCosts: (placement.personnelCosts ?? []).map((c) => toPersonnelCost({ id: ID, ...personnelCostRow(c, ID, ID, 0) })),
        evaluations: (placement.evaluations ?? []).map((e) => toEvaluation({ id: ID, ...evaluationRow(e, ID, ID, 0) })),
      }),
    );
    return toProject(
      { id: ID, ...projectRow(project, ID, 0) },
      {
        budgets: (project.budgets ?? []).map((b) => toBudget({ id: ID, ...budgetRow(b, ID, 0) })),
        personnelCosts: (project.personnelCosts ?? []).map((c) => toPersonnelCost({ id: ID, ...personnelCostRow(c, ID, null, 0) })),
        indicators,
        evaluations: (project.evaluations ?? []).map((e) => toEvaluation({ id: ID, ...evaluationRow(e, ID, null, 0) })),
        placements,
      },
    );
  });
  return toDocument(
    { id: ID, ...organizationRow(doc) },
    {
      policies: doc.policies.map((p) => toPolicy({ id: ID, ...policyRow(p, ID, 0) })),
      projects,
      policyEvaluations: (doc.policyEvaluations ?? []).map((e) => toPolicyEvaluation({ id: ID, ...policyEvaluationRow(e, ID, 0) }, e.policy)),
    },
  );
}

describe('records to rows and back', () => {
  it('keeps every field of the rich document', () => {
    const doc = buildRichDocument();
    expect(throughRows(doc)).toStrictEqual(doc);
  });

  it('keeps any canonical document (property)', () => {
    fc.assert(
      fc.property(documentArbitrary(), (doc) => {
        expect(throughRows(doc)).toStrictEqual(doc);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['an absent list stays absent', {}, {}],
    ['an empty list stays empty', { personnelCosts: [], evaluations: [], indicators: [], sdgs: [] }, { personnelCosts: [], evaluations: [], indicators: [], sdgs: [] }],
    ['an empty summary is not an absent one', { summary: '' }, { summary: '' }],
  ])('on a row, %s', (_, fields, expected) => {
    const row = { id: ID, ...placementRow({ policy: 'A', no: 1, ...fields }, ID, ID, 0) };
    expect(toPlacement(row, 'A', { personnelCosts: [], evaluations: [] })).toStrictEqual({ policy: 'A', no: 1, ...expected });
  });

  it("drops compute()'s fields and keeps unknown ones", () => {
    const computed: Period = { fiscalYear: 2021, target: 54, actual: 59.9, achievementRate: 110.9, achieved: true, midTermProgress: null, source: '調査' };
    expect(toPeriod({ id: ID, ...periodRow(computed, ID, 0) })).toStrictEqual({ fiscalYear: 2021, target: 54, actual: 59.9, source: '調査' });
    const budget = toBudget({ id: ID, ...budgetRow({ fiscalYear: 2023, amount: 43921, change: '増額' }, ID, 0) });
    expect(budget).toStrictEqual({ fiscalYear: 2023, amount: 43921 });
    const evaluation = toEvaluation({ id: ID, ...evaluationRow({ fiscalYear: 2021, grade: '順調', suggestedGrade: '順調' }, ID, null, 0) });
    expect(evaluation).toStrictEqual({ fiscalYear: 2021, grade: '順調' });
  });

  it('keeps a field named __proto__ as a field, never as a prototype', () => {
    const policy = JSON.parse('{"code":"A","title":"t","__proto__":{"polluted":true}}') as HyokaDocument['policies'][number];
    const back = toPolicy({ id: ID, ...policyRow(policy, ID, 0) });
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(back, '__proto__')?.value).toEqual({ polluted: true });
    expect((back as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('stores settings exactly as written, defaults included', () => {
    const doc: HyokaDocument = { format: 'hyoka/1', organization: { name: 'x' }, settings: { budgetFlatBand: 5, rateDecimals: 1 }, policies: [], projects: [] };
    expect(organizationRow(doc).settings).toBe('{"budgetFlatBand":5,"rateDecimals":1}');
  });
});
