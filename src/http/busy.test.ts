// SQLite while an import holds the write lock. In this process (kysely's one connection would
// make every query wait for the import's whole transaction): health, lists, pages and search
// answer from the read connection without waiting. In another process (the CLI beside a
// server): a second import waits the busy timeout, then is refused as busy — 503 with
// Retry-After over HTTP, exit 1 from the CLI, in Japanese with English — while reads and search
// still answer.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../domain/model.js';
import { generateDocument } from '../interchange/generate.js';
import { DEMO_DOCUMENT, loadDemoIfEmpty } from '../services/demo.js';
import { importValue } from '../services/documents.js';
import { importDocument } from '../services/import.js';
import { searchIndexSettled } from '../services/search.js';
import { openStore, type Store } from '../store/open.js';
import { cli } from '../cli/test-cli.js';
import { buildApp } from './app.js';
import { testContext } from '../services/test-context.js';
import { CLI } from '../services/context.js';

const TOKEN = 'busy-admin-token';
const ADMIN = { authorization: `Bearer ${TOKEN}` };
const BUSY = 'データベースは別の処理（取込みなど）で使用中です。しばらくしてから再度お試しください / The database is busy with another task (such as an import): try again shortly';
const demo = JSON.parse(readFileSync(DEMO_DOCUMENT, 'utf8')) as HyokaDocument;

/** The demo with every project renamed: another revision, whose names the search finds. */
function renamed(suffix: string): HyokaDocument {
  const copy = structuredClone(demo);
  for (const project of copy.projects) project.name = `${project.name}${suffix}`;
  return copy;
}

/** `work`'s answer, or 'stalled' if it has none after a generous minute (a deadlock, not a timing). */
function unlessStalled<T>(work: Promise<T>): Promise<T | 'stalled'> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<'stalled'>((resolve) => (timer = setTimeout(() => resolve('stalled'), 60_000)));
  return Promise.race([work, stalled]).finally(() => clearTimeout(timer));
}

describe('SQLite while an import holds the write lock', () => {
  let dir: string;
  let path: string;
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hyoka-busy-'));
    path = join(dir, 'hyoka.sqlite');
    store = await openStore({ sqlitePath: path, busyTimeoutMs: 300 });
    await loadDemoIfEmpty(testContext(store));
    app = await buildApp({ store, adminToken: TOKEN, logStream: { write: () => undefined } });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers health, lists, pages and search while an import in this process is still writing', async () => {
    // An import the search index has not caught up with: the next search must build it or do without.
    await importValue(testContext(store), renamed('（改）'));
    let release!: () => void;
    let reached!: () => void;
    const writing = new Promise<void>((resolve) => (reached = resolve));
    const held = importDocument(testContext(store), renamed('（再改）'), {
      checkpoint: (stage) => {
        if (stage !== 'commit') return Promise.resolve();
        reached();
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    await writing;
    try {
      const answers = await unlessStalled(
        // Read as the administrator: what is stored (作業中), not what is published.
        Promise.all(['/healthz', '/api/v1/projects', '/sheet', '/api/v1/search?q=（改）'].map((url) => app.inject({ url, headers: ADMIN }))),
      );
      expect(answers).not.toBe('stalled');
      if (answers === 'stalled') return;
      expect(answers.map((response) => response.statusCode)).toEqual([200, 200, 200, 200]);
      // What the lock holder has not committed is not seen.
      expect(answers[1]!.json().projects[0].name).toMatch(/（改）$/);
      expect(answers[3]!.json().hits.length).toBeGreaterThan(0);
    } finally {
      release();
      await held;
      // The search started an index rebuild behind the import: done before the next test locks.
      await searchIndexSettled(store);
    }
  }, 120_000);

  it('answers health over the network while a large import in this process runs', async () => {
    // The import never waits on I/O (better-sqlite3 is synchronous): unless it lets the event
    // loop take turns, no socket is served until it ends.
    const big = await openStore({ sqlitePath: join(dir, 'big.sqlite') });
    const bigApp = await buildApp({ store: big, logStream: { write: () => undefined } });
    try {
      const origin = await bigApp.listen({ host: '127.0.0.1', port: 0 });
      let imported = false;
      const importing = importValue(testContext(big), generateDocument({ projects: 2_000, seed: 5 })).finally(() => (imported = true));
      const health = await unlessStalled(fetch(`${origin}/healthz`).then((response) => ({ status: response.status, during: !imported })));
      await importing;
      expect(health).toEqual({ status: 200, during: true });
    } finally {
      await bigApp.close();
      await big.close();
    }
  }, 120_000);

  describe('held by another process', () => {
    let other: BetterSqlite3.Database | undefined;
    afterEach(() => {
      if (other?.inTransaction) other.exec('rollback');
      other?.close();
      other = undefined;
    });
    const lock = () => {
      other = new BetterSqlite3(path);
      // No wait: this process's own writers must be done (a wait here would stop them).
      other.pragma('busy_timeout = 0');
      other.exec('begin immediate');
    };

    it('refuses a second import as busy: 503 with Retry-After, in Japanese with English', async () => {
      lock();
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/import',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        payload: JSON.stringify(renamed('（三改）')),
      });
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json()).toEqual({ error: { message: BUSY } });
    });

    it('refuses the CLI’s import the same way, with exit status 1', async () => {
      const file = join(dir, 'renamed.json');
      writeFileSync(file, JSON.stringify(renamed('（四改）')));
      lock();
      const result = await cli('import', file, '--db', path);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`${BUSY}\n`);
    }, 60_000);

    it('answers health while an import waits for the lock, then imports once it is free', async () => {
      // A patient instance: its import waits up to 30 s for the other process.
      const patient = await openStore({ sqlitePath: path, busyTimeoutMs: 30_000 });
      const patientApp = await buildApp({ store: patient, adminToken: TOKEN, logStream: { write: () => undefined } });
      let handling!: () => void;
      const handled = new Promise<void>((resolve) => (handling = resolve));
      patientApp.addHook('preHandler', async (request) => {
        if (request.method === 'POST') handling();
      });
      try {
        lock();
        let settled = false;
        const waiting = patientApp
          .inject({
            method: 'POST',
            url: '/api/v1/import',
            headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
            payload: JSON.stringify(renamed('（待）')),
          })
          .finally(() => (settled = true));
        // Past its handler's start, the import reaches the lock within moments; a synchronous
        // busy wait would hold this timer (and every request) until it gave up.
        await handled;
        await new Promise((resolve) => setTimeout(resolve, 500));
        const health = await unlessStalled(patientApp.inject('/healthz'));
        expect(health === 'stalled' ? health : health.statusCode).toBe(200);
        // The import is still waiting (in the event loop, not blocking it) when health answers.
        expect(settled).toBe(false);
        other!.exec('rollback');
        const imported = await waiting;
        expect(imported.statusCode, imported.body.slice(0, 300)).toBe(200);
      } finally {
        await patientApp.close();
        await patient.close();
      }
    }, 120_000);

    it('still answers health, lists and a search whose index is out of date', async () => {
      await importValue(testContext(store), renamed('（五改）'));
      lock();
      for (const url of ['/healthz', '/api/v1/projects', '/api/v1/search?q=（五改）']) {
        const response = await app.inject({ url, headers: ADMIN });
        expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBe(200);
      }
      const search = (await app.inject({ url: '/api/v1/search?q=（五改）', headers: ADMIN })).json();
      expect(search.hits.length).toBe(demo.projects.reduce((rows, project) => rows + project.placements.length, 0));
    });
  });
});
