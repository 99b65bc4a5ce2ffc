// What anonymous readers see (workflow.md, "Publication"): only the latest published version
// of each cycle. The demo is published as cycle 2021; then, as drafts, an improvement text, an
// actual, a grade and a budget change and a cycle 2022 is opened with values of its own. Every
// route an anonymous reader can reach — the pages and their JSON, CSV and PDF, the API's reads,
// the exports and the open data, search — answers exactly as before the edits, and none holds a
// draft's value. Before anything is published, they see no data at all.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HyokaDocument, Project } from '../src/domain/model.js';
import { unzipEntries } from '../src/interchange/xlsx/test-support.js';
import { openCycle } from '../src/services/cycles.js';
import { DEMO_DOCUMENT } from '../src/services/demo.js';
import { importText } from '../src/services/documents.js';
import { projectForEdit, saveProjects } from '../src/services/editing.js';
import { testContext } from '../src/services/test-context.js';
import { addUser, createToken } from '../src/services/users.js';
import type { Store } from '../src/store/index.js';
import { openDemoApp, type DemoApp } from './demo-app.js';
import { requirePackage } from './requires.js';

const demo = (): HyokaDocument => JSON.parse(readFileSync(DEMO_DOCUMENT, 'utf8'));

/** Draft values no published page may show. */
const TEXT_MARKER = 'ZQX下書きだけの文言';
/** A search for it: part of the marker, so that the search form echoing it shows no marker. */
const SEARCH_WORD = encodeURIComponent(TEXT_MARKER.slice(0, -2));
const ACTUAL_MARKER = 8642013;
const BUDGET_MARKER = 1357913;
const DRAFT_2022_MARKER = 9753102;
const MARKERS = [TEXT_MARKER, String(ACTUAL_MARKER), ACTUAL_MARKER.toLocaleString('en-US'), String(BUDGET_MARKER), BUDGET_MARKER.toLocaleString('en-US'), String(DRAFT_2022_MARKER), DRAFT_2022_MARKER.toLocaleString('en-US')];

const POLICY = encodeURIComponent('I-2-(1)-②').replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const PAGES = ['/', '/attention', '/policies', `/policies/${POLICY}`, '/projects/kitakyushu-univ', '/projects/agi-subsidy', '/sheet', '/sdgs', '/changes', '/search?q=公立大学', `/search?q=${SEARCH_WORD}`];
const TEXT_ROUTES = [
  ...PAGES.flatMap((page) => [page, withQuery(page, 'format=json'), withQuery(page, 'format=csv')]).filter((url) => !url.startsWith('/changes?format')),
  '/downloads',
  '/api/v1/projects?limit=1000',
  '/api/v1/projects?fiscalYear=2021&grade=%E9%A0%86%E8%AA%BF',
  '/api/v1/projects/kitakyushu-univ',
  '/api/v1/projects/agi-subsidy',
  '/api/v1/policies',
  '/api/v1/search?q=公立大学',
  `/api/v1/search?q=${SEARCH_WORD}`,
  '/api/v1/export',
  '/api/v1/export?format=csv',
  '/api/v1/export?format=csv-budgets',
];
const ZIP_ROUTES = ['/api/v1/export?format=xlsx', '/api/v1/export?format=xlsx-data', '/api/v1/export?format=open-data', '/api/v1/export?format=open-data&fiscalYear=2021'];

function withQuery(url: string, query: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

async function get(app: DemoApp, url: string, headers: Record<string, string> = {}) {
  return app.app.inject({ method: 'GET', url: encodeURI(decodeURI(url)), headers });
}

/** Every text route's answer, and the text inside every zip's entries. */
async function anonymousAnswers(app: DemoApp, headers: Record<string, string> = {}): Promise<Map<string, { status: number; body: string }>> {
  const answers = new Map<string, { status: number; body: string }>();
  for (const url of TEXT_ROUTES) {
    const response = await get(app, url, headers);
    answers.set(url, { status: response.statusCode, body: response.body });
  }
  for (const url of ZIP_ROUTES) {
    const response = await get(app, url, headers);
    expect(response.statusCode, url).toBe(200);
    const entries = await unzipEntries(response.rawPayload);
    answers.set(url, { status: response.statusCode, body: entries.map((entry) => entry.data.toString('utf8')).join('\n') });
  }
  return answers;
}

function edited(project: Project, edit: (project: Project) => void): Project {
  const copy = structuredClone(project);
  edit(copy);
  return copy;
}

async function save(store: Store, key: string, edit: (project: Project) => void): Promise<void> {
  const ctx = testContext(store);
  const { project, version } = await projectForEdit(ctx, key);
  await saveProjects(ctx, [{ key, project: edited(project, edit), ifMatch: version }], { channel: 'api' });
}

/** The draft edits: cycle 2021 is published; these come after it. */
async function editDrafts(store: Store): Promise<void> {
  await save(store, 'kitakyushu-univ', (project) => {
    project.placements[0]!.evaluations!.find((e) => e.fiscalYear === 2021)!.improvement = TEXT_MARKER;
    project.budgets!.find((b) => b.fiscalYear === 2022)!.amount = BUDGET_MARKER;
  });
  await save(store, 'agi-subsidy', (project) => {
    const papers = project.indicators!.find((i) => i.key === 'papers')!;
    papers.periods!.find((p) => p.fiscalYear === 2021)!.actual = ACTUAL_MARKER;
    for (const evaluation of [...(project.evaluations ?? []), ...project.placements.flatMap((p) => p.evaluations ?? [])]) {
      if (evaluation.fiscalYear === 2021) evaluation.grade = evaluation.grade === '遅れ' ? '順調' : '遅れ';
    }
  });
  await openCycle(testContext(store), 2022);
  await save(store, 'agi-subsidy', (project) => {
    const papers = project.indicators!.find((i) => i.key === 'papers')!;
    const period = papers.periods!.find((p) => p.fiscalYear === 2022);
    if (period) period.actual = DRAFT_2022_MARKER;
    else papers.periods!.push({ fiscalYear: 2022, target: { kind: 'numeric', value: 5 }, actual: DRAFT_2022_MARKER } as never);
    project.placements[0]!.evaluations = [...(project.placements[0]!.evaluations ?? []), { fiscalYear: 2022, grade: '順調', improvement: `${TEXT_MARKER} 2022` }];
  });
}

describe('anonymous readers: the published version, never a draft', () => {
  let app: DemoApp;
  let before: Map<string, { status: number; body: string }>;
  let after: Map<string, { status: number; body: string }>;

  beforeAll(async () => {
    app = await openDemoApp();
    before = await anonymousAnswers(app);
    await editDrafts(app.store);
    after = await anonymousAnswers(app);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('answers every route of the published demo', () => {
    for (const [url, answer] of before) expect(answer.status, url).toBe(200);
    // The published figures are there: the improvement text and the actual as published.
    const published = demo();
    const improvement = published.projects.find((p) => p.key === 'kitakyushu-univ')!.placements[0]!.evaluations![0]!.improvement!;
    expect(before.get('/api/v1/projects/kitakyushu-univ')!.body).toContain(JSON.stringify(improvement).slice(1, 40));
    expect(before.get('/sheet?format=csv')!.body).toContain(improvement.split('\n')[0]!.slice(0, 30));
  });

  it('answers exactly as before the draft edits, and no answer holds a draft value', () => {
    for (const url of [...TEXT_ROUTES, ...ZIP_ROUTES]) {
      const [was, now] = [before.get(url)!, after.get(url)!];
      expect(now.status, url).toBe(was.status);
      for (const marker of MARKERS) expect(now.body.includes(marker), `${url} holds ${marker}`).toBe(false);
      if (!ZIP_ROUTES.includes(url)) expect(now.body, url).toBe(was.body);
    }
  });

  it('shows a signed-in user the drafts in 作業中, so the markers are real', async () => {
    const headers = { authorization: `Bearer ${await adminToken(app.store)}` };
    const response = await app.app.inject({ method: 'GET', url: '/api/v1/projects/kitakyushu-univ', headers });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(TEXT_MARKER);
    const found = await app.app.inject({ method: 'GET', url: `/api/v1/search?q=${SEARCH_WORD}`, headers });
    expect((JSON.parse(found.body) as { total: number }).total).toBeGreaterThan(0);
    expect((JSON.parse(after.get(`/api/v1/search?q=${SEARCH_WORD}`)!.body) as { total: number }).total).toBe(0);
  });

  it('offers no unpublished year, and ignores a forged 作業中', async () => {
    for (const url of ['/?fiscalYear=2022', '/sheet?fiscalYear=2022&format=json', '/api/v1/projects?fiscalYear=2022', '/api/v1/export?format=open-data&fiscalYear=2022']) {
      const response = await get(app, url);
      expect(response.statusCode, url).toBe(404);
    }
    const forged = await anonymousAnswers(app, { cookie: 'hyoka_edition=working' });
    for (const url of TEXT_ROUTES) expect(forged.get(url)!.body, url).toBe(after.get(url)!.body);
    for (const url of ['/api/v1/projects/kitakyushu-univ?edition=working', '/api/v1/export?edition=working', '/api/v1/search?q=ZQX&edition=working']) {
      const response = await get(app, url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body.includes(TEXT_MARKER), url).toBe(false);
    }
    const sheet = (await get(app, '/sheet')).body;
    expect(sheet).not.toContain('value="2022"');
    expect(sheet).not.toContain('作業中');
  });

  const chromium = requirePackage('chromium');
  const poppler = requirePackage('poppler-utils');
  it.skipIf(!chromium.available || !poppler.available)(`prints the published version as PDF ${chromium.label} ${poppler.label}`, async () => {
    const response = await get(app, '/projects/kitakyushu-univ?format=pdf');
    expect(response.statusCode).toBe(200);
    const dir = mkdtempSync(path.join(tmpdir(), 'hyoka-anonymous-'));
    try {
      const file = path.join(dir, 'project.pdf');
      writeFileSync(file, response.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('公立大学法人北九州市立大学運営事業');
      for (const marker of MARKERS) expect(text).not.toContain(marker);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('before anything is published', () => {
  let app: DemoApp;
  beforeAll(async () => {
    app = await openDemoApp({ demo: false, seed: (store) => importText(testContext(store), readFileSync(DEMO_DOCUMENT, 'utf8')) });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows anonymous readers no data: a page saying so, and 404 with the JSON error shape', async () => {
    for (const url of PAGES) {
      const response = await get(app, url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).toContain('公表された評価はまだありません');
      expect(response.body, url).not.toContain('公立大学法人北九州市立大学運営事業');
    }
    for (const url of ['/?format=json', '/sheet?format=csv', '/api/v1/projects', '/api/v1/projects/kitakyushu-univ', '/api/v1/policies', '/api/v1/export', '/api/v1/search?q=公立大学']) {
      const response = await get(app, url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toContain('application/json');
      expect(JSON.parse(response.body), url).toMatchObject({ error: { message: expect.stringContaining('公表された評価はまだありません') } });
    }
  });

  it('shows the organization’s users the working copy', async () => {
    const response = await app.app.inject({ method: 'GET', url: '/sheet', headers: { authorization: `Bearer ${await adminToken(app.store)}` } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('公立大学法人北九州市立大学運営事業');
    expect(response.body).toContain('作業中');
  });
});

/** The Authorization header of a new admin of the demo organization (an API token). */
async function adminToken(store: Store): Promise<string> {
  const ctx = testContext(store);
  const login = `admin-${++admins}`;
  await addUser(ctx, { login, role: 'admin' });
  return (await createToken(ctx, login)).token;
}
let admins = 0;
