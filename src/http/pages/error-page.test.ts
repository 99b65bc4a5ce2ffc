import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../test/demo-app.js';
import { textOf } from './test-html.js';

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

describe('error pages', () => {
  const { app } = useDemoApp();

  it('answers a path that is no page with an HTML 404 in the site’s layout, under the organization’s name', async () => {
    const response = await app().inject('/no-such-page?fiscalYear=2021');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('text/html');
    expect(titleOf(response.body)).toBe('ページが見つかりません | 北九州市 行政評価');
    expect(response.body).toContain('<nav aria-label="サイト内 / Site">');
    expect(textOf(response.body)).toContain('「/no-such-page」というページはありません');
    expect(textOf(response.body)).toContain('There is no page /no-such-page');
    expect((await app().inject({ method: 'HEAD', url: '/no/such/page' })).statusCode).toBe(404);
  });

  it('keeps the JSON error under /api/ and for a page’s data (?format=json)', async () => {
    for (const url of ['/api/v1/no-such-route', '/api/no-such-route', '/api', '/no-such-page?format=json']) {
      const response = await app().inject(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toContain('application/json');
      expect(response.json(), url).toEqual({ error: { message: expect.stringContaining('Not found') } });
    }
  });

  it('prints no PDF of a path that is no page: its 404 comes without starting Chromium', async () => {
    const saved = process.env.HYOKA_CHROMIUM;
    // A Chromium that cannot start: any attempt to print would answer 503.
    process.env.HYOKA_CHROMIUM = '/nonexistent/chromium';
    try {
      const page = await app().inject('/no-such-page?format=pdf');
      expect(page.statusCode).toBe(404);
      expect(page.headers['content-type']).toContain('text/html');
      const api = await app().inject('/api/v1/no-such-route?format=pdf');
      expect(api.statusCode).toBe(404);
      expect(api.headers['content-type']).toContain('application/json');
    } finally {
      if (saved === undefined) delete process.env.HYOKA_CHROMIUM;
      else process.env.HYOKA_CHROMIUM = saved;
    }
  });

  it('leaves every page and asset to its own route', async () => {
    for (const url of ['/', '/sdgs', '/assets/site.css', '/healthz', '/api/v1/policies']) {
      expect((await app().inject(url)).statusCode, url).toBe(200);
    }
  });

  it('names the organization on the 404 of an unknown project, with ?org= or without', async () => {
    for (const url of ['/projects/no-such-project', '/projects/no-such-project?org=401005', `/projects/no-such-project?org=${encodeURIComponent('北九州市')}`]) {
      const response = await app().inject(url);
      expect(response.statusCode, url).toBe(404);
      expect(titleOf(response.body), url).toBe('ページが見つかりません | 北九州市 行政評価');
      expect(textOf(response.body), url).toContain('Skip to content 北九州市 行政評価 hyoka');
    }
  });
});

describe('error pages of an empty database', () => {
  const { app } = useDemoApp({ demo: false });

  it('say what is missing under the neutral name', async () => {
    const response = await app().inject('/');
    expect(response.statusCode).toBe(404);
    expect(titleOf(response.body)).toBe('ページが見つかりません | hyoka 行政評価');
    expect(textOf(response.body)).toContain('データベースに団体がありません');
  });
});
