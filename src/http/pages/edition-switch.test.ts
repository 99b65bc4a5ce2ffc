import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../test/demo-app.js';
import { publishYears, viewerHeaders } from '../../../test/publish.js';
import { textOf } from './test-html.js';

describe('公表版 / 作業中 and a correction’s note', () => {
  const { app, store } = useDemoApp({ seed: (s) => publishYears(s, { years: [2021], note: '速報値を確定値に修正' }) });

  it('shows anonymous readers no switch, and a corrected year’s note with its versions', async () => {
    const html = (await app().inject('/sheet')).body;
    expect(html).not.toContain('edition-switch');
    expect(html).toMatch(/<p role="note" class="correction-notice">R\d+\.\d+\.\d+ 修正：速報値を確定値に修正/);
    expect(html).toContain('href="/versions/2021"');
  });

  it('lets a user switch: the choice is a cookie, and the page says which edition it shows', async () => {
    const headers = await viewerHeaders(store());
    const working = (await app().inject({ url: '/sheet', headers })).body;
    expect(textOf(working)).toContain('表示：作業中');
    const switched = await app().inject({ method: 'POST', url: '/edition', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'edition=published&back=%2Fsheet%3FfiscalYear%3D2021' });
    expect(switched.statusCode).toBe(303);
    expect(switched.headers.location).toBe('/sheet?fiscalYear=2021');
    expect(String(switched.headers['set-cookie'])).toMatch(/^hyoka_edition=published; Path=\/; HttpOnly; SameSite=Lax/);
    const published = (await app().inject({ url: '/sheet', headers: { ...headers, cookie: 'hyoka_edition=published' } })).body;
    expect(textOf(published)).toContain('表示：公表版');
    expect(published).toContain('修正：速報値を確定値に修正');
  });

  it('keeps no choice of an anonymous reader, and returns only to a page of this site', async () => {
    const response = await app().inject({ method: 'POST', url: '/edition', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'edition=working&back=%2F%2Fevil.example' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});
