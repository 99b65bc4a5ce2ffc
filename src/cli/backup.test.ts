// hyoka backup and restore on both dialects: a database holding two organizations is backed up
// (SQLite: the online backup; PostgreSQL: pg_dump), restored into an empty database, and every
// organization exports byte for byte as before. A database that holds tables is never restored over.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requirePackage } from '../../test/requires.js';
import { generateDocument } from '../interchange/generate.js';
import { backup } from '../services/backup.js';
import { ANONYMOUS, CLI, createContext } from '../services/context.js';
import { loadDemoIfEmpty } from '../services/demo.js';
import { importDocument } from '../services/import.js';
import type { StoreOptions } from '../store/index.js';
import { addressedTestStores, tableCounts, type AddressedStore } from '../store/test-stores.js';
import { openStore } from '../store/open.js';
import { cliWithEnv } from './test-cli.js';

const pgClient = requirePackage('postgresql-client');
const ORGANIZATIONS = ['北九州市', '生成市7'];

/** The CLI's arguments and environment that name a database. */
function addressing(address: StoreOptions): { env: NodeJS.ProcessEnv; args: string[] } {
  return address.databaseUrl ? { env: { DATABASE_URL: address.databaseUrl }, args: [] } : { env: {}, args: ['--db', address.sqlitePath!] };
}

async function exports(address: StoreOptions): Promise<string[]> {
  const { env, args } = addressing(address);
  return Promise.all(
    ORGANIZATIONS.map(async (org) => {
      const run = await cliWithEnv(env, 'export', '--format', 'json', '--org', org, ...args);
      expect(run.status, run.stderr).toBe(0);
      return run.stdout;
    }),
  );
}

/** An empty database on the same server, searching the source's schema, which the restore creates. */
async function emptyPostgresDatabase(sourceUrl: string): Promise<{ address: StoreOptions; drop(): Promise<void> }> {
  const name = `hyoka_restore_${randomBytes(4).toString('hex')}`;
  const server = new URL(sourceUrl);
  server.search = '';
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const target = new URL(sourceUrl);
  target.pathname = `/${name}`;
  return {
    address: { databaseUrl: target.toString() },
    async drop() {
      try {
        await admin.query(`drop database "${name}" with (force)`);
      } finally {
        await admin.end();
      }
    },
  };
}

describe.each(addressedTestStores())('hyoka backup and restore on $name', (factory) => {
  const needsClient = factory.name === 'postgres' && !pgClient.available;
  let dir: string;
  let source: AddressedStore;
  let target: StoreOptions;
  let dropTarget: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hyoka-backup-'));
    source = await factory.open();
    await loadDemoIfEmpty(createContext(source.store, CLI));
    await importDocument(createContext(source.store, CLI), generateDocument({ projects: 40, seed: 7 }));
    if (factory.name === 'sqlite') target = { sqlitePath: join(dir, 'restored', 'hyoka.sqlite') };
    else {
      const empty = await emptyPostgresDatabase(source.address.databaseUrl!);
      target = empty.address;
      dropTarget = empty.drop;
    }
  }, 60_000);
  afterAll(async () => {
    await source?.store.close();
    await dropTarget();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(needsClient)(`restores into an empty database what exports byte for byte as the original ${factory.name === 'postgres' ? pgClient.label : ''}`, async () => {
    const file = join(dir, 'hyoka.backup');
    const from = addressing(source.address);
    const backedUp = await cliWithEnv(from.env, 'backup', file, ...from.args);
    expect(backedUp.stderr).toBe('');
    expect(backedUp.status).toBe(0);
    expect(backedUp.stdout).toContain(file);

    const to = addressing(target);
    const restored = await cliWithEnv(to.env, 'restore', file, ...to.args);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);

    const [before, after] = [await exports(source.address), await exports(target)];
    expect(after.map((text) => text.length)).toEqual(before.map((text) => text.length));
    expect(after).toEqual(before);
    const restoredStore = await openStore(target);
    try {
      expect(await tableCounts(restoredStore)).toEqual(await tableCounts(source.store));
    } finally {
      await restoredStore.close();
    }

    // Not over data: the second restore is refused and changes nothing.
    const again = await cliWithEnv(to.env, 'restore', file, ...to.args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Restore into an empty database');
    expect(await exports(target)).toEqual(before);
  }, 120_000);

  it('is for the console only', async () => {
    await expect(backup(createContext(source.store, ANONYMOUS), join(dir, 'nope.backup'))).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
