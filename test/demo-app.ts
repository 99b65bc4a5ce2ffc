// The app over a real SQLite store holding the demo (北九州市), as the page and API tests
// drive it with app.inject(). openDemoApp() for one test that needs its own database;
// useDemoApp() for a describe block (or file) sharing one, opened once and closed after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type AppOptions } from '../src/http/app.js';
import { loadDemoIfEmpty } from '../src/services/demo.js';
import { openStore, type Store } from '../src/store/open.js';
import { testContext } from '../src/services/test-context.js';

export interface DemoAppOptions {
  /** Load the demo document; false for an empty database. Default true. */
  demo?: boolean;
  /** More data, written after the demo and before the app is built. */
  seed?: (store: Store) => Promise<unknown>;
  /** A temporary SQLite file instead of memory, removed on close. */
  onDisk?: boolean;
  adminToken?: string;
  /** More options of the app (a proxy header, a log stream). */
  app?: Omit<AppOptions, 'store'>;
}

export interface DemoApp {
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}

export async function openDemoApp(options: DemoAppOptions = {}): Promise<DemoApp> {
  const dir = options.onDisk ? mkdtempSync(join(tmpdir(), 'hyoka-app-')) : null;
  const removeDir = () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  const store = await openStore({ sqlitePath: dir ? join(dir, 'hyoka.sqlite') : ':memory:' });
  let app: FastifyInstance;
  try {
    if (options.demo ?? true) await loadDemoIfEmpty(testContext(store));
    await options.seed?.(store);
    app = await buildApp({ store, ...options.app, ...(options.adminToken ? { adminToken: options.adminToken } : {}) });
  } catch (error) {
    await store.close();
    removeDir();
    throw error;
  }
  return {
    app,
    store,
    async close() {
      await app.close();
      await store.close();
      removeDir();
    },
  };
}

/**
 * Opens the app in beforeAll and closes it in afterAll of the enclosing describe (or file).
 * The getters are for use inside tests and later hooks, once beforeAll has run.
 */
export function useDemoApp(options: DemoAppOptions = {}): { app(): FastifyInstance; store(): Store } {
  let opened: DemoApp | undefined;
  beforeAll(async () => {
    opened = await openDemoApp(options);
  });
  afterAll(async () => {
    await opened?.close();
  });
  const current = () => {
    if (!opened) throw new Error('useDemoApp: the app opens in beforeAll; use it inside a test or a later hook');
    return opened;
  };
  return { app: () => current().app, store: () => current().store };
}
