// PUT /api/v1/projects/:key with If-Match, PUT /api/v1/policy-evaluations and the history
// routes, over the demo (every project 企画調整局's; teiju-iju is 企画課's).
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { useDemoApp } from '../../../test/demo-app.js';
import { CLI } from '../../services/context.js';
import { exportDocument } from '../../services/export.js';
import { testContext } from '../../services/test-context.js';
import { addUser, createToken } from '../../services/users.js';
import type { Store } from '../../store/index.js';

const ORG = '401005';
const KEY = 'teiju-iju';

async function tokenOf(store: Store, login: string, role: string, bureau?: string, division?: string): Promise<Record<string, string>> {
  const ctx = testContext(store, CLI, ORG);
  await addUser(ctx, { login, role, bureau, division });
  return { authorization: `Bearer ${(await createToken(ctx, login)).token}` };
}

describe('editing over the API', () => {
  const demo = useDemoApp();
  let as: Record<'division' | 'otherDivision' | 'bureau' | 'viewer', Record<string, string>>;
  let app: FastifyInstance;

  it('signs the users up', async () => {
    app = demo.app();
    const store = demo.store();
    as = {
      division: await tokenOf(store, 'kikaku', 'division', '企画調整局', '企画課'),
      otherDivision: await tokenOf(store, 'kokusai', 'division', '企画調整局', '国際政策課'),
      bureau: await tokenOf(store, 'kyoku', 'bureau', '企画調整局'),
      viewer: await tokenOf(store, 'iin', 'viewer'),
    };
  });

  const get = (headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: `/api/v1/projects/${KEY}`, headers });
  const put = (headers: Record<string, string>, project: unknown, extra: Record<string, unknown> = {}) =>
    app.inject({ method: 'PUT', url: `/api/v1/projects/${KEY}`, headers, payload: { project, ...extra } });
  const stored = async () => (await exportDocument(testContext(demo.store(), CLI, ORG))).projects.find((p) => p.key === KEY)!;

  it('answers the version as ETag, requires If-Match (428), and saves the project sent back as GET answered it', async () => {
    const read = await get(as.division);
    const etag = read.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{43}"$/);
    const { project } = read.json();
    expect(project.indicators[0].periods[0].achievementRate).toBeDefined(); // computed: ignored on the way back
    expect((await put(as.division, project)).statusCode).toBe(428);
    const unchanged = await put({ ...as.division, 'if-match': etag }, project);
    expect(unchanged.statusCode).toBe(200);
    expect(unchanged.json()).toEqual({ version: etag.slice(1, -1), changes: [] });
    project.indicators[0].periods[0].actual = 400;
    const saved = await put({ ...as.division, 'if-match': etag }, project, { comment: 'R3 確定値' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().changes).toEqual([{ path: `projects/${KEY}/indicators/young-net-migration/periods/2021/actual`, before: 362, after: 400 }]);
    const again = await get(as.division);
    expect(again.headers.etag).toBe(saved.headers.etag);
    expect(again.headers.etag).not.toBe(etag);
    expect(again.json().project.indicators[0].periods[0].actual).toBe(400);
  });

  it('answers a stale ETag with 409, the stored project, its version and the differing paths; the first save stays', async () => {
    const read = await get(as.division);
    const etag = read.headers.etag as string;
    const first = read.json().project;
    first.summary = '先に保存した概要';
    expect((await put({ ...as.division, 'if-match': etag }, first)).statusCode).toBe(200);
    const second = read.json().project;
    second.summary = '後から保存した概要';
    const stale = await put({ ...as.bureau, 'if-match': etag }, second);
    expect(stale.statusCode).toBe(409);
    const { error } = stale.json();
    expect(error.message).toContain('changed since you opened them');
    expect(error.paths).toEqual([`projects/${KEY}/summary`]);
    expect(error.stored.summary).toBe('先に保存した概要');
    expect(`"${error.version}"`).toBe(stale.headers.etag);
    expect((await stored()).summary).toBe('先に保存した概要');
  });

  it('refuses another division’s project, a placement, or a viewer, with 403 and the paths; nothing is written', async () => {
    const before = await stored();
    const read = await get(as.division);
    const headers = { 'if-match': read.headers.etag as string };
    const project = read.json().project;
    const other = await put({ ...as.otherDivision, ...headers }, { ...project, summary: '他課' });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.problems.map((p: { path: string }) => p.path)).toEqual([`projects/${KEY}`]);
    const placed = await put({ ...as.division, ...headers }, { ...project, summary: '変更', placements: [{ policy: 'III-1-(1)-②', no: 11 }] });
    expect(placed.statusCode).toBe(403);
    expect(placed.json().error.problems.map((p: { path: string }) => p.path)).toEqual([`projects/${KEY}/placements/III-1-(1)-②/11`, `projects/${KEY}/placements/III-1-(1)-②/10`]);
    expect((await put({ ...as.viewer, ...headers }, project)).statusCode).toBe(403);
    expect((await put(headers, project)).statusCode).toBe(401);
    expect(await stored()).toEqual(before);
  });

  it('refuses a division’s merge import changing a setting with 403 and the path; takes its own project’s change', async () => {
    const whole = await exportDocument(testContext(demo.store(), CLI, ORG));
    const own = whole.projects.find((p) => p.key === KEY)!;
    const file = { ...whole, policyEvaluations: [], projects: [{ ...own, summary: 'マージで更新' }] };
    const merge = (payload: object) => app.inject({ method: 'POST', url: '/api/v1/import?mode=merge', headers: as.division, payload });
    const refused = await merge({ ...file, settings: { ...whole.settings, rateDecimals: 2 } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.problems.map((p: { path: string }) => p.path)).toEqual(['settings']); // the demo stores none: the whole value is new
    expect(await exportDocument(testContext(demo.store(), CLI, ORG))).toEqual(whole);
    const merged = await merge(file);
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await stored()).summary).toBe('マージで更新');
    expect((await exportDocument(testContext(demo.store(), CLI, ORG))).projects).toHaveLength(whole.projects.length);
  });

  it('refuses an invalid project with 400 and the path by keys', async () => {
    const read = await get(as.division);
    const project = read.json().project;
    project.indicators[0].periods[0].actual = '多数';
    const invalid = await put({ ...as.division, 'if-match': read.headers.etag as string }, project);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.problems.map((p: { path: string }) => p.path)).toEqual([`projects/${KEY}/indicators/young-net-migration/periods/2021/actual`]);
  });

  it('saves a bureau’s policy evaluation and refuses a division’s', async () => {
    const body = { policy: 'III-1-(1)-②', bureau: '企画調整局', fiscalYear: 2022, grade: '順調', improvement: '継続して取り組む' };
    const saved = await app.inject({ method: 'PUT', url: '/api/v1/policy-evaluations', headers: as.bureau, payload: body });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().changes).toHaveLength(1);
    expect((await app.inject({ method: 'PUT', url: '/api/v1/policy-evaluations', headers: as.division, payload: body })).statusCode).toBe(403);
    expect((await app.inject({ method: 'PUT', url: '/api/v1/policy-evaluations', payload: body })).statusCode).toBe(401);
  });

  it('answers a project’s history and the organization’s, newest first, to its users only', async () => {
    const history = await app.inject({ method: 'GET', url: `/api/v1/projects/${KEY}/history`, headers: as.viewer });
    expect(history.statusCode).toBe(200);
    const entries = history.json() as { path: string; actor: string; channel: string; comment?: string; before?: unknown; after?: unknown }[];
    expect(entries.map((e) => [e.path, e.actor, e.channel])).toEqual([
      [`projects/${KEY}/summary`, 'kikaku', 'import'],
      [`projects/${KEY}/summary`, 'kikaku', 'api'],
      [`projects/${KEY}/indicators/young-net-migration/periods/2021/actual`, 'kikaku', 'api'],
      // The demo's publication recorded its entry as approved.
      [`projects/${KEY}/cycles/2021/stage`, 'cli', 'cycle'],
    ]);
    expect(entries[2]).toMatchObject({ before: 362, after: 400, comment: 'R3 確定値' });
    const page = await app.inject({ method: 'GET', url: '/api/v1/history?limit=1', headers: as.viewer });
    expect(page.json().map((e: { path: string }) => e.path)).toEqual(['policyEvaluations/III-1-(1)-②/企画調整局/2022']);
    expect((await app.inject({ method: 'GET', url: `/api/v1/projects/${KEY}/history` })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/history' })).statusCode).toBe(401);
  });
});
