// The layers import one way: http, cli → services → store (through its face, store/index.ts),
// interchange, print → domain. Pages (src/http/pages) get everything through services, and
// domain imports nothing outside itself. Every .ts/.tsx file under src/ is read and each of
// its relative imports checked; tests and their support files may reach anywhere. Printing
// (print/, Chromium) is a driver the http layer uses to turn a page into a PDF; static-site/
// (the static copy's crawl, file names and links) one that publication (services) drives.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

/** What a file of each layer may import, besides its own layer. */
const ALLOWED: Record<string, readonly string[]> = {
  domain: [],
  interchange: ['domain'],
  store: ['domain', 'interchange'],
  print: ['domain'],
  // The static copy of the site: a crawl through a fetch function, and its file names and links.
  'static-site': [],
  services: ['domain', 'interchange', 'print', 'static-site', 'store/index.ts'],
  // The stateless commands (compute, check FILE, generate) call interchange and domain
  // directly; a command opens its store, and serves or prints through the app.
  cli: ['services', 'http', 'interchange', 'domain', 'store/index.ts'],
  // The app registers the pages, and prints a page to PDF through Chromium (print).
  http: ['services', 'pages', 'print'],
  pages: ['services', 'http', 'print'],
};

export interface SourceFile {
  /** Relative to src/, with forward slashes: `http/pages/sheet.tsx`. */
  path: string;
  /** The relative specifiers it imports or re-exports. */
  imports: readonly string[];
}

/** Test files and their support (stores, contexts, fixtures, a crash test's child) reach anywhere. */
function isTestSupport(path: string): boolean {
  return /\.test\.tsx?$|\.fixtures\.ts$|(^|\/)test-[\w-]+\.ts$|\.crash-child\.ts$/.test(path);
}

function layerOf(path: string): string {
  if (path === 'cli.ts') return 'cli';
  if (path.startsWith('http/pages/')) return 'pages';
  return path.split('/')[0]!;
}

/** The layer an import lands in, or `store/index.ts` for the store's face. */
function targetOf(from: string, specifier: string): { layer: string; path: string } {
  const path = posix.normalize(posix.join(posix.dirname(from), specifier)).replace(/\.js$/, '.ts');
  return { layer: path === 'store/index.ts' ? 'store/index.ts' : layerOf(path), path };
}

/** Every import that crosses the layers the wrong way, as `from → to`. */
export function wrongImports(files: readonly SourceFile[]): string[] {
  const wrong: string[] = [];
  for (const file of files) {
    if (isTestSupport(file.path)) continue;
    const own = layerOf(file.path);
    const allowed = ALLOWED[own];
    for (const specifier of file.imports) {
      const target = targetOf(file.path, specifier);
      if (target.path.startsWith('../')) {
        wrong.push(`${file.path} → ${specifier} (outside src/)`);
        continue;
      }
      if (target.layer === own || (own === 'store' && target.layer === 'store/index.ts')) continue;
      // Pages are http too: they may use the http layer's own modules (errors, context).
      if (own === 'pages' && target.layer === 'http') continue;
      if (allowed === undefined || !allowed.includes(target.layer)) wrong.push(`${file.path} → ${target.path}`);
    }
  }
  return wrong;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

/** The relative specifiers a source text imports (static, re-exports, side effects, dynamic). */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier?.startsWith('.')) found.push(specifier);
  }
  return found;
}

function sourceFiles(dir: string): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      return { path: relative(SRC, full).split('\\').join('/'), imports: importsOf(readFileSync(full, 'utf8')) };
    });
}

describe('import boundaries', () => {
  const files = sourceFiles(SRC);

  it('reads the imports of every source file', () => {
    expect(files.length).toBeGreaterThan(200);
    const apply = files.find((file) => file.path === 'store/apply.ts');
    expect(apply?.imports).toContain('./handles.js');
  });

  it('holds in src/: http, cli → services → store (its face), interchange, print → domain; pages only through services', () => {
    expect(wrongImports(files)).toEqual([]);
  });

  it('finds what a type-only, a re-export, a dynamic and a side-effect import name', () => {
    const text = [
      "import type { Store } from '../store/open.js';",
      "export { x } from './x.js';",
      "const m = await import('../interchange/generate.js');",
      "import './side.js';",
      "import { z } from 'zod';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['../store/open.js', './x.js', './side.js', '../interchange/generate.js'].sort((a, b) => text.indexOf(a) - text.indexOf(b)));
  });

  it.each([
    ['a page importing the store', { path: 'http/pages/sheet.tsx', imports: ['../../store/index.js'] }, 'http/pages/sheet.tsx → store/index.ts'],
    ['a page importing domain', { path: 'http/pages/project.tsx', imports: ['../../domain/written.js'] }, 'http/pages/project.tsx → domain/written.ts'],
    ['a page importing interchange', { path: 'http/pages/data.ts', imports: ['../../interchange/csv/table.js'] }, 'http/pages/data.ts → interchange/csv/table.ts'],
    ['a service importing a store internal', { path: 'services/import.ts', imports: ['../store/apply.js'] }, 'services/import.ts → store/apply.ts'],
    ['domain importing interchange', { path: 'domain/grade.ts', imports: ['../interchange/schema.js'] }, 'domain/grade.ts → interchange/schema.ts'],
    ['the store importing a service', { path: 'store/open.ts', imports: ['../services/context.js'] }, 'store/open.ts → services/context.ts'],
    ['an API route importing the store', { path: 'http/api/index.ts', imports: ['../../store/index.js'] }, 'http/api/index.ts → store/index.ts'],
    ['interchange importing the store', { path: 'interchange/compute.ts', imports: ['../store/rows.js'] }, 'interchange/compute.ts → store/rows.ts'],
  ])('fails on %s', (_, file, expected) => {
    expect(wrongImports([file])).toEqual([expected]);
  });

  it('lets a service use the store through its face, and a test reach anywhere', () => {
    expect(wrongImports([{ path: 'services/import.ts', imports: ['../store/index.js', '../interchange/change-set.js', '../domain/model.js'] }])).toEqual([]);
    expect(wrongImports([{ path: 'http/pages/sheet.test.ts', imports: ['../../store/test-stores.js', '../../domain/model.js'] }])).toEqual([]);
  });
});
