// The API against real stores (SQLite file and PostgreSQL/PGlite), through app.inject().
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { generateDocument } from '../../interchange/generate.js';
import { compute } from '../../interchange/compute.js';
import type { HyokaDocument } from '../../domain/model.js';
import { testStores } from '../../store/test-stores.js';
import type { Store } from '../../store/index.js';
import { importValue } from '../../services/documents.js';
import { buildApp } from '../app.js';
import { testContext } from '../../services/test-context.js';

const TOKEN = 'test-admin-token';
const document: HyokaDocument = generateDocument({ projects: 12, seed: 7 });

describe.each(testStores())('API on $name', (factory) => {
  let store: Store;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await factory.open();
    await importValue(testContext(store), structuredClone(document));
    app = await buildApp({ store, adminToken: TOKEN });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  // The store's queries: read as the organization's administrator (作業中; anonymous readers: test/anonymous-reading.test.ts).
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${TOKEN}` } });
    return { status: response.statusCode, body: response.json() };
  };

  it('answers /healthz', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('lists the policies', async () => {
    const { status, body } = await get('/api/v1/policies');
    expect(status).toBe(200);
    expect(body.policies.map((p: { code: string }) => p.code)).toEqual(document.policies.map((p) => p.code));
  });

  it('filters projects by bureau, division, policy, SDG goal, fiscal year and grade', async () => {
    const all = (await get('/api/v1/projects')).body.projects as { key: string }[];
    expect(all.map((p) => p.key).sort()).toEqual(document.projects.map((p) => p.key).sort());

    const sample = document.projects[3]!;
    const keys = async (query: string) =>
      ((await get(`/api/v1/projects?${query}`)).body.projects as { key: string }[]).map((p) => p.key).sort();
    const expected = (keep: (p: HyokaDocument['projects'][number]) => boolean) =>
      document.projects.filter(keep).map((p) => p.key).sort();

    expect(await keys(`bureau=${encodeURIComponent(sample.bureau!)}`)).toEqual(expected((p) => p.bureau === sample.bureau));
    expect(await keys(`division=${encodeURIComponent(sample.division)}`)).toEqual(expected((p) => p.division === sample.division));
    const policy = sample.placements[0]!.policy;
    expect(await keys(`policy=${encodeURIComponent(policy)}`)).toEqual(expected((p) => p.placements.some((r) => r.policy === policy)));
    const sdg = sample.sdgs![0]!;
    expect(await keys(`sdg=${sdg}`)).toEqual(expected((p) => p.sdgs!.includes(sdg)));
    const grade = sample.evaluations![0]!.grade!;
    expect(await keys(`grade=${encodeURIComponent(grade)}&fiscalYear=2021`)).toEqual(
      expected((p) => p.evaluations!.some((e) => e.fiscalYear === 2021 && e.grade === grade)),
    );
    expect(await keys('fiscalYear=1990')).toEqual([]);
  });

  it('gives one project with its computed fields', async () => {
    const key = document.projects[0]!.key;
    const { status, body } = await get(`/api/v1/projects/${key}`);
    expect(status).toBe(200);
    const computed = compute(structuredClone(document)).projects[0]!;
    expect(body.project).toEqual(JSON.parse(JSON.stringify(computed)));
  });

  it('answers 404 in the error shape for an unknown project', async () => {
    const { status, body } = await get('/api/v1/projects/no-such-project');
    expect(status).toBe(404);
    expect(body.error.message).toMatch(/見つかりません/);
  });

  it('answers 400 with the place for a bad query', async () => {
    const { status, body } = await get('/api/v1/projects?sdg=99');
    expect(status).toBe(400);
    expect(body.error.problems[0].path).toBe('querystring.sdg');
  });

  it('exports the whole document completed by compute', async () => {
    const { status, body } = await get('/api/v1/export');
    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(JSON.stringify(compute(structuredClone(document)))));
  });

  it('publishes its OpenAPI document', async () => {
    const { status, body } = await get('/api/v1/openapi.json');
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/policies', '/api/v1/projects', '/api/v1/projects/{key}', '/api/v1/export', '/api/v1/import']),
    );
  });

  it('describes only the API in its OpenAPI document: no page (HTML) among its paths', async () => {
    const { body } = await get('/api/v1/openapi.json');
    const paths = Object.keys(body.paths);
    expect(paths).toContain('/api/v1/search');
    expect(paths.filter((path) => !path.startsWith('/api/v1/'))).toEqual([]);
  });

  describe('POST /api/v1/import', () => {
    const post = async (payload: unknown, headers: Record<string, string> = {}, url = '/api/v1/import') => {
      const response = await app.inject({ method: 'POST', url, payload: payload as object, headers });
      return { status: response.statusCode, body: response.json() };
    };
    const auth = { authorization: `Bearer ${TOKEN}` };

    it('refuses without the administrator token', async () => {
      expect((await post(document)).status).toBe(401);
      expect((await post(document, { authorization: 'Bearer wrong' })).status).toBe(401);
    });

    it('answers 403 while HYOKA_ADMIN_TOKEN is unset', async () => {
      const closed = await buildApp({ store });
      const response = await closed.inject({ method: 'POST', url: '/api/v1/import', payload: document, headers: auth });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.message).toMatch(/HYOKA_ADMIN_TOKEN/);
      await closed.close();
    });

    it('refuses an invalid document whole, listing every problem, and writes nothing', async () => {
      const before = (await get('/api/v1/export')).body;
      const broken = structuredClone(document) as unknown as { projects: { name: unknown; budgets: { amount: unknown }[] }[] };
      broken.projects[0]!.name = 'renamed';
      broken.projects.at(-1)!.budgets[0]!.amount = '十';
      const { status, body } = await post(broken, auth);
      expect(status).toBe(400);
      expect(body.error.problems).toEqual([
        { path: `projects[${document.projects.length - 1}].budgets[0].amount`, message: expect.stringContaining('十') },
      ]);
      expect((await get('/api/v1/export')).body).toEqual(before);
    });

    it('imports idempotently and reports what changed; a dry run writes nothing', async () => {
      const again = await post(document, auth);
      expect(again.status).toBe(200);
      const counts = Object.values(again.body.report.counts) as { added: number; updated: number; removed: number }[];
      expect(counts.every((c) => c.added === 0 && c.updated === 0 && c.removed === 0)).toBe(true);

      const changed = structuredClone(document);
      changed.projects[0]!.name = '名称を変更した事業';
      const dry = await post(changed, auth, '/api/v1/import?dryRun=true');
      expect(dry.status).toBe(200);
      expect(dry.body.report.counts.projects.updated).toBe(1);
      expect((await get(`/api/v1/projects/${changed.projects[0]!.key}`)).body.project.name).toBe(document.projects[0]!.name);

      const real = await post(changed, auth);
      expect(real.body.report.counts.projects.updated).toBe(1);
      expect((await get(`/api/v1/projects/${changed.projects[0]!.key}`)).body.project.name).toBe('名称を変更した事業');
      await post(document, auth);
    });

    it('requires ?org= once the database holds two organizations', async () => {
      const other = generateDocument({ projects: 2, seed: 99 });
      expect((await post(other, auth)).status).toBe(200);
      const { status, body } = await get('/api/v1/projects');
      expect(status).toBe(400);
      expect(body.error.message).toMatch(/org/);
      const scoped = await get(`/api/v1/projects?org=${encodeURIComponent(other.organization.code!)}`);
      expect(scoped.body.projects).toHaveLength(2);
      const byName = await get(`/api/v1/export?org=${encodeURIComponent(document.organization.name)}`);
      expect(byName.body.projects).toHaveLength(document.projects.length);
    });
  });
});
