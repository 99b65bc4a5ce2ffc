// Hostile files are refused the same way everywhere: by the CLI (exit status 2) and by the
// API (400), with the same message and problems, on SQLite and on PostgreSQL, and the
// organization stored before is left exactly as it was.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliWithEnv } from '../src/cli/test-cli.js';
import { buildApp } from '../src/http/app.js';
import { DEMO_DOCUMENT } from '../src/services/demo.js';
import { importText } from '../src/services/documents.js';
import { exportDocument } from '../src/services/export.js';
import { addressedTestStores, tableCounts, type AddressedStore } from '../src/store/test-stores.js';
import { testContext } from '../src/services/test-context.js';
import { CLI } from '../src/services/context.js';

const TOKEN = 'hostile-admin-token';
const DEMO_TEXT = readFileSync(DEMO_DOCUMENT, 'utf8');

/** The demo document's text with one change. */
function demoWith(change: (doc: any) => void): string {
  const doc = JSON.parse(DEMO_TEXT);
  change(doc);
  return JSON.stringify(doc);
}

interface Case {
  name: string;
  bytes: Buffer;
  format: 'json' | 'sheet-text';
  /** The first problem's path, where the refusal has problems. */
  path?: string;
  message: RegExp;
}

const CASES: Case[] = [
  {
    name: 'bytes that are not UTF-8',
    bytes: Buffer.concat([Buffer.from(DEMO_TEXT.slice(0, DEMO_TEXT.indexOf('北九州市'))), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from(DEMO_TEXT.slice(DEMO_TEXT.indexOf('北九州市')))]),
    format: 'json',
    message: /^JSON は UTF-8 で保存してください \/ Save the JSON file as UTF-8$/,
  },
  {
    name: 'nesting 100,000 levels deep',
    bytes: Buffer.from(`${DEMO_TEXT.trimEnd().slice(0, -1)}, "deep": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
    format: 'json',
    path: `deep${'[0]'.repeat(31)}`,
    message: /1 件の問題/,
  },
  {
    name: 'a NUL character',
    bytes: Buffer.from(demoWith((doc) => (doc.projects[0].name = '多文化共生\u0000の推進'))),
    format: 'json',
    path: 'projects[0].name',
    message: /1 件の問題/,
  },
  {
    name: 'an amount of 1e21',
    bytes: Buffer.from(demoWith((doc) => (doc.projects[0].budgets[0].amount = 1e21))),
    format: 'json',
    path: 'projects[0].budgets[0].amount',
    message: /1 件の問題/,
  },
  {
    name: 'an amount of 2^53',
    bytes: Buffer.from(demoWith((doc) => (doc.projects[1].budgets[0].amount = 2 ** 53))),
    format: 'json',
    path: 'projects[1].budgets[0].amount',
    message: /1 件の問題/,
  },
  {
    name: 'a summary past its length limit',
    bytes: Buffer.from(demoWith((doc) => (doc.projects[2].summary = '長'.repeat(10_001)))),
    format: 'json',
    path: 'projects[2].summary',
    message: /1 件の問題/,
  },
  { name: 'an empty sheet text', bytes: Buffer.alloc(0), format: 'sheet-text', path: 'years', message: /事業の行を一つも読めませんでした/ },
];

describe.each(addressedTestStores())('hostile imports on $name', (factory) => {
  let db: AddressedStore;
  let app: FastifyInstance;
  let dir: string;
  let before: unknown;

  beforeAll(async () => {
    db = await factory.open();
    await importText(testContext(db.store), DEMO_TEXT);
    app = await buildApp({ store: db.store, adminToken: TOKEN });
    dir = mkdtempSync(join(tmpdir(), 'hyoka-hostile-'));
    before = { document: await exportDocument(testContext(db.store, CLI, '401005')), counts: await tableCounts(db.store) };
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The CLI against the same database the app uses. */
  function cli(...argv: string[]) {
    const { sqlitePath, databaseUrl } = db.address;
    return sqlitePath ? cliWithEnv({}, ...argv, '--db', sqlitePath) : cliWithEnv({ DATABASE_URL: databaseUrl }, ...argv);
  }

  it.each(CASES)('refuses $name the same way through the CLI and the API', async ({ bytes, format, path, message }) => {
    const file = join(dir, `upload.${format === 'json' ? 'json' : 'txt'}`);
    writeFileSync(file, bytes);
    const names = format === 'sheet-text' ? ['--org', '北九州市', '--bureau', '企画調整局'] : [];
    const run = await cli('import', file, '--format', format, ...names);
    expect(run.status).toBe(2);

    const query = format === 'sheet-text' ? `format=sheet-text&org=${encodeURIComponent('北九州市')}&bureau=${encodeURIComponent('企画調整局')}` : 'format=json';
    const contentType = format === 'json' ? 'application/json' : 'text/plain';
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/import?${query}`,
      payload: bytes,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': contentType },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json() as { error: { message: string; problems?: { path: string; message: string }[] } };
    expect(error.message).toMatch(message);
    if (path !== undefined) expect(error.problems?.[0]?.path).toBe(path);
    // The CLI prints the message, then one line per problem: the same words.
    const lines = [error.message, ...(error.problems ?? []).map((p) => `${p.path}: ${p.message}`)];
    expect(run.stderr.trimEnd().split('\n')).toEqual(lines);

    expect({ document: await exportDocument(testContext(db.store, CLI, '401005')), counts: await tableCounts(db.store) }).toEqual(before);
  });
});
