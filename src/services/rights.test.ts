import { describe, expect, it } from 'vitest';
import { ANONYMOUS, BOOTSTRAP, CLI, type Actor, type UserActor } from './context.js';
import { may, type Action, type Stage, type Subject } from './rights.js';
import { refusedPaths } from './rights-paths.js';

const user = (role: UserActor['role'], extra: Partial<UserActor> = {}): UserActor => ({ kind: 'user', userId: 1, login: role, orgId: 1, role, ...extra });
const admin = user('admin');
const viewer = user('viewer');
const bureau = user('bureau', { bureau: '産業経済局' });
const division = user('division', { bureau: '産業経済局', division: '企業立地支援課' });
const otherOrgAdmin = user('admin', { orgId: 2 });

const own = (stage?: Stage): Subject => ({ orgId: 1, bureau: '産業経済局', division: '企業立地支援課', stage });
const otherDivision = (stage?: Stage): Subject => ({ orgId: 1, bureau: '産業経済局', division: '観光課', stage });
const otherBureau = (stage?: Stage): Subject => ({ orgId: 1, bureau: '保健福祉局', division: '企業立地支援課', stage });
const otherOrg = (stage?: Stage): Subject => ({ ...own(stage), orgId: 2 });

// [actor, action, subject, allowed]
const CASES: [string, Actor, Action, Subject | undefined, boolean][] = [
  ['anonymous reads published', ANONYMOUS, 'read-published', undefined, true],
  ['anonymous reads no draft', ANONYMOUS, 'read-drafts', own(), false],
  ['anonymous edits nothing', ANONYMOUS, 'edit-project', own(), false],
  ['cli does anything', CLI, 'import-replace', own(), true],
  ['bootstrap does anything', BOOTSTRAP, 'manage-users', otherOrg(), true],
  ['admin replaces its organization', admin, 'import-replace', own(), true],
  ['admin edits an approved project', admin, 'edit-project', own('approved'), true],
  ['admin approves', admin, 'approve-project', own('reviewed'), true],
  ['admin of another organization reads no draft', otherOrgAdmin, 'read-drafts', own(), false],
  ['admin of another organization manages no user', otherOrgAdmin, 'manage-users', own(), false],
  ['admin without a subject', admin, 'manage-users', undefined, false],
  ['viewer reads drafts', viewer, 'read-drafts', own(), true],
  ['viewer edits nothing', viewer, 'edit-project', own(), false],
  ['viewer imports nothing', viewer, 'import-records', own(), false],
  ['viewer of another organization reads no draft', user('viewer', { orgId: 2 }), 'read-drafts', own(), false],
  ['division edits its draft', division, 'edit-project', own('draft'), true],
  ['division edits with no cycle open', division, 'edit-project', own(), true],
  ['division edits no submitted project', division, 'edit-project', own('submitted'), false],
  ['division submits its draft', division, 'submit-project', own('draft'), true],
  ['division edits no other division', division, 'edit-project', otherDivision(), false],
  ['division edits no other bureau', division, 'edit-project', otherBureau(), false],
  ['division edits no other organization', division, 'edit-project', otherOrg(), false],
  ['division reviews nothing', division, 'review-project', own('submitted'), false],
  ['division returns nothing', division, 'return-project', own('submitted'), false],
  ['division imports its records', division, 'import-records', own(), true],
  ['division replaces nothing', division, 'import-replace', own(), false],
  ['division manages no user', division, 'manage-users', own(), false],
  ['division reads drafts', division, 'read-drafts', own(), true],
  ['bureau edits a submitted project', bureau, 'edit-project', own('submitted'), true],
  ['bureau edits a project of another division of its bureau', bureau, 'edit-project', otherDivision('draft'), true],
  ['bureau edits no reviewed project', bureau, 'edit-project', own('reviewed'), false],
  ['bureau edits no other bureau', bureau, 'edit-project', otherBureau(), false],
  ['bureau reviews a submitted project', bureau, 'review-project', own('submitted'), true],
  ['bureau reviews no draft', bureau, 'review-project', own('draft'), false],
  ['bureau returns a reviewed project', bureau, 'return-project', own('reviewed'), true],
  ['bureau returns no approved project', bureau, 'return-project', own('approved'), false],
  ['bureau approves nothing', bureau, 'approve-project', own('reviewed'), false],
  ['bureau submits no project', bureau, 'submit-project', own('draft'), false],
  ['bureau edits its policy evaluation', bureau, 'edit-policy-evaluation', { orgId: 1, bureau: '産業経済局' }, true],
  ['bureau edits no other bureau policy evaluation', bureau, 'edit-policy-evaluation', { orgId: 1, bureau: '保健福祉局' }, false],
  ['bureau publishes nothing', bureau, 'publish', own(), false],
  ['a bureau user without a bureau edits nothing', user('bureau'), 'edit-project', own(), false],
  ['a division user without a bureau matches its division', user('division', { division: '企業立地支援課' }), 'edit-project', own(), true],
];

describe('may: the rights of workflow.md', () => {
  it.each(CASES)('%s', (_name, actor, action, subject, allowed) => {
    expect(may(actor, action, subject)).toBe(allowed);
  });
});

describe('refusedPaths: what a bureau or division may change', () => {
  const projects: Record<string, Subject> = { mine: own(), theirs: otherDivision() };
  const rules = { project: (key: string) => projects[key], cycleYear: 2021 };
  const PATHS: [string, unknown, boolean][] = [
    ['projects/mine/summary', 'new', true],
    ['projects/mine/sdgs', [8], true],
    ['projects/mine/name', 'x', false],
    ['projects/mine/key', 'x', false],
    ['projects/mine/bureau', 'x', false],
    ['projects/mine/division', 'x', false],
    ['projects/mine/indicators/ind/periods/2021/actual', 5, true],
    ['projects/mine/indicators/ind/periods/2019/actual', 5, true],
    ['projects/mine/indicators/ind/periods/2022/actual', 5, false],
    ['projects/mine/indicators/ind/periods/2021/provisional', true, true],
    ['projects/mine/indicators/ind/periods/2022/target', 5, true],
    ['projects/mine/indicators/ind/periods/2021/target', 5, false],
    ['projects/mine/indicators/ind/periods/2023', { fiscalYear: 2023, target: 5 }, true],
    ['projects/mine/indicators/ind/periods/2021', { fiscalYear: 2021, target: 5 }, false],
    ['projects/mine/indicators/ind/midTerm', { target: 5 }, true],
    ['projects/mine/indicators/ind/unit', '件', true],
    ['projects/mine/indicators/ind/key', 'x', false],
    ['projects/mine/indicators/new', { key: 'new', name: 'n', unit: '件' }, true],
    ['projects/mine/budgets/2023/amount', 100, true],
    ['projects/mine/personnelCosts/2023', { fiscalYear: 2023, amount: 1 }, true],
    ['projects/mine/evaluations/2021/grade', 'A', true],
    ['projects/mine/evaluations/2020/grade', 'A', false],
    ['projects/mine/evaluations/2021/suggestedGrade', 'A', false],
    ['projects/mine/placements/II-1/3/evaluations/2021/grade', 'A', true],
    ['projects/mine/placements/II-1/3', { policy: 'II-1', no: 3 }, false],
    ['projects/theirs/summary', 'x', false],
    ['projects/unknown/summary', 'x', false],
    ['projects/new', { key: 'new' }, false],
    ['policies/II-1/title', 'x', false],
    ['settings/grades', [], false],
    ['organization/name', 'x', false],
    ['policyEvaluations/II-1/産業経済局/2021/grade', 'A', false],
  ];
  it.each(PATHS)('division: %s', (path, after, allowed) => {
    expect(refusedPaths(division, 1, [{ path, after }], rules)).toEqual(allowed ? [] : [path]);
  });

  it('a removal is refused; a field set back to absent is a change of that field', () => {
    expect(refusedPaths(division, 1, [{ path: 'projects/mine/indicators/ind', before: { key: 'ind' } }], rules)).toEqual(['projects/mine/indicators/ind']);
    expect(refusedPaths(division, 1, [{ path: 'projects/mine/budgets/2023', before: { fiscalYear: 2023, amount: 1 } }], rules)).toEqual(['projects/mine/budgets/2023']);
    expect(refusedPaths(division, 1, [{ path: 'projects/mine/summary', before: 'old' }], rules)).toEqual([]);
  });

  it('a bureau may change its policy evaluations and the projects of its divisions, not another bureau', () => {
    expect(refusedPaths(bureau, 1, [{ path: 'policyEvaluations/II-1/産業経済局/2021/grade', after: 'A' }], rules)).toEqual([]);
    expect(refusedPaths(bureau, 1, [{ path: 'policyEvaluations/II-1/保健福祉局/2021/grade', after: 'A' }], rules)).toEqual(['policyEvaluations/II-1/保健福祉局/2021/grade']);
    expect(refusedPaths(bureau, 1, [{ path: 'projects/theirs/summary', after: 'x' }], rules)).toEqual([]);
  });

  it('lists every offending path, and nothing for an admin, the CLI or the bootstrap token', () => {
    const changes = [
      { path: 'projects/mine/name', after: 'x' },
      { path: 'projects/mine/summary', after: 'x' },
      { path: 'projects/theirs/summary', after: 'x' },
    ];
    expect(refusedPaths(division, 1, changes, rules)).toEqual(['projects/mine/name', 'projects/theirs/summary']);
    for (const actor of [admin, CLI, BOOTSTRAP]) expect(refusedPaths(actor, 1, changes, rules)).toEqual([]);
    expect(refusedPaths(viewer, 1, changes, rules)).toHaveLength(3);
    expect(refusedPaths(otherOrgAdmin, 1, changes, rules)).toHaveLength(3);
  });
});
