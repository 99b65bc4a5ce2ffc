import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../test/demo-app.js';

/** WCAG 2.1's contrast ratio of two `#rrggbb` colours; NaN when either is missing. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('page assets', () => {
  const { app } = useDemoApp();

  it('serves the design tokens and our styles as one stylesheet', async () => {
    const response = await app().inject('/assets/site.css');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/css');
    expect(response.body).toContain('--color-primitive-blue-900');
    expect(response.body).toContain('.skip-link');
  });

  it('gives each stage badge and 期限超過 text and background that meet WCAG AA (4.5:1), and 期限超過 more than a colour', async () => {
    const css = (await app().inject('/assets/site.css')).body;
    const rules = new Map([...css.matchAll(/^(\.[a-z-]+) \{([^}]*)\}/gmu)].map((match) => [match[1]!, match[2]!]));
    const hex = (rule: string, property: string) => new RegExp(`(?:^|;)\\s*${property}: (?:var\\(--[a-z0-9-]+, )?(#[0-9a-f]{6})`, 'u').exec(rule)?.[1];
    const ratios: Record<string, number> = {};
    for (const name of ['.stage-draft', '.stage-submitted', '.stage-reviewed', '.stage-approved', '.stage-skip', '.overdue']) {
      const rule = rules.get(name) ?? '';
      ratios[name] = contrast(hex(rule, 'color') ?? '', hex(rule, 'background') ?? '');
    }
    for (const [name, ratio] of Object.entries(ratios)) expect(ratio, name).toBeGreaterThanOrEqual(4.5);
    expect(rules.get('.overdue')).toMatch(/border: 2px solid/u);
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
