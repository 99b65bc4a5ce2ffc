// POST /api/v1/import?mode=: merge and update within a division's rights, refused with the
// paths beyond them; the preview's changed values carry the cell or line they came from.
import { beforeAll, describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../../domain/model.js';
import { CLI, createContext } from '../../services/context.js';
import { exportDocument } from '../../services/export.js';
import { addUser, createToken } from '../../services/users.js';
import { useDemoApp } from '../../../test/demo-app.js';

const TOKEN = 'modes-admin-token';
const { app, store } = useDemoApp({ adminToken: TOKEN });
let division: Record<string, string>;
let demo: HyokaDocument;

beforeAll(async () => {
  const ctx = createContext(store(), CLI, '401005');
  await addUser(ctx, { login: 'kokusai', role: 'division', bureau: '企画調整局', division: '国際政策課' });
  division = { authorization: `Bearer ${(await createToken(ctx, 'kokusai')).token}` };
  demo = await exportDocument(ctx);
});

function post(query: string, payload: string, headers: Record<string, string>, contentType = 'application/json') {
  return app().inject({ method: 'POST', url: `/api/v1/import?${query}`, payload, headers: { ...headers, 'content-type': contentType } });
}

/** The demo holding only the projects `keys`, each with `edit` applied. */
function only(keys: string[], edit: (project: HyokaDocument['projects'][number]) => void): string {
  const projects = structuredClone(demo.projects.filter((project) => keys.includes(project.key)));
  projects.forEach(edit);
  return JSON.stringify({ ...demo, projects });
}

describe('POST /api/v1/import?mode=', () => {
  it('lets a division merge a file of its own project, listing the one change', async () => {
    const body = only(['tabunka'], (project) => void (project.summary = '改めた概要'));
    const preview = await post('mode=merge&dryRun=true', body, division);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().report.changes).toEqual({ total: 1, changes: [{ path: 'projects/tabunka/summary', before: demo.projects.find((p) => p.key === 'tabunka')!.summary, after: '改めた概要' }] });
    const confirmed = await post(`mode=merge&confirm=${preview.json().confirmToken}`, body, division);
    expect(confirmed.statusCode).toBe(200);
    expect((await exportDocument(createContext(store(), CLI, '401005'))).projects.find((p) => p.key === 'tabunka')!.summary).toBe('改めた概要');
  });

  it('refuses a division’s merge reaching another division’s project, 403 with the paths, nothing written', async () => {
    const body = only(['tabunka', 'kitakyushu-univ'], (project) => void (project.summary = `${project.key} の概要`));
    const response = await post('mode=merge', body, division);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.problems.map((p: { path: string }) => p.path)).toEqual(['projects/kitakyushu-univ/summary']);
    expect((await exportDocument(createContext(store(), CLI, '401005'))).projects.find((p) => p.key === 'kitakyushu-univ')!.summary).not.toBe('kitakyushu-univ の概要');
  });

  it('updates from a CSV: the preview names each value’s line', async () => {
    const csv = (await app().inject({ url: '/api/v1/export?format=csv-budgets', headers: { authorization: `Bearer ${TOKEN}` } })).body;
    const lines = csv.split(/\r?\n/);
    const index = lines.findIndex((line) => line.includes(',tabunka,') && line.includes(',2023,'));
    lines[index] = lines[index]!.replace(/,2023,令和5年度,\d+,/, ',2023,令和5年度,4321,');
    const preview = await post('format=csv&mode=update&dryRun=true', lines.join('\n'), division, 'text/csv');
    expect(preview.statusCode).toBe(200);
    expect(preview.json().report.changes.changes).toEqual([expect.objectContaining({ path: 'projects/tabunka/budgets/2023/amount', after: 4321, place: `${index + 1}行目 / line ${index + 1}` })]);
    expect((await post('format=csv&mode=replace&dryRun=true', lines.join('\n'), division, 'text/csv')).statusCode).toBe(400);
  });
});
