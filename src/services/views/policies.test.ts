import { describe, expect, it } from 'vitest';
import { compute } from '../../interchange/compute.js';
import { buildDocument, buildPlacement, buildProject, POLICY_A, POLICY_B } from '../../../test/factories.js';
import { codeLevels, gradeTally, policiesView, policyView } from './policies.js';
import { policiesCsv } from './policies-csv.js';

const doc = compute(
  buildDocument({
    policies: [{ ...POLICY_A }, { ...POLICY_B }, { code: 'I-2-(1)-②', title: '大学などの教育研究機能の充実' }],
    projects: [
      buildProject({
        key: 'a',
        evaluations: [{ fiscalYear: 2021, grade: '順調', course: '継続' }],
        placements: [buildPlacement({ no: 2 }), buildPlacement({ policy: POLICY_B.code, no: 3, evaluations: [{ fiscalYear: 2021, grade: '遅れ' }] })],
      }),
      buildProject({ key: 'b', name: '別の事業', evaluations: [], placements: [buildPlacement({ no: 1 }), buildPlacement({ policy: 'X-1', no: 9 })] }),
    ],
    policyEvaluations: [
      { policy: POLICY_A.code, bureau: '企画調整局', fiscalYear: 2021, grade: '順調', improvement: '続ける' },
      { policy: POLICY_A.code, bureau: '企画調整局', fiscalYear: 2020, grade: '遅れ' },
    ],
  }),
);

describe('codeLevels', () => {
  it('reads a code by its prefix levels', () => {
    expect(codeLevels('I-2-(1)-②')).toEqual(['I', 'I-2', 'I-2-(1)', 'I-2-(1)-②']);
    expect(codeLevels('X')).toEqual(['X']);
  });
});

describe('policiesView', () => {
  const view = policiesView(doc, 2021);

  it('nests the policies under their prefixes, in document order, unknown codes last', () => {
    expect(view.tree.map((node) => node.code)).toEqual(['II', 'I', 'X']);
    const ii3 = view.tree[0]!.children[0]!.children[0]!;
    expect(ii3.code).toBe('II-3-(3)');
    expect(ii3.children.map((node) => [node.code, node.policy?.title])).toEqual([
      [POLICY_A.code, POLICY_A.title],
      [POLICY_B.code, POLICY_B.title],
    ]);
    expect(view.tree[2]!.children[0]!.policy).toMatchObject({ code: 'X-1', title: '', rows: [expect.objectContaining({ no: 9 })] });
  });

  it('gives each policy its bureau grade of the year and its rows with their grades', () => {
    const a = view.policies.find((policy) => policy.code === POLICY_A.code)!;
    expect(a.evaluations).toEqual([{ bureau: '企画調整局', grade: '順調', improvement: '続ける' }]);
    expect(a.rows.map((row) => [row.no, row.projectKey, row.grade ?? null])).toEqual([
      [1, 'b', null],
      [2, 'a', '順調'],
    ]);
    expect(view.policies.find((policy) => policy.code === POLICY_B.code)!.rows[0]).toMatchObject({ no: 3, grade: '遅れ' });
    expect(view.policies.find((policy) => policy.code === 'I-2-(1)-②')!.rows).toEqual([]);
  });

  it('tallies the rows by grade on the scale', () => {
    const a = view.policies.find((policy) => policy.code === POLICY_A.code)!;
    expect(gradeTally(a.rows, ['大変順調', '順調', 'やや遅れ', '遅れ'])).toEqual([{ grade: '順調', rows: 1 }]);
  });

  it('writes a line per row, and one for a policy without rows', () => {
    const csv = policiesCsv(2021, view.policies);
    expect(csv.rows.length).toBe(4 + 1);
    expect(csv.rows).toContainEqual([2021, 'I-2-(1)-②', 'I > I-2 > I-2-(1) > I-2-(1)-②', '大学などの教育研究機能の充実', '', null, null, null, null, null, null, null, null]);
  });
});

describe('policyView', () => {
  it('shows one policy of a year, or nothing for an unknown code', () => {
    expect(policyView(doc, POLICY_A.code, 2020)?.evaluations).toEqual([{ bureau: '企画調整局', grade: '遅れ' }]);
    expect(policyView(doc, 'X-1', 2021)?.rows.map((row) => row.no)).toEqual([9]);
    expect(policyView(doc, 'Z-9', 2021)).toBeUndefined();
  });
});
