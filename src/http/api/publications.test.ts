// Publication over the API, on the demo (published as cycle 2021, version 1, when loaded): a
// correction is version 2 and version 1 stays downloadable byte for byte with its SHA-256;
// publishing a cycle with entries not approved is refused with them listed; without a note, 422.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../test/demo-app.js';
import { CLI } from '../../services/context.js';
import { projectForEdit, saveProjects } from '../../services/editing.js';
import { testContext } from '../../services/test-context.js';
import { addUser, createToken } from '../../services/users.js';

const ORG = '401005';
const ADMIN_TOKEN = 'publication-test-admin-token';
const ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` };
const sha256 = (body: string) => createHash('sha256').update(body, 'utf8').digest('hex');

describe('publication over the API', () => {
  const demo = useDemoApp({ adminToken: ADMIN_TOKEN });
  const get = (url: string, headers: Record<string, string> = {}) => demo.app().inject({ url, headers });
  const publish = (year: number, payload: unknown, headers: Record<string, string> = ADMIN) =>
    demo.app().inject({ method: 'POST', url: `/api/v1/cycles/${year}/publications`, headers, payload: payload as Record<string, unknown> });

  it('answers the demo’s first version to anyone, exactly as hashed, cacheable for ever', async () => {
    const list = await get('/api/v1/publications/2021');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([{ version: 1, publishedAt: expect.any(String), by: expect.any(String), note: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    const v1 = await get('/api/v1/publications/2021/1');
    expect(v1.statusCode).toBe(200);
    expect(sha256(v1.body)).toBe(list.json()[0].sha256);
    expect(v1.headers.etag).toBe(`"${list.json()[0].sha256}"`);
    expect(v1.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(v1.headers['content-disposition']).toBe('attachment; filename="hyoka-401005-2021-v1.json"');
    expect(v1.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(JSON.parse(v1.body)).toMatchObject({ format: 'hyoka/1', organization: { code: ORG } });
    const again = await get('/api/v1/publications/2021/1', { 'if-none-match': String(v1.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get('/api/v1/publications/2021/1', { 'if-none-match': `"other", W/${String(v1.headers.etag)}` })).statusCode).toBe(304);
    expect((await get('/api/v1/publications/2021/1', { 'if-none-match': '"other"' })).statusCode).toBe(200);
    expect((await get('/api/v1/publications/2021/2')).statusCode).toBe(404);
    expect((await get('/api/v1/publications/2030')).json()).toEqual([]);
  });

  it('publishes a correction as version 2 with its note; version 1 keeps its bytes and SHA-256', async () => {
    const v1 = await get('/api/v1/publications/2021/1');
    const ctx = testContext(demo.store(), CLI, ORG);
    const { project, version } = await projectForEdit(ctx, 'teiju-iju');
    const corrected = structuredClone(project);
    corrected.indicators![0]!.periods![0]!.actual = 365;
    await saveProjects(ctx, [{ key: 'teiju-iju', project: corrected, ifMatch: version }], { channel: 'form' });

    expect((await publish(2021, { note: 'R8.12.3 修正：実績値を確定値に更新' }, {})).statusCode).toBe(401);
    const published = await publish(2021, { note: 'R8.12.3 修正：実績値を確定値に更新' });
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ fiscalYear: 2021, version: 2, note: 'R8.12.3 修正：実績値を確定値に更新' });
    const v2 = await get('/api/v1/publications/2021/2');
    expect(sha256(v2.body)).toBe(published.json().sha256);
    expect(v2.body).not.toBe(v1.body);
    const v1Again = await get('/api/v1/publications/2021/1');
    expect(v1Again.body).toBe(v1.body);
    expect(sha256(v1Again.body)).toBe(String(v1.headers.etag).slice(1, -1));
    expect((await get('/api/v1/publications/2021')).json().map((row: { version: number; note: string }) => [row.version, row.note])).toEqual([
      [1, expect.any(String)],
      [2, 'R8.12.3 修正：実績値を確定値に更新'],
    ]);
  });

  it('refuses a cycle with entries not approved (409, each listed with its stage), a note left out (422), and a viewer (403)', async () => {
    expect((await demo.app().inject({ method: 'POST', url: '/api/v1/cycles', headers: ADMIN, payload: { fiscalYear: 2022 } })).statusCode).toBe(201);
    const refused = await publish(2022, { note: '公表' });
    expect(refused.statusCode).toBe(409);
    const problems = refused.json().error.problems as { path: string; message: string }[];
    expect(problems).toHaveLength(21);
    expect(problems).toContainEqual({ path: 'projects/teiju-iju', message: 'draft' });
    expect((await publish(2021, {})).statusCode).toBe(422);
    expect((await publish(2021, { note: '  ' })).statusCode).toBe(422);
    const ctx = testContext(demo.store(), CLI, ORG);
    await addUser(ctx, { login: 'iin', role: 'viewer' });
    const viewer = { authorization: `Bearer ${(await createToken(ctx, 'iin')).token}` };
    expect((await publish(2021, { note: '委員の公表' }, viewer)).statusCode).toBe(403);
    expect((await get('/api/v1/publications/2021')).json()).toHaveLength(2);
    expect((await get('/api/v1/publications/2022')).json()).toEqual([]);
  });
});
