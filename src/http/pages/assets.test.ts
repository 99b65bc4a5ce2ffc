import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../test/demo-app.js';

describe('page assets', () => {
  const { app } = useDemoApp();

  it('serves the design tokens and our styles as one stylesheet', async () => {
    const response = await app().inject('/assets/site.css');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/css');
    expect(response.body).toContain('--color-primitive-blue-900');
    expect(response.body).toContain('.skip-link');
  });

  it('serves Noto Sans JP from the app: every font URL a page’s stylesheets name answers with the font', async () => {
    const page = await app().inject('/');
    const sheets = [...page.body.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1]!);
    expect(sheets).toContain('/assets/fonts.css');
    const urls: string[] = [];
    for (const sheet of sheets) {
      const css = await app().inject(sheet);
      expect(css.statusCode, sheet).toBe(200);
      urls.push(...[...css.body.matchAll(/url\(['"]?([^'")]+)['"]?\)/g)].map((match) => match[1]!).filter((url) => !url.startsWith('data:')));
    }
    // The Japanese slices and the Latin, Latin Extended, Cyrillic and Vietnamese subsets, regular and bold.
    for (const subset of ['latin', 'latin-ext', 'cyrillic', 'vietnamese', '0']) {
      for (const weight of ['400', '700']) expect(urls).toContain(`/assets/fonts/noto-sans-jp-${subset}-${weight}-normal.woff2`);
    }
    const failed: string[] = [];
    for (const url of urls) {
      const font = await app().inject(url);
      const magic = font.rawPayload.subarray(0, 4).toString('latin1');
      const expected = url.endsWith('.woff2') ? ['font/woff2', 'wOF2'] : ['font/woff', 'wOFF'];
      if (font.statusCode !== 200 || font.headers['content-type'] !== expected[0] || magic !== expected[1]) {
        failed.push(`${url}: ${font.statusCode} ${font.headers['content-type']} ${magic}`);
      }
    }
    expect(failed).toEqual([]);
  });

  it('refuses any other file name under /assets/fonts', async () => {
    for (const name of ['..%2F..%2Fpackage.json', 'noto-sans-jp-0-400-normal.css', 'x.woff2', 'noto-sans-jp-latin-300-normal.woff2']) {
      expect((await app().inject(`/assets/fonts/${name}`)).statusCode).toBe(404);
    }
  });
});
