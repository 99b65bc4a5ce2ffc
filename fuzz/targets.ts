// Where fuzz inputs go: each store (a SQLite file; PostgreSQL in a schema of its own where
// TEST_DATABASE_URL or DATABASE_URL names a server) holds the demo and serves an app; each
// input is imported through the service and through the API. A refused import must leave
// the store as it was: the fingerprint (rows per table, each organization's revision) is
// compared before and after.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/http/app.js';
import { loadDemoIfEmpty } from '../src/services/demo.js';
import { ServiceError } from '../src/services/errors.js';
import { importFile, type ImportFormat } from '../src/services/files.js';
import type { Store } from '../src/store/open.js';
import { addressedTestStores, tableCounts } from '../src/store/test-stores.js';
import { CLI, createContext } from '../src/services/context.js';

export const TOKEN = 'fuzz-admin-token';

export interface FuzzStore {
  name: string;
  store: Store;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function openFuzzStores(only?: readonly string[]): Promise<FuzzStore[]> {
  // process.env turns undefined into "undefined": assign only a URL.
  if (!process.env.TEST_DATABASE_URL && process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
  const stores: FuzzStore[] = [];
  for (const factory of addressedTestStores()) {
    if (only && !only.includes(factory.name)) continue;
    const { store } = await factory.open();
    await loadDemoIfEmpty(createContext(store, CLI));
    const app = await buildApp({ store, adminToken: TOKEN });
    stores.push({
      name: factory.name,
      store,
      app,
      async close() {
        await app.close();
        await store.close();
      },
    });
  }
  return stores;
}

export async function fingerprint(store: Store): Promise<string> {
  const revisions = await store.handles.db.selectFrom('organization_revisions').select(['org_id', 'revision']).orderBy('org_id').execute();
  return JSON.stringify([await tableCounts(store), revisions.map((r) => [Number(r.org_id), Number(r.revision)])]);
}

/** What one import came to. */
export type Outcome =
  | { kind: 'accepted' }
  | { kind: 'refused'; status: number }
  | { kind: 'crash'; message: string }
  | { kind: '5xx'; status: number; message: string };

/** The organization each format imports into: the demo's, except a sheet's draft (a city of its own, so that it is written). */
export const NAMES: Record<ImportFormat, { org?: string; bureau?: string }> = {
  json: {},
  xlsx: {},
  csv: { org: '401005' },
  'sheet-text': { org: 'ファズ市', bureau: '企画調整局' },
};

export async function throughService(store: Store, format: ImportFormat, bytes: Buffer): Promise<Outcome> {
  try {
    await importFile(createContext(store, CLI, NAMES[format].org), bytes, { format, ...NAMES[format] });
    return { kind: 'accepted' };
  } catch (error) {
    if (error instanceof ServiceError) return { kind: 'refused', status: 0 };
    return { kind: 'crash', message: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error) };
  }
}

const CONTENT_TYPES: Record<ImportFormat, string> = {
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  'sheet-text': 'text/plain',
};

export async function throughApi(app: FastifyInstance, format: ImportFormat, bytes: Buffer): Promise<Outcome> {
  const query = new URLSearchParams({ format, ...NAMES[format] });
  const response = await app.inject({
    method: 'POST',
    url: `/api/v1/import?${query}`,
    payload: bytes,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': CONTENT_TYPES[format] },
  });
  if (response.statusCode === 200) return { kind: 'accepted' };
  if (response.statusCode >= 500) return { kind: '5xx', status: response.statusCode, message: response.body.slice(0, 300) };
  return { kind: 'refused', status: response.statusCode };
}
