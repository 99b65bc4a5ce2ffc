import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../domain/model.js';
import { testStores } from '../store/test-stores.js';
import type { Store } from '../store/index.js';
import { buildDocument, buildProject, buildRichDocument } from '../../test/factories.js';
import { importDocument } from './import.js';
import { CLI } from './context.js';
import { resolveOrganization } from './organizations.js';
import { getProject, listOrganizations, listPolicies, listProjects, type ProjectFilter } from './queries.js';
import { testContext } from './test-context.js';

/** The rich document, with records that only one filter each can find. */
function queriedDocument(): HyokaDocument {
  const doc = buildRichDocument();
  const [, sdgsEmpty, bare] = doc.projects;
  bare!.budgets = [{ fiscalYear: 2019, amount: 10 }];
  bare!.sdgs = [9]; // a goal of the project that its only row replaces: no row prints it
  bare!.placements[0]!.sdgs = [3]; // a goal of a row only
  sdgsEmpty!.placements[0]!.evaluations = [{ fiscalYear: 2018, grade: '遅れ' }]; // a row's evaluation only
  return doc;
}

// Another organization with look-alike data, which no query of the first may return.
const neighbour = buildDocument({
  organization: { name: '下関市', code: '352012' },
  projects: [buildProject({ key: 'tabunka-s', bureau: '企画調整局', division: '企画課', sdgs: [3, 17] })],
});

describe.each(testStores())('queries on $name', (factory) => {
  let store: Store;
  let orgId: number;
  const doc = queriedDocument();
  beforeAll(async () => {
    store = await factory.open();
    await importDocument(testContext(store), doc);
    await importDocument(testContext(store), neighbour);
    orgId = (await resolveOrganization(store, '401005')).id;
  });
  afterAll(async () => {
    await store.close();
  });

  it('lists the organizations with their project counts', async () => {
    expect(await listOrganizations(testContext(store))).toEqual([
      { id: orgId, name: '北九州市', code: '401005', projects: 3 },
      { id: expect.any(Number), name: '下関市', code: '352012', projects: 1 },
    ]);
  });

  it('lists the policies in order with the rows placed under them', async () => {
    expect(await listPolicies(testContext(store, CLI, '401005'))).toEqual([
      {
        code: 'II-3-(3)-①',
        title: '多文化共生社会の実現に向けた体制の構築',
        rows: [
          { no: 5, project: 'tabunka', name: '多文化共生の推進' },
          { no: 6, project: 'sdgs-empty', name: '空の一覧' },
        ],
      },
      {
        code: 'II-3-(3)-②',
        title: '外国人市民の生活環境の充実',
        rows: [
          { no: 7, project: 'tabunka', name: '多文化共生の推進' },
          { no: 8, project: 'bare', name: '最小の事業' },
        ],
      },
      { code: 'IV-4-(2)-①', title: '戦略的なシティプロモーションの展開', rows: [{ no: 29, project: 'tabunka', name: '多文化共生の推進' }] },
    ]);
  });

  it.each<[string, ProjectFilter, string[]]>([
    ['no filter: all, in document order', {}, ['tabunka', 'sdgs-empty', 'bare']],
    ['bureau', { bureau: '企画調整局' }, ['tabunka']],
    ['division', { division: '企画課' }, ['sdgs-empty', 'bare']],
    ['policy', { policy: 'II-3-(3)-②' }, ['tabunka', 'bare']],
    ['policy with one row', { policy: 'IV-4-(2)-①' }, ['tabunka']],
    ['unknown policy', { policy: 'IX' }, []],
    ["sdg, the project's first goal", { sdg: 4 }, ['tabunka']],
    ["sdg, the project's last goal", { sdg: 17 }, ['tabunka']],
    ["sdg, a row's goal only", { sdg: 3 }, ['bare']],
    ["sdg, a project's goal that every row replaces", { sdg: 9 }, []],
    ["sdg, a project's goal that one row replaces with [] and others print", { sdg: 10 }, ['tabunka']],
    ['sdg 1 is not 10, 11 or 17', { sdg: 1 }, []],
    ['fiscalYear of periods and evaluations', { fiscalYear: 2021 }, ['tabunka']],
    ['fiscalYear of a period only', { fiscalYear: 2025 }, ['tabunka']],
    ['fiscalYear of a budget only', { fiscalYear: 2019 }, ['bare']],
    ["fiscalYear of a row's evaluation only", { fiscalYear: 2018 }, ['sdgs-empty']],
    ['fiscalYear with nothing', { fiscalYear: 1990 }, []],
    ["grade of a project's evaluation", { grade: '順調' }, ['tabunka']],
    ["grade of a row's evaluation", { grade: '大変順調' }, ['tabunka']],
    ["grade of a row's evaluation, other project", { grade: '遅れ' }, ['sdgs-empty']],
    ['grade in that fiscal year', { grade: '順調', fiscalYear: 2021 }, ['tabunka']],
    ['grade not in that fiscal year', { grade: '遅れ', fiscalYear: 2021 }, []],
    ['filters combined', { division: '企画課', sdg: 3 }, ['bare']],
    ['filters combined, none left', { bureau: '企画調整局', division: '企画課' }, []],
  ])('lists projects by %s', async (_, filter, keys) => {
    expect((await listProjects(testContext(store, CLI, '401005'), filter)).projects.map((p) => p.key)).toEqual(keys);
  });

  it('lists a page of projects with the total of every page, each with its own rows and budgets', async () => {
    const whole = await listProjects(testContext(store, CLI, '401005'));
    expect(whole.total).toBe(doc.projects.length);
    const first = await listProjects(testContext(store, CLI, '401005'), {}, { limit: 2 });
    expect(first.total).toBe(doc.projects.length);
    expect(first.projects).toEqual(whole.projects.slice(0, 2));
    const rest = await listProjects(testContext(store, CLI, '401005'), {}, { limit: 2, offset: 2 });
    expect(rest.projects).toEqual(whole.projects.slice(2));
    expect(await listProjects(testContext(store, CLI, '401005'), {}, { limit: 2, offset: 10 })).toEqual({ projects: [], total: doc.projects.length });
    const filter = { division: '企画課' };
    expect((await listProjects(testContext(store, CLI, '401005'), filter, { limit: 1 })).total).toBe((await listProjects(testContext(store, CLI, '401005'), filter)).projects.length);
  });

  it('summarises each project: names, SDGs, rows and budgets', async () => {
    const [tabunka, sdgsEmpty, bare] = (await listProjects(testContext(store, CLI, '401005'))).projects;
    expect(tabunka).toEqual({
      key: 'tabunka',
      name: '多文化共生の推進',
      bureau: '企画調整局',
      division: '国際政策課',
      sdgs: [4, 10, 11, 17],
      placements: [
        { policy: 'II-3-(3)-①', no: 5 },
        { policy: 'II-3-(3)-②', no: 7 },
        { policy: 'IV-4-(2)-①', no: 29 },
      ],
      budgets: doc.projects[0]!.budgets,
    });
    expect(sdgsEmpty).toEqual({ key: 'sdgs-empty', name: '空の一覧', division: '企画課', sdgs: [], placements: [{ policy: 'II-3-(3)-①', no: 6 }], budgets: [] });
    expect(bare).toEqual({ key: 'bare', name: '最小の事業', division: '企画課', sdgs: [9], placements: [{ policy: 'II-3-(3)-②', no: 8 }], budgets: [{ fiscalYear: 2019, amount: 10 }] });
  });

  it('gives one project in document shape, with the settings', async () => {
    expect(await getProject(testContext(store, CLI, '401005'), 'tabunka')).toStrictEqual({ project: doc.projects[0], settings: doc.settings });
    expect(await getProject(testContext(store, CLI, '401005'), 'bare')).toStrictEqual({ project: doc.projects[2], settings: doc.settings });
  });

  it("finds no project that is not the organization's", async () => {
    expect(await getProject(testContext(store, CLI, '401005'), 'tabunka-s')).toBeUndefined();
    expect(await getProject(testContext(store, CLI, '401005'), 'nothing')).toBeUndefined();
    expect(await getProject(testContext(store, CLI, '352012'), 'tabunka')).toBeUndefined();
    expect(await getProject(testContext(store, CLI, '352012'), 'tabunka-s')).toStrictEqual({ project: neighbour.projects[0], settings: undefined });
  });
});
