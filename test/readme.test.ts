// The README's examples work on the demo: every address it gives answers (a search finds
// something), every page of its table exists, its command examples run, and its links lead to
// files of the repository.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../src/cli/test-cli.js';
import { useDemoApp } from './demo-app.js';

const root = new URL('../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');

/** `http://127.0.0.1:3000/search?q=大学` → `/search?q=%E5%A4%A7%E5%AD%A6`: what a browser requests. */
function pathOf(address: string): string {
  const url = new URL(address);
  return url.pathname + url.search;
}

describe('README.md', () => {
  const { app } = useDemoApp();
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hyoka-readme-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives addresses that answer on the demo, and a search example that finds something', async () => {
    const addresses = [...readme.matchAll(/<(http:\/\/127\.0\.0\.1:3000\/[^>]*)>/g)].map((match) => match[1]!);
    expect(addresses.some((address) => address.includes('/search?q='))).toBe(true);
    for (const address of addresses) {
      const response = await app().inject(pathOf(address));
      expect(response.statusCode, address).toBe(200);
      if (address.includes('/search?q=')) {
        const data = (await app().inject(`${pathOf(address)}&format=json`)).json() as { total?: number; hits: unknown[] };
        expect(data.total ?? data.hits.length, address).toBeGreaterThan(0);
      }
    }
  });

  it('lists pages that exist', async () => {
    const table = readme.slice(readme.indexOf('## The pages'), readme.indexOf('## The API'));
    const paths = [...table.matchAll(/^\| `([^`]+)`(?:, `([^`]+)`)? \|/gm)].flatMap((match) => [match[1]!, match[2]].filter((path) => path !== undefined));
    expect(paths.length).toBeGreaterThan(5);
    for (const path of paths) {
      // The demo's own keys in place of the placeholders; empty query values left out.
      const url = path.replace(':code', encodeURIComponent('II-3-(3)-①')).replace(':key', 'tabunka').replace(':fiscalYear', '2021').replace(/[?&][a-zA-Z]+=(?=&|$)/g, '');
      expect((await app().inject(url)).statusCode, `${path} → ${url}`).toBe(200);
    }
  });

  it('gives command examples that run', async () => {
    const commands = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((match) => match[1]!.split('\n')).filter((line) => line.startsWith('npx hyoka '));
    expect(commands.length).toBeGreaterThan(0);
    const db = join(dir, 'hyoka.sqlite');
    for (const command of commands) {
      const { status, stderr } = await cli(...command.slice('npx hyoka '.length).trim().split(/\s+/), '--db', db);
      expect(status, `${command}\n${stderr}`).toBe(0);
    }
  });

  it('links files of the repository', () => {
    const links = [...readme.matchAll(/\]\(([^)#:]+)(?:#[^)]*)?\)/g)].map((match) => match[1]!);
    expect(links).toEqual(expect.arrayContaining(['docs/computation.md', 'docs/format.md']));
    expect(links.filter((link) => !existsSync(new URL(link, root)))).toEqual([]);
  });
});
