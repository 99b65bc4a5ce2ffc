// ?format=pdf through the app: Debian's Chromium prints the page's print view, and poppler
// reads the PDF back — page size, embedded Japanese fonts, the text, the page-number footer
// and the sheet's header repeated on the next page. Without Chromium the request says how to
// install it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_INSTALL_HINT } from '../../src/print/chromium.js';
import { requirePackage } from '../requires.js';
import { project } from './demo-facts.js';
import { chromiumGate, startDemoSite, type DemoSite } from './harness.js';

const popplerGate = requirePackage('poppler-utils');
const run = promisify(execFile);

async function poppler(tool: 'pdfinfo' | 'pdffonts' | 'pdftotext', ...args: string[]): Promise<string> {
  const { stdout } = await run(tool, args, { encoding: 'utf8' });
  return stdout;
}

interface PdfFacts {
  pages: number;
  /** Width × height of each page, in points. */
  sizes: [number, number][];
  fonts: { name: string; embedded: boolean }[];
  /** Text per page, whitespace removed (table cells wrap Japanese mid-word). */
  text: string[];
}

async function readPdf(file: string): Promise<PdfFacts> {
  const info = await poppler('pdfinfo', file);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const sized = await poppler('pdfinfo', '-f', '1', '-l', String(pages), file);
  const sizes = [...sized.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m): [number, number] => [Number(m[1]), Number(m[2])]);
  // pdffonts: name, type (one or two words), encoding, emb, sub, uni, object, generation.
  const fonts = (await poppler('pdffonts', file))
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const fields = line.trim().split(/\s+/);
      return { name: fields[0]!, embedded: fields.at(-5) === 'yes' };
    });
  const text: string[] = [];
  for (let page = 1; page <= pages; page += 1) {
    text.push((await poppler('pdftotext', '-f', String(page), '-l', String(page), file, '-')).replace(/\s+/g, ''));
  }
  return { pages, sizes, fonts, text };
}

const near = (actual: number, expected: number) => Math.abs(actual - expected) < 2;

let site: DemoSite;
let dir: string;

beforeAll(async () => {
  site = await startDemoSite();
  dir = mkdtempSync(path.join(tmpdir(), 'hyoka-pdf-'));
});

afterAll(async () => {
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!chromiumGate.available || !popplerGate.available)(`PDF of the print view ${chromiumGate.label} ${popplerGate.label}`, () => {

  async function pdfOf(url: string, name: string): Promise<PdfFacts> {
    const response = await site.app.inject({ method: 'GET', url });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = path.join(dir, `${name}.pdf`);
    writeFileSync(file, response.rawPayload);
    return readPdf(file);
  }

  function expectJapaneseFontsEmbedded(pdf: PdfFacts): void {
    const japanese = pdf.fonts.filter((font) => /NotoSans(JP|CJK)/i.test(font.name));
    expect(japanese.length, JSON.stringify(pdf.fonts)).toBeGreaterThan(0);
    expect(japanese.every((font) => font.embedded)).toBe(true);
  }

  function expectPageNumbers(pdf: PdfFacts): void {
    pdf.text.forEach((text, index) => expect(text, `page ${index + 1}`).toContain(`${index + 1}/${pdf.pages}`));
  }

  it('prints the sheet on A3 landscape, the header repeated on every page', async () => {
    const pdf = await pdfOf('/sheet?format=pdf', 'sheet');
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(pdf.sizes).toHaveLength(pdf.pages);
    for (const [width, height] of pdf.sizes) expect(near(width, 1190.55) && near(height, 841.89), `${width} x ${height}`).toBe(true);
    expectJapaneseFontsEmbedded(pdf);
    const all = pdf.text.join('');
    expect(all).toContain('公立大学法人北九州市立大学運営事業');
    expect(all).toContain('多文化共生');
    expectPageNumbers(pdf);
    for (const [index, text] of pdf.text.entries()) {
      expect(text, `header on page ${index + 1}`).toContain('施策番号・施策名');
      expect(text, `header on page ${index + 1}`).toContain('指標名等');
    }
    // The screen's navigation and filters are not printed.
    expect(all).not.toContain('絞り込む');
  });

  it('prints a project page on A4 portrait with its data', async () => {
    const university = project('kitakyushu-univ');
    const pdf = await pdfOf(`/projects/${university.key}?format=pdf`, 'project');
    for (const [width, height] of pdf.sizes) expect(near(width, 595.28) && near(height, 841.89), `${width} x ${height}`).toBe(true);
    expectJapaneseFontsEmbedded(pdf);
    const all = pdf.text.join('');
    expect(all).toContain(university.name);
    expect(all).toContain(university.summary!.replace(/\s+/g, ''));
    expect(all).toContain('2,665,000'); // R4 budget, thousand yen
    expectPageNumbers(pdf);
  });

  it('prints /sdgs with its chart and table starting on the first page, not after a nearly empty one', async () => {
    const pdf = await pdfOf('/sdgs?format=pdf', 'sdgs');
    const [first] = pdf.text;
    expect(first).toContain('SDGsゴール別の事業と予算');
    // The chart (its caption and its first bar's label) and the head of its table.
    expect(first).toContain('SDGsゴール別R5年度予算額（千円）');
    expect(first).toContain('ゴール3');
    expect(first).toContain('SDGsゴール別の行数・事業数・予算額');
    expectPageNumbers(pdf);
  });

  it('answers 503 with Retry-After, not 500, when the PDF queue is full', async () => {
    // One PDF is made at a time and four may wait; the fifth and sixth are turned away.
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => site.app.inject({ method: 'GET', url: '/projects/no-such-project?format=pdf' })),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([404, 404, 404, 404, 503, 503]);
    for (const response of responses.filter((r) => r.statusCode === 503)) {
      expect(response.headers['retry-after']).toBe('10');
      expect(response.body).toContain('PDF作成が混み合っています。しばらくしてから再度お試しください / Too many PDFs being made: try again shortly');
    }
  }, 120_000);

  it('answers a missing page with its own status, not a PDF', async () => {
    const response = await site.app.inject({ method: 'GET', url: '/projects/no-such-project?format=pdf' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
  });
});

// Runs whether or not Chromium is installed: this is what a reader without it sees.
describe('PDF without Chromium', () => {
  it('answers 503 with the install hint', async () => {
    const saved = process.env.HYOKA_CHROMIUM;
    process.env.HYOKA_CHROMIUM = path.join(dir, 'no-such-chromium');
    try {
      const response = await site.app.inject({ method: 'GET', url: '/sheet?format=pdf' });
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain(CHROMIUM_INSTALL_HINT);
      expect(response.body).toContain('apt-get install chromium');
    } finally {
      if (saved === undefined) delete process.env.HYOKA_CHROMIUM;
      else process.env.HYOKA_CHROMIUM = saved;
    }
  });
});
