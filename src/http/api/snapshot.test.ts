// Reads that span several queries answer one document, never a mix, while imports replace it:
// two documents of one organization are imported in turn while clients read the lists, and
// every answer must be exactly the answer for one of the two. The imports run in another
// process, as the CLI's do beside a server, so their commits land between any two queries
// (PGlite has one session: it imports in this process). Both dialects; a fixed number of
// imports bounds the test.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../../domain/model.js';
import { generateDocument } from '../../interchange/generate.js';
import { importValue } from '../../services/documents.js';
import { testStores, type TestStore } from '../../store/test-stores.js';
import { buildApp } from '../app.js';
import { testContext } from '../../services/test-context.js';
import { CLI } from '../../services/context.js';

const IMPORTS = 30;
const READERS = 3;
const URLS = ['/api/v1/projects', '/api/v1/policies', '/api/v1/projects?fiscalYear=2022'];

const TOKEN = 'snapshot-admin';
const first = generateDocument({ projects: 40, seed: 11 });
const second: HyokaDocument = { ...generateDocument({ projects: 40, seed: 12 }), organization: first.organization };

/** Imports the documents in turn, `times` imports in all, in a process of its own where it can. */
async function importInTurn(store: TestStore, documents: HyokaDocument[], times: number): Promise<void> {
  if (!store.shared) {
    for (let i = 0; i < times; i++) await importValue(testContext(store), structuredClone(documents[i % documents.length]!));
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'hyoka-imports-'));
  try {
    const files = documents.map((document, i) => {
      const file = join(dir, `${i}.json`);
      writeFileSync(file, JSON.stringify(document));
      return file;
    });
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/import-loop.ts', JSON.stringify(store.shared), String(times), ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString('utf8')));
    child.stderr.on('data', (data: Buffer) => (output += data.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, output).toBe(0);
    expect(output).toContain(`imported ${times}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(testStores())('reads during imports on $name', (factory) => {
  let store: TestStore;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await factory.open();
    app = await buildApp({ store, adminToken: TOKEN });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  const read = async (url: string) => {
    // The stored data, as the organization's administrator reads it (作業中).
    const response = await app.inject({ url, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return response.body;
  };

  it('answers every list wholly from one document', async () => {
    const expected = new Map<string, [string, string]>();
    await importValue(testContext(store), structuredClone(first));
    const ofFirst = await Promise.all(URLS.map(read));
    await importValue(testContext(store), structuredClone(second));
    const ofSecond = await Promise.all(URLS.map(read));
    URLS.forEach((url, i) => {
      expect(ofFirst[i], url).not.toBe(ofSecond[i]);
      expected.set(url, [ofFirst[i]!, ofSecond[i]!]);
    });

    let running = true;
    const importer = importInTurn(store, [first, second], IMPORTS).finally(() => (running = false));
    const mixed: string[] = [];
    let reads = 0;
    const reader = async (start: number) => {
      for (let i = start; running; i++) {
        const url = URLS[i % URLS.length]!;
        const body = await read(url);
        reads += 1;
        if (!expected.get(url)!.includes(body)) mixed.push(url);
        // An in-process read may never leave the microtask queue: let the child's I/O in.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all([importer, ...Array.from({ length: READERS }, (_, i) => reader(i))]);
    expect(reads).toBeGreaterThan(0);
    expect(mixed, `${mixed.length} of ${reads} reads mixed two documents`).toEqual([]);
  }, 180_000);
});
