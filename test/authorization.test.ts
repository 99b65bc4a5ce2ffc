// Every route and page action that writes, against every kind of actor (issue 11): exactly
// the allowed ones succeed (2xx, or a form's 303), the others get 401/403, and a refused
// request leaves the data, and the users as they were. Both dialects. Each
// writing request would change something (its own value, its own user), so "nothing written"
// can fail. Users act by API tokens made by the service; one cookie session for the form
// and sign-out routes, signed in once (scrypt is slow).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { HyokaDocument } from '../src/domain/model.js';
import { buildApp } from '../src/http/app.js';
import { CLI, createContext } from '../src/services/context.js';
import { loadDemoIfEmpty } from '../src/services/demo.js';
import { exportDocument } from '../src/services/export.js';
import { importValue } from '../src/services/documents.js';
import { cycleOverview, transition } from '../src/services/cycles.js';
import { transitionPolicyEvaluation } from '../src/services/policy-stages.js';
import { projectForEdit } from '../src/services/editing.js';
import { addUser, createToken, listUsers, setDisabled } from '../src/services/users.js';
import { testStores, type TestStore } from '../src/store/test-stores.js';

const ORG = '401005';
const OTHER_ORG = '999001';
const ADMIN_TOKEN = 'bootstrap-admin-token-for-the-authorization-test';
const PASSWORD = 'authorization-test-password';
// The demo's projects are all 企画調整局's; teiju-iju is 企画課's.
const PROJECT = 'teiju-iju';

type ActorName =
  | 'anonymous'
  | 'disabled'
  | 'admin'
  | 'bureau'
  | 'otherBureau'
  | 'division'
  | 'otherDivision'
  | 'viewer'
  | 'otherOrgAdmin'
  | 'bootstrap';

const ACTORS: readonly ActorName[] = ['anonymous', 'disabled', 'admin', 'bureau', 'otherBureau', 'division', 'otherDivision', 'viewer', 'otherOrgAdmin', 'bootstrap'];

interface Row {
  route: string;
  /** Who succeeds; everyone else is refused. */
  allowed: readonly ActorName[];
  send(server: FastifyInstance, actor: ActorName, headers: Record<string, string>): Promise<LightMyRequestResponse>;
}

const ADMINS: readonly ActorName[] = ['admin', 'bootstrap'];
const EVERYONE = ACTORS;

const form = (fields: Record<string, string>) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });

describe.each(testStores())('authorization of every writing route on $name', (factory) => {
  let store: TestStore;
  let app: FastifyInstance;
  let demo: HyokaDocument;
  const headersOf = new Map<ActorName, Record<string, string>>();

  beforeAll(async () => {
    store = await factory.open();
    const cli = createContext(store, CLI, ORG);
    await loadDemoIfEmpty(cli);
    await importValue(createContext(store, CLI), { format: 'hyoka/1', organization: { name: '別の市', code: OTHER_ORG }, policies: [], projects: [] });
    demo = await exportDocument(cli);
    const users: [ActorName, string, string | undefined, string | undefined, string][] = [
      ['disabled', 'admin', undefined, undefined, ORG],
      ['admin', 'admin', undefined, undefined, ORG],
      ['bureau', 'bureau', '企画調整局', undefined, ORG],
      ['otherBureau', 'bureau', '保健福祉局', undefined, ORG],
      ['division', 'division', '企画調整局', '企画課', ORG],
      ['otherDivision', 'division', '企画調整局', '国際政策課', ORG],
      ['viewer', 'viewer', undefined, undefined, ORG],
      ['otherOrgAdmin', 'admin', undefined, undefined, OTHER_ORG],
    ];
    for (const [name, role, bureau, division, org] of users) {
      const ctx = createContext(store, CLI, org);
      await addUser(ctx, { login: name, role, bureau, division, ...((name === 'admin' || name === 'disabled') && { password: PASSWORD }) });
      const { token } = await createToken(ctx, name, 'authorization test');
      headersOf.set(name, { authorization: `Bearer ${token}` });
      // A target of each actor's user changes, so that each would write something.
      await addUser(createContext(store, CLI, ORG), { login: `target-${name}`, role: 'division', bureau: '企画調整局', division: '企画課' });
    }
    await addUser(createContext(store, CLI, ORG), { login: 'target-anonymous', role: 'viewer' });
    await addUser(createContext(store, CLI, ORG), { login: 'target-bootstrap', role: 'viewer' });
    await setDisabled(createContext(store, CLI, ORG), 'disabled', true);
    headersOf.set('anonymous', {});
    headersOf.set('bootstrap', { authorization: `Bearer ${ADMIN_TOKEN}` });
    app = await buildApp({ store, adminToken: ADMIN_TOKEN });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  /** The organizations, their data and users: what a refused request must leave alone. */
  async function written(): Promise<string> {
    const state: unknown[] = [await store.organizations.list()];
    for (const org of [ORG, OTHER_ORG]) {
      const ctx = createContext(store, CLI, org);
      state.push(await exportDocument(ctx), await listUsers(ctx));
    }
    // The cycles, their entries, and the transitions other than the console's (the rows' own setting up).
    const db = store.handles.db;
    state.push(
      await db.selectFrom('cycles').select(['org_id', 'fiscal_year', 'state', 'deadlines']).orderBy('id').execute(),
      await db.selectFrom('cycle_entries').select(['cycle_id', 'project', 'stage', 'scope', 'carried', 'confirmed']).orderBy('id').execute(),
      await db.selectFrom('cycle_transitions').selectAll().where('actor', '!=', 'cli').orderBy('id').execute(),
      await db.selectFrom('publications').select(['org_id', 'fiscal_year', 'version', 'note', 'sha256']).orderBy('id').execute(),
      await db.selectFrom('policy_stages').select(['cycle_id', 'policy', 'bureau', 'stage']).orderBy('id').execute(),
      await db.selectFrom('policy_stage_transitions').selectAll().where('actor', '!=', 'cli').orderBy('id').execute(),
    );
    return JSON.stringify(state);
  }

  /** The open cycle's year (the last opened by the rows below), and an entry moved there by the console. */
  const openYear = async () => (await store.cycles.open((await store.organizations.list()).find((o) => o.code === ORG)!.id))!.fiscalYear;
  const moveByConsole = async (...stages: string[]) => {
    for (const to of stages) await transition(createContext(store, CLI, ORG), await openYear(), PROJECT, { to, comment: 'reset' });
  };
  /** A move of PROJECT's entry after the console brings it to `from`; the console then returns it to draft. */
  const moving =
    (to: string, from: string[]) =>
    async (server: FastifyInstance, actor: ActorName, headers: Record<string, string>) => {
      await moveByConsole(...from);
      const year = await openYear();
      const response = await server.inject({ method: 'POST', url: `/api/v1/cycles/${year}/entries/${PROJECT}/stage?org=${ORG}`, headers, payload: { to, comment: `${actor} の差戻し` } });
      const { entries } = await cycleOverview(createContext(store, CLI, ORG), year);
      if (entries.find((entry) => entry.key === PROJECT)!.stage !== 'draft') await moveByConsole('draft');
      return response;
    };

  /** A form's move of PROJECT's entry after the console brings it to `from`; the console then returns it to draft. */
  const movingByForm =
    (url: (year: number) => string, fields: Record<string, string>, from: string[]) =>
    async (server: FastifyInstance, actor: ActorName, headers: Record<string, string>) => {
      await moveByConsole(...from);
      const year = await openYear();
      const response = await server.inject({ method: 'POST', url: `${url(year)}?org=${ORG}`, ...merge(headers, form({ ...fields, comment: `${actor} の差戻し` })) });
      const { entries } = await cycleOverview(createContext(store, CLI, ORG), year);
      if (entries.find((entry) => entry.key === PROJECT)!.stage !== 'draft') await moveByConsole('draft');
      return response;
    };

  /** 企画調整局's evaluation of teiju-iju's policy submitted; the console returns it to draft after. */
  const POLICY = { policy: 'III-1-(1)-②', bureau: '企画調整局' };
  const submittingPolicy = async (server: FastifyInstance, _actor: ActorName, headers: Record<string, string>) => {
    const year = await openYear();
    const response = await server.inject({ method: 'POST', url: `/api/v1/cycles/${year}/policy-evaluations/stage?org=${ORG}`, headers, payload: { ...POLICY, to: 'submitted' } });
    const { policyEvaluations } = await cycleOverview(createContext(store, CLI, ORG), year);
    if (policyEvaluations.find((e) => e.policy === POLICY.policy && e.bureau === POLICY.bureau)?.stage !== 'draft') {
      await transitionPolicyEvaluation(createContext(store, CLI, ORG), year, { ...POLICY, to: 'draft', comment: 'reset' });
    }
    return response;
  };

  /** The demo with one change: the organization's own field (admin only) or a project's summary (its bureau and division too). */
  const changed = (actor: ActorName, where: 'organization' | 'project'): HyokaDocument =>
    where === 'organization'
      ? { ...demo, organization: { ...demo.organization, name: `北九州市 (${actor})` } }
      : { ...demo, projects: demo.projects.map((project) => (project.key === PROJECT ? { ...project, summary: `${actor} の概要` } : project)) };

  const importing =
    (where: 'organization' | 'project', query: string) =>
    (server: FastifyInstance, actor: ActorName, headers: Record<string, string>) =>
      server.inject({ method: 'POST', url: `/api/v1/import?org=${ORG}${query}`, headers, payload: changed(actor, where) });


  const ROWS: Row[] = [
    { route: 'POST /api/v1/import (the organization)', allowed: ADMINS, send: importing('organization', '') },
    { route: 'POST /api/v1/import?dryRun=true (the organization)', allowed: ADMINS, send: importing('organization', '&dryRun=true') },
    {
      route: 'POST /api/v1/import?confirm= (the organization)',
      allowed: ADMINS,
      async send(server, actor, headers) {
        // The preview is the bootstrap's: an actor refused a preview cannot have its token.
        const preview = await importing('organization', '&dryRun=true')(server, actor, headersOf.get('bootstrap')!);
        expect(preview.statusCode, preview.body).toBe(200);
        return importing('organization', `&confirm=${encodeURIComponent(preview.json().confirmToken)}`)(server, actor, headers);
      },
    },
    { route: 'POST /api/v1/import (企画課 project’s summary)', allowed: [...ADMINS, 'bureau', 'division'], send: importing('project', '') },
    { route: 'POST /api/v1/import?dryRun=true (企画課 project’s summary)', allowed: [...ADMINS, 'bureau', 'division'], send: importing('project', '&dryRun=true') },
    {
      // Only the console and the bootstrap token create an organization.
      route: 'POST /api/v1/import (a new organization)',
      allowed: ['bootstrap'],
      send: (server, actor, headers) =>
        server.inject({ method: 'POST', url: `/api/v1/import?org=${ORG}`, headers, payload: { format: 'hyoka/1', organization: { name: `新しい市 (${actor})` }, policies: [], projects: [] } }),
    },
    {
      route: 'PUT /api/v1/projects/:key (企画課 project’s summary)',
      allowed: [...ADMINS, 'bureau', 'division'],
      async send(server, actor, headers) {
        // Read fresh by the bootstrap: its ETag is current, so only the rights decide.
        const read = await server.inject({ url: `/api/v1/projects/${PROJECT}?org=${ORG}`, headers: headersOf.get('bootstrap')! });
        const project = { ...read.json().project, summary: `${actor} の概要 (PUT)` };
        return server.inject({ method: 'PUT', url: `/api/v1/projects/${PROJECT}?org=${ORG}`, headers: { ...headers, 'if-match': String(read.headers.etag) }, payload: { project } });
      },
    },
    {
      route: 'PUT /api/v1/policy-evaluations (企画調整局’s)',
      allowed: [...ADMINS, 'bureau'],
      send: (server, actor, headers) =>
        server.inject({
          method: 'PUT',
          url: `/api/v1/policy-evaluations?org=${ORG}`,
          headers,
          payload: { policy: 'III-1-(1)-②', bureau: '企画調整局', fiscalYear: 2022, improvement: `${actor} の改善` },
        }),
    },
    {
      route: 'POST /api/v1/users',
      allowed: ADMINS,
      send: (server, actor, headers) =>
        server.inject({ method: 'POST', url: `/api/v1/users?org=${ORG}`, headers, payload: { login: `added-by-${actor}`, role: 'viewer' } }),
    },
    {
      route: 'PATCH /api/v1/users/:login',
      allowed: ADMINS,
      send: (server, actor, headers) =>
        server.inject({ method: 'PATCH', url: `/api/v1/users/target-${actor}?org=${ORG}`, headers, payload: { role: 'bureau', bureau: `局-${actor}`, division: null } }),
    },
    {
      route: 'POST /admin/users',
      allowed: ADMINS,
      send: (server, actor, headers) => server.inject({ method: 'POST', url: `/admin/users?org=${ORG}`, ...merge(headers, form({ login: `form-${actor}`, role: 'viewer' })) }),
    },
    {
      route: 'POST /admin/users/:login',
      allowed: ADMINS,
      send: (server, actor, headers) => server.inject({ method: 'POST', url: `/admin/users/target-${actor}?org=${ORG}`, ...merge(headers, form({ disabled: 'true' })) }),
    },
    {
      route: 'POST /tasks/entry (企画課 project’s improvement)',
      allowed: [...ADMINS, 'bureau', 'division'],
      async send(server, actor, headers) {
        const { version } = await projectForEdit(createContext(store, CLI, ORG), PROJECT);
        const fields = { fiscalYear: '2021', [`version/${PROJECT}`]: version, [`projects/${PROJECT}/evaluations/2021/improvement`]: `${actor} の内容` };
        return server.inject({ method: 'POST', url: `/tasks/entry?org=${ORG}`, ...merge(headers, form(fields)) });
      },
    },
    {
      // The project form: the write path with the version the form carried.
      route: 'POST /projects/:key/edit',
      allowed: [...ADMINS, 'bureau', 'division'],
      async send(server, actor, headers) {
        const { version } = await projectForEdit(createContext(store, CLI, ORG), PROJECT);
        return server.inject({ method: 'POST', url: `/projects/${PROJECT}/edit?org=${ORG}`, ...merge(headers, form({ _version: version, _year: '2021', summary: `${actor} のフォーム` })) });
      },
    },
    {
      route: 'POST /policies/:code/evaluation',
      allowed: [...ADMINS, 'bureau'],
      send: (server, actor, headers) =>
        server.inject({
          method: 'POST',
          url: `/policies/${encodeURIComponent('I-2-(1)-②')}/evaluation?org=${ORG}`,
          ...merge(headers, form({ _bureau: '企画調整局', _year: '2021', grade: '順調', improvement: `${actor} の局施策評価` })),
        }),
    },
    {
      route: 'POST /admin/settings',
      allowed: ADMINS,
      send: (server, actor, headers) =>
        server.inject({ method: 'POST', url: `/admin/settings?org=${ORG}`, ...merge(headers, form({ _action: 'save', budgetFlatBand: String(ACTORS.indexOf(actor) + 1) })) }),
    },
    {
      // Each admin opens a later year than the one before; the last opened stays open for the rows below.
      route: 'POST /api/v1/cycles',
      allowed: ADMINS,
      send: (server, actor, headers) => server.inject({ method: 'POST', url: `/api/v1/cycles?org=${ORG}`, headers, payload: { fiscalYear: 2030 + ACTORS.indexOf(actor) } }),
    },
    {
      // The overview's form: later years again, so the bootstrap's (the last) stays open for the rows below.
      route: 'POST /cycles (the overview’s form)',
      allowed: ADMINS,
      send: (server, actor, headers) => server.inject({ method: 'POST', url: `/cycles?org=${ORG}`, ...merge(headers, form({ fiscalYear: String(2050 + ACTORS.indexOf(actor)) })) }),
    },
    {
      route: 'POST /cycles/:fiscalYear/scopes (the overview’s form)',
      allowed: ADMINS,
      send: async (server, actor, headers) =>
        server.inject({ method: 'POST', url: `/cycles/${await openYear()}/scopes?org=${ORG}`, ...merge(headers, form({ scope: ACTORS.indexOf(actor) % 2 === 0 ? 'light' : 'full', division: '企画課' })) }),
    },
    {
      // Left as skip (the bootstrap's, the last): its submission then lacks nothing.
      route: 'POST /api/v1/cycles/:fiscalYear/scopes',
      allowed: ADMINS,
      send: async (server, actor, headers) =>
        server.inject({ method: 'POST', url: `/api/v1/cycles/${await openYear()}/scopes?org=${ORG}`, headers, payload: { scope: actor === 'bootstrap' ? 'skip' : 'light', keys: [PROJECT] } }),
    },
    { route: 'POST /api/v1/cycles/:fiscalYear/entries/:key/stage (submit 企画課’s)', allowed: [...ADMINS, 'division'], send: moving('submitted', []) },
    { route: 'POST /api/v1/cycles/:fiscalYear/entries/:key/stage (review)', allowed: [...ADMINS, 'bureau'], send: moving('reviewed', ['submitted']) },
    { route: 'POST /api/v1/cycles/:fiscalYear/entries/:key/stage (approve)', allowed: ADMINS, send: moving('approved', ['submitted', 'reviewed']) },
    { route: 'POST /api/v1/cycles/:fiscalYear/entries/:key/stage (return)', allowed: [...ADMINS, 'bureau'], send: moving('draft', ['submitted']) },
    {
      // The demo's cycle 2021 is closed with every entry approved: each admin publishes a correction of it.
      route: 'POST /api/v1/cycles/:fiscalYear/publications',
      allowed: ADMINS,
      send: (server, actor, headers) => server.inject({ method: 'POST', url: `/api/v1/cycles/2021/publications?org=${ORG}`, headers, payload: { note: `${actor} の訂正` } }),
    },
    {
      route: 'POST /cycles/:fiscalYear/publish',
      allowed: ADMINS,
      send: (server, actor, headers) => server.inject({ method: 'POST', url: `/cycles/2021/publish?org=${ORG}`, ...merge(headers, form({ note: `${actor} のフォームでの訂正` })) }),
    },
    { route: 'POST /cycles/:fiscalYear/entries/:key/stage (the to-do’s return form)', allowed: [...ADMINS, 'bureau'], send: movingByForm((year) => `/cycles/${year}/entries/${PROJECT}/stage`, { to: 'draft' }, ['submitted']) },
    { route: 'POST /cycles/:fiscalYear/entries/:key/stage (the to-do’s submit form)', allowed: [...ADMINS, 'division'], send: movingByForm((year) => `/cycles/${year}/entries/${PROJECT}/stage`, { to: 'submitted' }, []) },
    { route: 'POST /tasks/bulk (approve every reviewed entry)', allowed: ADMINS, send: movingByForm(() => '/tasks/bulk', { to: 'approved' }, ['submitted', 'reviewed']) },
    { route: 'POST /api/v1/cycles/:fiscalYear/policy-evaluations/stage (submit 企画調整局’s)', allowed: [...ADMINS, 'bureau'], send: submittingPolicy },
    {
      // Each confirmation replaces the one before (its author differs).
      route: 'POST /api/v1/cycles/:fiscalYear/entries/:key/confirmations (a carried course)',
      allowed: [...ADMINS, 'bureau', 'division'],
      send: async (server, _actor, headers) => {
        const year = await openYear();
        const path = `projects/${PROJECT}/evaluations/${year}/course`;
        return server.inject({ method: 'POST', url: `/api/v1/cycles/${year}/entries/${PROJECT}/confirmations?org=${ORG}`, headers, payload: { path } });
      },
    },
    // Signing out ends the request's own session, if any: anyone may.
    { route: 'DELETE /api/v1/session', allowed: EVERYONE, send: (server, _actor, headers) => server.inject({ method: 'DELETE', url: '/api/v1/session', headers }) },
    { route: 'POST /logout', allowed: EVERYONE, send: (server, _actor, headers) => server.inject({ method: 'POST', url: '/logout', ...merge(headers, form({})) }) },
  ];

  function merge(headers: Record<string, string>, body: ReturnType<typeof form>) {
    return { headers: { ...headers, ...body.headers }, payload: body.payload };
  }

  it(`answers ${ROWS.length} routes × ${ACTORS.length} actors as the rights say, writing nothing when refused`, async () => {
    const wrong: string[] = [];
    for (const row of ROWS) {
      for (const actor of ACTORS) {
        const before = await written();
        const response = await row.send(app, actor, headersOf.get(actor)!);
        const allowed = row.allowed.includes(actor);
        const ok = allowed ? response.statusCode >= 200 && response.statusCode < 400 : response.statusCode === 401 || response.statusCode === 403;
        const untouched = allowed || (await written()) === before;
        // An allowed write changes something (a sign-out without a session, a dry run: nothing to change).
        if (!ok || !untouched) wrong.push(`${row.route} as ${actor}: ${response.statusCode}${untouched ? '' : ', wrote'} ${response.body.slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it('refuses a bureau’s import reaching past its records whole, with the paths', async () => {
    // The document as the rows above left it (settings, the courses the cycles carried over): only the organization's name is outside the bureau's rights.
    const stored = await exportDocument(createContext(store, CLI, ORG));
    const document = {
      ...stored,
      organization: changed('bureau', 'organization').organization,
      projects: stored.projects.map((project) => (project.key === PROJECT ? { ...project, summary: 'bureau の概要' } : project)),
    };
    const before = await written();
    const response = await app.inject({ method: 'POST', url: `/api/v1/import?org=${ORG}`, headers: headersOf.get('bureau')!, payload: document });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.problems.map((problem: { path: string }) => problem.path)).toEqual(['organization/name']);
    expect(await written()).toBe(before);
  });

  it('signs a disabled user in neither by the API nor by the /login form', async () => {
    const byApi = await app.inject({ method: 'POST', url: `/api/v1/session?org=${ORG}`, payload: { login: 'disabled', password: PASSWORD } });
    expect(byApi.statusCode).toBe(401);
    expect(byApi.headers['set-cookie']).toBeUndefined();
    const byForm = await app.inject({ method: 'POST', url: `/login?org=${ORG}`, ...form({ login: 'disabled', password: PASSWORD }) });
    expect(byForm.statusCode).toBe(401);
    expect(byForm.headers['set-cookie']).toBeUndefined();
  }, 60_000);

  it('takes a form post and a sign-out on a cookie only with its CSRF token', async () => {
    const signedIn = await app.inject({ method: 'POST', url: `/api/v1/session?org=${ORG}`, payload: { login: 'admin', password: PASSWORD } });
    expect(signedIn.statusCode).toBe(204);
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
    const csrf = String(signedIn.headers['x-csrf-token']);
    const post = (url: string, fields: Record<string, string>) => app.inject({ method: 'POST', url, ...merge({ cookie }, form(fields)) });
    const before = await written();
    expect((await post(`/admin/users?org=${ORG}`, { login: 'by-cookie', role: 'viewer' })).statusCode).toBe(403);
    expect((await post('/logout', {})).statusCode).toBe(403);
    expect(await written()).toBe(before);
    expect((await post(`/admin/users?org=${ORG}`, { login: 'by-cookie', role: 'viewer', _csrf: csrf })).statusCode).toBe(303);
    expect((await listUsers(createContext(store, CLI, ORG))).map((user) => user.login)).toContain('by-cookie');
    const disabled = async () => (await listUsers(createContext(store, CLI, ORG))).find((user) => user.login === 'by-cookie')?.disabled;
    expect((await post(`/admin/users/by-cookie?org=${ORG}`, { disabled: 'true' })).statusCode).toBe(403);
    expect(await disabled()).toBe(false);
    expect((await post(`/admin/users/by-cookie?org=${ORG}`, { disabled: 'true', _csrf: csrf })).statusCode).toBe(303);
    expect(await disabled()).toBe(true);
    expect((await post('/logout', { _csrf: csrf })).statusCode).toBe(303);
    expect((await app.inject({ url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
  }, 60_000);
});
