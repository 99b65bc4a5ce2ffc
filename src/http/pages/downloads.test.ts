// /downloads: every link it offers answers with the file it names.
import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../test/demo-app.js';

describe('/downloads', () => {
  const demo = useDemoApp();

  it('links every export, and each link gives its file', async () => {
    const html = (await demo.app().inject('/downloads')).body;
    const links = [...html.matchAll(/<a href="(\/api\/v1\/export\?[^"]+)"/g)]
      .map((m) => m[1]!.replaceAll('&amp;', '&'))
      .filter((link) => !link.includes('format=open-data'));
    expect(links.map((link) => new URLSearchParams(link.split('?')[1]).get('format')).sort()).toEqual(
      ['csv', 'csv', 'csv-budgets', 'json', 'xlsx', 'xlsx-data', 'xlsx-template'],
    );
    for (const link of links) {
      const response = await demo.app().inject(link);
      expect(response.statusCode, link).toBe(200);
      const format = new URLSearchParams(link.split('?')[1]).get('format')!;
      const type = String(response.headers['content-type']);
      if (format.startsWith('xlsx')) expect(response.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
      else if (format.startsWith('csv')) expect(type).toMatch(/^text\/csv/);
      else expect(type).toMatch(/^application\/json/);
    }
    expect(html).toContain('href="/sheet?format=pdf"');
  });

  it('offers the open data of each fiscal year as a zip', async () => {
    const html = (await demo.app().inject('/downloads')).body;
    const years = [...html.matchAll(/<a href="\/api\/v1\/export\?format=open-data&amp;fiscalYear=(\d+)" download="">/g)].map((m) => Number(m[1]));
    expect(years).toContain(2021);
    const zip = await demo.app().inject('/api/v1/export?format=open-data&fiscalYear=2021');
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.headers['content-disposition']).toContain('401005-opendata-2021.zip');
  });
});
