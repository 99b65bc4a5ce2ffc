import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../test/demo-app.js';

describe('page assets', () => {
  const { app } = useDemoApp({ demo: false });

  it('serves the design tokens and our styles as one stylesheet', async () => {
    const response = await app().inject('/assets/site.css');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/css');
    expect(response.body).toContain('--color-primitive-blue-900');
    expect(response.body).toContain('.skip-link');
  });

  it('serves Noto Sans JP from the app, with the font URLs rewritten to it', async () => {
    const css = await app().inject('/assets/fonts.css');
    expect(css.body).toContain("font-family: 'Noto Sans JP'");
    const url = /url\((\/assets\/fonts\/[^)]+\.woff2)\)/.exec(css.body)?.[1];
    expect(url).toBeDefined();
    const font = await app().inject(url!);
    expect(font.statusCode).toBe(200);
    expect(font.headers['content-type']).toBe('font/woff2');
    expect(font.rawPayload.subarray(0, 4).toString('latin1')).toBe('wOF2');
  });

  it('refuses any other file name under /assets/fonts', async () => {
    for (const name of ['..%2F..%2Fpackage.json', 'noto-sans-jp-0-400-normal.css', 'x.woff2']) {
      expect((await app().inject(`/assets/fonts/${name}`)).statusCode).toBe(404);
    }
  });
});
