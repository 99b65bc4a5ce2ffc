// The project's own reference stays true: every worked example of docs/computation.md names
// its figure (`projects/…/achievementRate = 110.9`, or a page's data `GET /?format=json
// budgetTotal = 5365947`), and each is checked against what compute() and the pages give for
// the demo; the example documents of docs/format.md are valid hyoka/1 and compute as it says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compute } from '../src/interchange/compute.js';
import { parseDocumentText } from '../src/interchange/validate.js';
import { DEMO_DOCUMENT } from '../src/services/demo.js';
import { useDemoApp } from './demo-app.js';

const docs = (name: string) => readFileSync(new URL(`../docs/${name}`, import.meta.url), 'utf8');

interface Example {
  /** The page whose ?format=json holds the figure; absent for the computed document. */
  page?: string;
  path: string[];
  expected: unknown;
  text: string;
}

/** The checked figures of a page: code spans `[GET URL ]a/b/c = JSON`. */
function examplesOf(markdown: string): Example[] {
  return [...markdown.matchAll(/`(?:GET (\S+) )?([^`\s=]+) = ([^`\n]+)`/g)].map((match) => ({
    ...(match[1] !== undefined && { page: match[1] }),
    path: match[2]!.split('/'),
    expected: JSON.parse(match[3]!),
    text: match[0],
  }));
}

/** Fields that name a list's items in a path: keys, years, row numbers, grades, goals, bands. */
const NAMING_FIELDS = ['key', 'fiscalYear', 'no', 'code', 'policy', 'grade', 'goal', 'from', 'name'];

function resolve(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current)) {
      const items: unknown[] = current;
      const field = NAMING_FIELDS.find((name) => items.some((item) => String((item as Record<string, unknown>)[name]) === segment));
      if (field === undefined) throw new Error(`no item named ${segment}`);
      current = items.find((item) => String((item as Record<string, unknown>)[field]) === segment);
    } else if (current !== null && typeof current === 'object' && segment in current) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      throw new Error(`no field ${segment}`);
    }
  }
  // An empty figure is written `null` in the docs, as in the data.
  return current === undefined ? null : current;
}

function computedDemo() {
  const validation = parseDocumentText(readFileSync(DEMO_DOCUMENT, 'utf8'));
  if (!validation.ok) throw new Error('the demo document is invalid');
  return compute(validation.document);
}

describe('docs/computation.md', () => {
  const { app } = useDemoApp();
  const markdown = docs('computation.md');
  const examples = examplesOf(markdown);

  it('names a checked figure for every rule', () => {
    expect(examples.length).toBeGreaterThan(40);
    const sections = markdown.split(/^## /m).slice(1);
    for (const section of sections.filter((text) => /^\d\. /.test(text))) {
      expect(examplesOf(section).length, section.split('\n')[0]).toBeGreaterThan(0);
    }
  });

  it('gives each worked example the figure hyoka computes for the demo', async () => {
    const document = computedDemo();
    const pages = new Map<string, unknown>();
    const wrong: string[] = [];
    for (const example of examples) {
      let source: unknown = document;
      if (example.page !== undefined) {
        if (!pages.has(example.page)) {
          const response = await app().inject(example.page);
          expect(response.statusCode, example.page).toBe(200);
          pages.set(example.page, response.json());
        }
        source = pages.get(example.page);
      }
      try {
        const actual = resolve(source, example.path);
        if (JSON.stringify(actual) !== JSON.stringify(example.expected)) wrong.push(`${example.text}: hyoka gives ${JSON.stringify(actual)}`);
      } catch (error) {
        wrong.push(`${example.text}: ${(error as Error).message}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('docs/format.md', () => {
  const markdown = docs('format.md');
  const blocks = [...markdown.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1]!);

  it('shows example documents that are valid hyoka/1', () => {
    const documents = blocks.filter((block) => block.includes('"format": "hyoka/1"'));
    expect(documents.length).toBeGreaterThan(0);
    for (const block of documents) {
      const validation = parseDocumentText(block);
      expect(validation.ok ? [] : validation.problems).toEqual([]);
    }
  });

  it('gives the figures compute adds to its example', () => {
    const [example] = blocks.filter((block) => block.includes('"format": "hyoka/1"'));
    const validation = parseDocumentText(example!);
    if (!validation.ok) throw new Error('invalid example');
    const computed = compute(validation.document);
    const wrong = examplesOf(markdown)
      .filter((e) => e.page === undefined)
      .flatMap((e) => {
        const actual = resolve(computed, e.path);
        return JSON.stringify(actual) === JSON.stringify(e.expected) ? [] : [`${e.text}: hyoka gives ${JSON.stringify(actual)}`];
      });
    expect(examplesOf(markdown).length).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });
});

describe('data/kitakyushu.notes.md', () => {
  it('points to the reference in docs/', () => {
    const notes = readFileSync(new URL('../data/kitakyushu.notes.md', import.meta.url), 'utf8');
    expect(notes).toContain('](../docs/format.md)');
    expect(notes).toContain('](../docs/computation.md)');
    expect(notes).not.toMatch(/docs\/(domain|interchange)\.md/);
  });
});
