// The project cache follows the organization's revision, also when another process
// (here: a second store on the same SQLite file) does the import.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { generateDocument } from '../interchange/generate.js';
import { openStore } from '../store/index.js';
import { importValue, readProjectJson } from './documents.js';
import { testContext } from './test-context.js';

const dir = mkdtempSync(join(tmpdir(), 'hyoka-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('serves a project changed by another instance’s import', async () => {
  const file = join(dir, 'shared.sqlite');
  const reader = await openStore({ sqlitePath: file });
  const writer = await openStore({ sqlitePath: file });
  try {
    const document = generateDocument({ projects: 3, seed: 5 });
    await importValue(testContext(writer), structuredClone(document));
    const key = document.projects[0]!.key;
    const name = async () => (JSON.parse(await readProjectJson(testContext(reader), key)) as { project: { name: string } }).project.name;
    expect(await name()).toBe(document.projects[0]!.name);

    document.projects[0]!.name = '別のインスタンスで変更';
    await importValue(testContext(writer), structuredClone(document));
    expect(await name()).toBe('別のインスタンスで変更');

    await importValue(testContext(writer), structuredClone(document), { dryRun: true });
    expect(await name()).toBe('別のインスタンスで変更');
  } finally {
    await reader.close();
    await writer.close();
  }
});

it('serves a project changed by an import through the same store (same connection)', async () => {
  const store = await openStore({ sqlitePath: join(dir, 'own.sqlite') });
  try {
    const document = generateDocument({ projects: 2, seed: 6 });
    await importValue(testContext(store), structuredClone(document));
    const key = document.projects[0]!.key;
    const name = async () => (JSON.parse(await readProjectJson(testContext(store), key)) as { project: { name: string } }).project.name;
    expect(await name()).toBe(document.projects[0]!.name);
    document.projects[0]!.name = '同じ接続で変更';
    await importValue(testContext(store), structuredClone(document));
    expect(await name()).toBe('同じ接続で変更');
  } finally {
    await store.close();
  }
});
