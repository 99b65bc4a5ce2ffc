import { describe, expect, it } from 'vitest';
import { buildDocument, buildProject, POLICY_A, POLICY_B } from '../../test/factories.js';
import { mergeDocuments } from './merge.js';

describe('mergeDocuments', () => {
  const stored = buildDocument({
    projects: [buildProject({ key: 'a' }), buildProject({ key: 'b' })],
    policyEvaluations: [{ policy: POLICY_A.code, bureau: '企画調整局', fiscalYear: 2021, grade: '順調' }],
    settings: { rateDecimals: 1 },
  });

  it('replaces the file’s projects in their places, appends new ones, leaves the others', () => {
    const file = buildDocument({ policies: [], projects: [buildProject({ key: 'c' }), buildProject({ key: 'a', summary: '新' })] });
    const merged = mergeDocuments(stored, file);
    expect(merged.projects.map((p) => [p.key, p.summary])).toEqual([['a', '新'], ['b', undefined], ['c', undefined]]);
    expect(merged.policies).toEqual(stored.policies);
    expect(merged.settings).toEqual({ rateDecimals: 1 });
  });

  it('upserts policies and policy evaluations by key; what the file writes around its lists replaces the stored value', () => {
    const file = buildDocument({
      policies: [{ ...POLICY_B, title: '改題' }, { code: 'NEW', title: '新しい施策' }],
      projects: [],
      policyEvaluations: [
        { policy: POLICY_A.code, bureau: '企画調整局', fiscalYear: 2021, grade: '遅れ' },
        { policy: POLICY_B.code, bureau: '企画調整局', fiscalYear: 2021 },
      ],
      settings: { rateDecimals: 2 },
    });
    const merged = mergeDocuments(stored, file);
    expect(merged.policies.map((p) => [p.code, p.title])).toEqual([[POLICY_A.code, POLICY_A.title], [POLICY_B.code, '改題'], ['NEW', '新しい施策']]);
    expect(merged.policyEvaluations?.map((e) => [e.policy, e.grade])).toEqual([[POLICY_A.code, '遅れ'], [POLICY_B.code, undefined]]);
    expect(merged.settings).toEqual({ rateDecimals: 2 });
    expect(merged.projects).toEqual(stored.projects);
  });

  it('is the file itself for a new organization, and adds no empty list the store did not have', () => {
    const file = buildDocument();
    expect(mergeDocuments(undefined, file)).toBe(file);
    const bare = buildDocument();
    expect(mergeDocuments(bare, buildDocument({ policyEvaluations: [] })).policyEvaluations).toBeUndefined();
  });
});
