import { describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../domain/model.js';
import { buildDocument, buildProject, buildRichDocument, POLICY_A } from '../../test/factories.js';
import { changeList } from './change-list.js';
import { pathSegments } from './change-path.js';
import { changeSetOf, isEmptyChangeSet, RECORD_KINDS, type ChangeSet, type RecordCounts } from './change-set.js';

function changeSet(stored: HyokaDocument | undefined, desired: HyokaDocument): ChangeSet {
  const result = changeSetOf(stored, desired);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.changeSet;
}

/** The preview's values: what a clerk sees. */
const values = (stored: HyokaDocument | undefined, desired: HyokaDocument) => changeList(changeSet(stored, desired)).changes;

/** The rich document with one edit. */
function edited(edit: (doc: HyokaDocument) => void): HyokaDocument {
  const doc = buildRichDocument();
  edit(doc);
  return doc;
}

const tabunka = (doc: HyokaDocument) => doc.projects[0]!;

describe('changeSetOf', () => {
  it('finds nothing to change between a document and itself', () => {
    const result = changeSet(buildRichDocument(), buildRichDocument());
    expect(isEmptyChangeSet(result)).toBe(true);
    expect(result.organization).toEqual({ change: 'unchanged', fields: [] });
    for (const kind of RECORD_KINDS) expect(result.counts[kind].added + result.counts[kind].updated + result.counts[kind].removed, kind).toBe(0);
    expect(result.counts.periods.unchanged).toBe(12);
  });

  it('adds a new organization whole: each top-level record carries what hangs below it', () => {
    const doc = buildRichDocument();
    const result = changeSet(undefined, doc);
    expect(result.organization.change).toBe('added');
    expect(result.records.map((r) => `${r.change} ${r.path}`)).toEqual([
      'added policies/II-3-(3)-①',
      'added policies/II-3-(3)-②',
      'added policies/IV-4-(2)-①',
      'added projects/tabunka',
      'added projects/sdgs-empty',
      'added projects/bare',
      'added policyEvaluations/II-3-(3)-①/企画調整局/2021',
      'added policyEvaluations/II-3-(3)-②//2021',
      'added policyEvaluations/II-3-(3)-②//2022',
    ]);
    const added = (n: number): RecordCounts => ({ added: n, updated: 0, removed: 0, unchanged: 0 });
    expect(result.counts).toEqual({
      policies: added(3),
      projects: added(3),
      placements: added(5),
      indicators: added(6),
      periods: added(12),
      budgets: added(2),
      // the project's own and No.7's
      personnelCosts: added(2),
      evaluations: added(3),
      policyEvaluations: added(3),
    });
    expect(values(undefined, doc)).toContainEqual({ path: 'organization', after: doc.organization });
  });

  it.each<[string, (doc: HyokaDocument) => void, { path: string; before?: unknown; after?: unknown }]>([
    ['a policy title', (d) => void (d.policies[0]!.title = '新'), { path: 'policies/II-3-(3)-①/title', before: POLICY_A.title, after: '新' }],
    ['a policy evaluation grade', (d) => void (d.policyEvaluations![0]!.grade = '遅れ'), { path: 'policyEvaluations/II-3-(3)-①/企画調整局/2021/grade', before: '順調', after: '遅れ' }],
    ['a policy evaluation without bureau', (d) => void (d.policyEvaluations![1]!.grade = '遅れ'), { path: 'policyEvaluations/II-3-(3)-②//2021/grade', after: '遅れ' }],
    ['a project name', (d) => void (tabunka(d).name = '改名'), { path: 'projects/tabunka/name', before: '多文化共生の推進', after: '改名' }],
    ['a project bureau removed', (d) => void delete tabunka(d).bureau, { path: 'projects/tabunka/bureau', before: '企画調整局' }],
    ['a project SDG list (a value)', (d) => void (tabunka(d).sdgs = [4, 10]), { path: 'projects/tabunka/sdgs', before: [4, 10, 11, 17], after: [4, 10] }],
    ['a row summary', (d) => void (tabunka(d).placements[1]!.summary = '改'), { path: 'projects/tabunka/placements/II-3-(3)-②/7/summary', before: '日本語の不得手な外国人市民への…', after: '改' }],
    ['a row indicator list', (d) => void (tabunka(d).placements[0]!.indicators = ['kurashi']), { path: 'projects/tabunka/placements/II-3-(3)-①/5/indicators', before: ['ninchido'], after: ['kurashi'] }],
    ['an indicator unit', (d) => void (tabunka(d).indicators![0]!.unit = 'ポイント'), { path: 'projects/tabunka/indicators/ninchido/unit', before: '%', after: 'ポイント' }],
    [
      'a baseline (a value object)',
      (d) => void (tabunka(d).indicators![0]!.baseline = { value: 52, fiscalYear: 2017 }),
      { path: 'projects/tabunka/indicators/ninchido/baseline', before: { value: 51.8, fiscalYear: 2017, label: '51.8% (H29年度)' }, after: { value: 52, fiscalYear: 2017 } },
    ],
    ['an actual', (d) => void (tabunka(d).indicators![0]!.periods![0]!.actual = 60.2), { path: 'projects/tabunka/indicators/ninchido/periods/2021/actual', before: 59.9, after: 60.2 }],
    ['a target given', (d) => void (tabunka(d).indicators![1]!.periods![0]!.target = 70), { path: 'projects/tabunka/indicators/kurashi/periods/2021/target', before: { kind: 'none', note: '単年度目標設定なし' }, after: 70 }],
    ['a budget', (d) => void (tabunka(d).budgets![0]!.amount = 40000), { path: 'projects/tabunka/budgets/2022/amount', before: 42803, after: 40000 }],
    ['a personnel cost', (d) => void (tabunka(d).personnelCosts![0]!.amount = 3000), { path: 'projects/tabunka/personnelCosts/2023/amount', before: 3075, after: 3000 }],
    ['a row’s own personnel cost', (d) => void (tabunka(d).placements[1]!.personnelCosts![0]!.amount = 1), { path: 'projects/tabunka/placements/II-3-(3)-②/7/personnelCosts/2023/amount', before: 13300, after: 1 }],
    ['a grade', (d) => void (tabunka(d).evaluations![0]!.grade = 'やや遅れ'), { path: 'projects/tabunka/evaluations/2021/grade', before: '順調', after: 'やや遅れ' }],
    ['a row’s own grade', (d) => void (tabunka(d).placements[1]!.evaluations![0]!.grade = '順調'), { path: 'projects/tabunka/placements/II-3-(3)-②/7/evaluations/2021/grade', before: '大変順調', after: '順調' }],
    ['an unknown field', (d) => void (tabunka(d).indicators![0]!.periods![1]!.source = '別の調査'), { path: 'projects/tabunka/indicators/ninchido/periods/2022/source', before: '市民意識調査', after: '別の調査' }],
    ['an unknown field added', (d) => void (tabunka(d).placements[0]!.page = 2), { path: 'projects/tabunka/placements/II-3-(3)-①/5/page', after: 2 }],
    ['the organization name', (d) => void (d.organization.name = '北九州'), { path: 'organization/name', before: '北九州市', after: '北九州' }],
    ['an unknown field of the organization', (d) => void delete d.organization.prefecture, { path: 'organization/prefecture', before: '福岡県' }],
    ['the plan', (d) => void (d.plan!.name = '新計画'), { path: 'plan/name', before: '北九州市基本構想・基本計画', after: '新計画' }],
    ['a setting', (d) => void (d.settings!.budgetFlatBand = 3), { path: 'settings/budgetFlatBand', before: 5, after: 3 }],
    ['settings removed', (d) => void delete d.settings, { path: 'settings', before: buildRichDocument().settings }],
    ['an unknown field of the document', (d) => void (d.generator = { name: 'hand', version: 2 }), { path: 'generator', before: { name: 'hand', version: 1 }, after: { name: 'hand', version: 2 } }],
  ])('lists one changed value: %s', (_, edit, expected) => {
    const stored = buildRichDocument();
    expect(values(stored, edited(edit))).toEqual([expected]);
  });

  it('names the record, the kind and the field of an update, and counts it once', () => {
    const result = changeSet(buildRichDocument(), edited((d) => void (tabunka(d).indicators![0]!.periods![0]!.actual = 60.2)));
    expect(result.records).toEqual([
      expect.objectContaining({ change: 'updated', kind: 'periods', path: 'projects/tabunka/indicators/ninchido/periods/2021', from: 0, position: 0 }),
    ]);
    expect(result.counts.periods).toEqual({ added: 0, updated: 1, removed: 0, unchanged: 11 });
    expect(result.organization.change).toBe('unchanged');
  });

  it('compares value objects by value: key order and 54.0 against 54 are no change; "54" against 54 is', () => {
    const stored = buildRichDocument();
    const reordered = edited((d) => {
      const { label, fiscalYear, basis, target } = tabunka(d).indicators![0]!.midTerm!;
      tabunka(d).indicators![0]!.midTerm = { label, fiscalYear, target, basis };
      tabunka(d).indicators![0]!.periods![2]!.target = 61.0;
    });
    expect(isEmptyChangeSet(changeSet(stored, reordered))).toBe(true);
    const text = edited((d) => void ((tabunka(d).indicators![0]!.periods![2] as { target: unknown }).target = '61'));
    expect(values(stored, text)).toEqual([{ path: 'projects/tabunka/indicators/ninchido/periods/2023/target', before: 61, after: '61' }]);
  });

  it("ignores compute()'s fields", () => {
    const computed = edited((d) => {
      Object.assign(tabunka(d).indicators![0]!.periods![0]!, { achievementRate: 110.9, achieved: true, midTermProgress: null });
      Object.assign(tabunka(d).budgets![1]!, { change: '増額' });
      Object.assign(tabunka(d).evaluations![0]!, { suggestedGrade: '順調' });
    });
    expect(isEmptyChangeSet(changeSet(buildRichDocument(), computed))).toBe(true);
  });

  it('takes a reordered list as a change of order: records moved, no field edited', () => {
    const swapped = edited((d) => {
      const [first, second, ...rest] = tabunka(d).indicators!;
      tabunka(d).indicators = [second!, first!, ...rest];
    });
    const result = changeSet(buildRichDocument(), swapped);
    expect(result.records.map((r) => `${r.change} ${r.path}`)).toEqual([
      'moved projects/tabunka/indicators/kurashi',
      'moved projects/tabunka/indicators/ninchido',
      'reordered projects/tabunka/indicators',
    ]);
    expect(result.counts.indicators).toEqual({ added: 0, updated: 2, removed: 0, unchanged: 4 });
    expect(result.counts.periods).toEqual({ added: 0, updated: 0, removed: 0, unchanged: 12 });
    expect(changeList(result).changes).toEqual([
      { path: 'projects/tabunka/indicators', before: ['ninchido', 'kurashi', 'soudan', 'rank', 'span', 'spanned'], after: ['kurashi', 'ninchido', 'soudan', 'rank', 'span', 'spanned'] },
    ]);
  });

  it('takes a record added or removed before others as no change of order: the others move, the list is not reordered', () => {
    const periods = (d: HyokaDocument) => tabunka(d).indicators![0]!.periods!;
    const stored = edited((d) => {
      periods(d).splice(1, 1);
    });
    const inserted = buildRichDocument();
    const result = changeSet(stored, inserted);
    const [, second] = periods(inserted);
    expect(result.records.some((r) => r.change === 'reordered')).toBe(false);
    expect(result.records.find((r) => r.change === 'added')).toMatchObject({ path: `projects/tabunka/indicators/ninchido/periods/${second!.fiscalYear}`, position: 1 });
    expect(result.records.filter((r) => r.change === 'moved').length).toBeGreaterThan(0);
    expect(changeSet(inserted, stored).records.some((r) => r.change === 'reordered')).toBe(false);
  });

  it('counts a record that both moved and changed as one update, and lists its field', () => {
    const doc = edited((d) => {
      d.policies.reverse();
      d.policies[0]!.title = '改';
    });
    const result = changeSet(buildRichDocument(), doc);
    expect(result.counts.policies).toEqual({ added: 0, updated: 2, removed: 0, unchanged: 1 });
    expect(changeList(result).changes).toEqual([
      { path: 'policies/IV-4-(2)-①/title', before: '戦略的なシティプロモーションの展開', after: '改' },
      { path: 'policies', before: ['II-3-(3)-①', 'II-3-(3)-②', 'IV-4-(2)-①'], after: ['IV-4-(2)-①', 'II-3-(3)-②', 'II-3-(3)-①'] },
    ]);
  });

  it('removes a record with everything below it, as one change', () => {
    const doc = edited((d) => void d.projects.splice(0, 1));
    const result = changeSet(buildRichDocument(), doc);
    expect(result.records.filter((r) => r.change === 'removed').map((r) => r.path)).toEqual(['projects/tabunka']);
    expect(result.counts.projects).toEqual({ added: 0, updated: 2, removed: 1, unchanged: 0 }); // the other two moved up
    expect(result.counts.periods).toEqual({ added: 0, updated: 0, removed: 12, unchanged: 0 });
    expect(result.counts.evaluations.removed).toBe(3);
    expect(changeList(result).changes[0]).toEqual({ path: 'projects/tabunka', before: buildRichDocument().projects[0] });
  });

  it('adds a row below a stored project, carrying its own lists, with the stored project as its owner', () => {
    const stored = buildRichDocument();
    const row = { policy: POLICY_A.code, no: 40, evaluations: [{ fiscalYear: 2021, grade: '順調' }], personnelCosts: [{ fiscalYear: 2023, amount: 5 }] };
    const result = changeSet(stored, edited((d) => void tabunka(d).placements.push(structuredClone(row))));
    expect(result.records).toEqual([
      { change: 'added', kind: 'placements', path: 'projects/tabunka/placements/II-3-(3)-①/40', record: row, position: 3, owner: { project: stored.projects[0] } },
    ]);
    expect(result.counts.placements.added).toBe(1);
    expect(result.counts.evaluations.added).toBe(1);
    expect(result.counts.personnelCosts.added).toBe(1);
  });

  it('gives the stored owners of a record below a row and of a period', () => {
    const stored = buildRichDocument();
    const result = changeSet(
      stored,
      edited((d) => {
        tabunka(d).placements[1]!.evaluations![0]!.grade = '順調';
        tabunka(d).indicators![0]!.periods!.push({ fiscalYear: 2024, target: 62 });
      }),
    );
    const [period, evaluation] = result.records; // a project's indicators come before its rows
    expect(evaluation).toMatchObject({ kind: 'evaluations', owner: { project: stored.projects[0], placement: stored.projects[0]!.placements[1] } });
    expect(period).toMatchObject({ change: 'added', kind: 'periods', position: 3, owner: { project: stored.projects[0], indicator: stored.projects[0]!.indicators![0] } });
  });

  it.each<[string, (doc: HyokaDocument) => void, { path: string; before?: unknown; after?: unknown }[]]>([
    ['an absent list written []', (d) => void (d.projects[2]!.budgets = []), [{ path: 'projects/bare/budgets', after: [] }]],
    ['a list [] no longer written', (d) => void delete d.projects[1]!.budgets, [{ path: 'projects/sdgs-empty/budgets', before: [] }]],
    [
      'a list emptied to []',
      (d) => void (tabunka(d).placements[1]!.personnelCosts = []),
      [
        { path: 'projects/tabunka/placements/II-3-(3)-②/7/personnelCosts', before: ['2023'], after: [] },
        { path: 'projects/tabunka/placements/II-3-(3)-②/7/personnelCosts/2023', before: { fiscalYear: 2023, amount: 13300, memo: '行ごと' } },
      ],
    ],
    ['policyEvaluations written []', (d) => void (d.policyEvaluations = []), [{ path: 'policyEvaluations', before: ['II-3-(3)-①/企画調整局/2021', 'II-3-(3)-②//2021', 'II-3-(3)-②//2022'], after: [] }]],
  ])('keeps [] apart from absent: %s', (_, edit, expected) => {
    expect(values(buildRichDocument(), edited(edit)).slice(0, expected.length)).toEqual(expected);
  });

  it('counts the owner of a list written [] as updated (its row changes)', () => {
    const result = changeSet(buildRichDocument(), edited((d) => void (d.projects[2]!.budgets = [])));
    expect(result.counts.projects).toEqual({ added: 0, updated: 1, removed: 0, unchanged: 2 });
    expect(result.records).toEqual([expect.objectContaining({ change: 'updated', kind: 'projects', path: 'projects/bare' })]);
  });

  it('escapes / and % in keys, so a path splits back into its keys', () => {
    const stored = buildDocument({ policies: [{ code: 'A/1%', title: 't' }], projects: [buildProject({ key: 'a/b', placements: [{ policy: 'A/1%', no: 1 }] })] });
    const desired = structuredClone(stored);
    desired.projects[0]!.placements[0]!.summary = 's';
    const [entry] = values(stored, desired);
    expect(entry!.path).toBe('projects/a%2Fb/placements/A%2F1%25/1/summary');
    expect(pathSegments(entry!.path)).toEqual(['projects', 'a/b', 'placements', 'A/1%', '1', 'summary']);
  });

  it('refuses two records with one key, and rows or policy evaluations naming an unknown policy', () => {
    const stored = buildRichDocument();
    const duplicate = edited((d) => void tabunka(d).budgets!.push({ fiscalYear: 2022, amount: 1 }));
    expect(changeSetOf(stored, duplicate)).toEqual({ ok: false, problems: [{ path: 'projects/tabunka/budgets/2022', message: expect.stringContaining('Duplicate key') }] });
    const unknown = edited((d) => {
      d.projects[2]!.placements[0]!.policy = 'IX';
      d.policyEvaluations![0]!.policy = 'IX';
    });
    const result = changeSetOf(stored, unknown);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.path)).toEqual(['projects/bare/placements/IX/8', 'policyEvaluations/IX/企画調整局/2021']);
    expect(!result.ok && result.problems[0]!.message).toMatch(/施策「IX」がありません/);
  });

  it('lists at most `limit` values, with the total', () => {
    const doc = edited((d) => {
      d.policies.forEach((p, i) => (p.title = `題${i}`));
    });
    const list = changeList(changeSet(buildRichDocument(), doc), 2);
    expect(list.total).toBe(3);
    expect(list.changes.map((c) => c.path)).toEqual(['policies/II-3-(3)-①/title', 'policies/II-3-(3)-②/title']);
  });

  it('keeps every kind in the counts, in the report’s order', () => {
    expect(Object.keys(changeSet(undefined, buildDocument()).counts)).toEqual(RECORD_KINDS);
  });
});
