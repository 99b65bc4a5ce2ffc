// GET /api/v1/projects of a large organization answers a page (issue 8: 5.4 MB at 20,000
// projects): a default and a maximum of projects, the total, and a `next` link that walks the
// whole list in order, filters and ?org= kept.
import { describe, expect, it } from 'vitest';
import { generateDocument } from '../../interchange/generate.js';
import { testContext } from '../../services/test-context.js';
import { importValue } from '../../services/documents.js';
import { useDemoApp } from '../../../test/demo-app.js';
import { importPublished } from '../../../test/publish.js';
import { DEFAULT_PROJECTS_LIMIT, MAX_PROJECTS_LIMIT } from './index.js';

const document = generateDocument({ projects: 2000, seed: 3 });
const { app } = useDemoApp({ demo: false, seed: (store) => importPublished(store, structuredClone(document)) });

interface ProjectsPage {
  projects: { key: string; bureau?: string }[];
  total: number;
  limit: number;
  offset: number;
  next?: string;
}

describe('GET /api/v1/projects of 2,000 projects', () => {
  it(`answers ${DEFAULT_PROJECTS_LIMIT} projects by default, with the total and a link to the next page`, async () => {
    const response = await app().inject('/api/v1/projects');
    expect(response.statusCode).toBe(200);
    expect(response.body.length).toBeLessThan(100_000);
    const page: ProjectsPage = response.json();
    expect(page.projects).toHaveLength(DEFAULT_PROJECTS_LIMIT);
    expect(page).toMatchObject({ total: 2000, limit: DEFAULT_PROJECTS_LIMIT, offset: 0, next: `/api/v1/projects?offset=${DEFAULT_PROJECTS_LIMIT}&limit=${DEFAULT_PROJECTS_LIMIT}` });
  });

  it('walks the whole list in document order by following next, keeping the filter and ?org=', async () => {
    const bureau = document.projects[0]!.bureau!;
    const code = document.organization.code!;
    const expected = document.projects.filter((project) => project.bureau === bureau).map((project) => project.key);
    const keys: string[] = [];
    let url: string | undefined = `/api/v1/projects?org=${code}&bureau=${encodeURIComponent(bureau)}&limit=150`;
    let pages = 0;
    while (url !== undefined) {
      const page: ProjectsPage = (await app().inject(url)).json();
      expect(page.total).toBe(expected.length);
      keys.push(...page.projects.map((project) => project.key));
      url = page.next;
      if (url !== undefined) expect(new URL(url, 'http://x').searchParams.get('org')).toBe(code);
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(expected.length / 150));
    expect(keys).toEqual(expected);
  });

  it(`refuses a limit above ${MAX_PROJECTS_LIMIT} or below 1, and a negative offset, at the parameter`, async () => {
    for (const query of [`limit=${MAX_PROJECTS_LIMIT + 1}`, 'limit=0', 'offset=-1']) {
      const response = await app().inject(`/api/v1/projects?${query}`);
      expect(response.statusCode).toBe(400);
    }
    const all: ProjectsPage = (await app().inject(`/api/v1/projects?limit=${MAX_PROJECTS_LIMIT}&offset=1500`)).json();
    expect(all.projects.map((project) => project.key)).toEqual(document.projects.slice(1500).map((project) => project.key));
    expect(all.next).toBeUndefined();
  });
});
