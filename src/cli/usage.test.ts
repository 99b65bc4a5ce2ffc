// What the command line tells a new user: each command's usage on --help, what a command wrote
// and where, and what to do when the port is taken.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from './commands.js';
import { cli } from './test-cli.js';

const DEMO = new URL('../../data/kitakyushu.hyoka.json', import.meta.url).pathname;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hyoka-cli-usage-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hyoka <command> --help', () => {
  it.each(Object.keys(commands))('%s --help prints that command’s usage and exits 0', async (name) => {
    for (const argv of [[name, '--help'], [name, '-h'], ['help', name], [name, 'FILE', '--format', 'json', '--help']]) {
      const { status, stdout, stderr } = await cli(...argv);
      expect(stderr, argv.join(' ')).toBe('');
      expect(status, argv.join(' ')).toBe(0);
      expect(stdout).toMatch(new RegExp(`^hyoka ${name} — `));
      expect(stdout).toContain(`Usage: ${commands[name]!.usage}`);
    }
  });

  it('explains the options of import and export', async () => {
    expect((await cli('import', '--help')).stdout).toMatch(/^ {2}--dry-run +report what would change, listing each changed value \(path, cell or line, before → after\); write nothing$/m);
    expect((await cli('import', '--help')).stdout).toMatch(/^ {2}--mode M +replace \(default/m);
    expect((await cli('export', '--help')).stdout).toMatch(/^ {2}--out FILE +where to write/m);
    expect((await cli('serve', '--help')).stdout).toContain('PORT=3001 npm start');
    expect((await cli('--help')).stdout).toContain('hyoka <command> --help');
  });
});

describe('commands that write a file say what, where and how big', () => {
  it('export --out', async () => {
    const db = join(dir, 'demo.sqlite');
    expect((await cli('import', DEMO, '--db', db)).status).toBe(0);
    for (const [format, what] of [
      ['json', 'the computed document (hyoka/1 JSON)'],
      ['xlsx', 'the PDCA sheet (Excel)'],
      ['csv', 'the CSV of periods'],
    ] as const) {
      const out = join(dir, `export.${format}`);
      const { status, stdout } = await cli('export', '--format', format, '--out', out, '--db', db);
      expect(status).toBe(0);
      const size = statSync(out).size.toLocaleString('en-US');
      expect(stdout).toMatch(new RegExp(`^書き出しました / Written: ${out.replaceAll('.', '\\.')}\n {2}.+、${size} バイト / `));
      expect(stdout).toContain(`、${size} バイト / ${what}, ${size} bytes\n`);
    }
    const json = await cli('export', '--out', join(dir, 'plain.json'), '--db', db);
    expect(json.stdout).toContain('計算済みの文書（hyoka/1 JSON）');
  });

  it('generate --out', async () => {
    const out = join(dir, 'generated.json');
    const { status, stdout } = await cli('generate', '--projects', '3', '--out', out);
    expect(status).toBe(0);
    expect(stdout).toContain(`Written: ${out}`);
    expect(stdout).toContain(`${statSync(out).size.toLocaleString('en-US')} bytes`);
  });
});

describe('hyoka serve', () => {
  it('on a port in use, says so and how to choose another (--port, or PORT with npm start)', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const { status, stderr } = await cli('serve', '--port', String(port), '--db', join(dir, 'serve.sqlite'));
      expect(status).toBe(1);
      expect(stderr).toContain(`ポート ${port} は使用中です`);
      expect(stderr).toContain(`--port ${port + 1}`);
      expect(stderr).toContain(`PORT=${port + 1} npm start`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
