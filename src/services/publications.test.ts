import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../domain/model.js';
import { canonicalJson } from '../interchange/canonical-json.js';
import { compute } from '../interchange/compute.js';
import { testStores, type TestStore } from '../store/test-stores.js';
import { openCycle, setScopes, transition } from './cycles.js';
import { DEMO_DOCUMENT, DEMO_FISCAL_YEAR, loadDemoIfEmpty } from './demo.js';
import { projectForEdit, saveProjects } from './editing.js';
import { importDocument } from './import.js';
import { DECIDED_COMMENT, listPublications, publishCycle, publishDecided, publishedVersion } from './publications.js';
import { ANONYMOUS } from './context.js';
import { testContext, testUser } from './test-context.js';

const demo = (): HyokaDocument => JSON.parse(readFileSync(DEMO_DOCUMENT, 'utf8'));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe.each(testStores())('publication on $name', (factory) => {
  let store: TestStore;
  const cli = () => testContext(store);
  beforeEach(async () => {
    store = await factory.open();
  });
  afterEach(async () => {
    await store.close();
  });

  it('publishes the demo as cycle 2021, version 1, every entry approved, the cycle closed', async () => {
    await loadDemoIfEmpty(cli());
    const [only, ...rest] = await listPublications(testContext(store, ANONYMOUS));
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ fiscalYear: DEMO_FISCAL_YEAR, version: 1, by: 'cli' });
    const { text, publication } = await publishedVersion(testContext(store, ANONYMOUS), DEMO_FISCAL_YEAR);
    expect(publication).toEqual(only);
    expect(sha256(text)).toBe(only!.sha256);
    // The version is the computed document as it stood, in canonical form.
    expect(text).toBe(canonicalJson(compute((await store.documents.read(1))!)));
    const cycle = await store.cycles.byYear(1, DEMO_FISCAL_YEAR);
    expect(cycle?.state).toBe('closed');
    const entries = await store.cycles.entries(cycle!.id);
    expect(entries).toHaveLength(21);
    expect(entries.every((entry) => entry.stage === 'approved')).toBe(true);
    expect(await store.cycles.transitions(entries[0]!.id)).toMatchObject([{ from: 'draft', to: 'approved', comment: DECIDED_COMMENT }]);
    const [logged] = await store.changeLog.forOrganization(1, { limit: 1 });
    expect(logged).toMatchObject({ channel: 'publication', path: 'cycles/2021/publications/1', after: only!.sha256 });
  });

  it('refuses to publish while an entry is neither approved nor skipped, listing them', async () => {
    await importDocument(cli(), demo());
    await openCycle(cli(), 2021);
    await setScopes(cli(), 2021, { scope: 'skip', division: '国際政策課' });
    const refusal = await publishCycle(cli(), 2021, { note: '公表' }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ kind: 'conflict' });
    const listed = (refusal as { problems: { path: string; message: string }[] }).problems;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((problem) => problem.message === 'draft' && problem.path.startsWith('projects/'))).toBe(true);
    expect(listed.map((p) => p.path)).not.toContain('projects/agi-subsidy'); // 国際政策課's: skipped
    await expect(publishCycle(cli(), 2021, { note: '  ' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ path: 'note' }] });
    await expect(publishCycle(cli(), 2030, { note: 'x' })).rejects.toMatchObject({ kind: 'not-found' });
    expect(await listPublications(cli())).toEqual([]);
  });

  it('lets only the admin publish, and anyone read what was published', async () => {
    await importDocument(cli(), demo());
    await expect(publishDecided(testContext(store, testUser('k', 'bureau', '企画調整局')), 2021, { note: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(publishDecided(testContext(store, testUser('v', 'viewer')), 2021, { note: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(publishDecided(testContext(store, ANONYMOUS), 2021, { note: 'x' })).rejects.toMatchObject({ kind: 'unauthorized' });
    await publishDecided(testContext(store, testUser('a', 'admin')), 2021, { note: '初版' });
    expect((await listPublications(testContext(store, ANONYMOUS), 2021)).map((p) => [p.version, p.by])).toEqual([[1, 'a']]);
    await expect(publishedVersion(testContext(store, ANONYMOUS), 2021, 2)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('publishes a correction as the next version; the first stays as it was, and no version can change', async () => {
    await loadDemoIfEmpty(cli());
    const first = await publishedVersion(cli(), 2021, 1);
    const { project, version } = await projectForEdit(cli(), 'agi-subsidy');
    await saveProjects(cli(), [{ key: 'agi-subsidy', project: { ...project, summary: '訂正後の事業概要' }, ifMatch: version }], { channel: 'api' });
    const second = await publishCycle(cli(), 2021, { note: 'R4.11.2 修正：目的の誤記' });
    expect(second).toMatchObject({ version: 2, note: 'R4.11.2 修正：目的の誤記' });
    expect(second.sha256).not.toBe(first.publication.sha256);
    const again = await publishedVersion(cli(), 2021, 1);
    expect(again.text).toBe(first.text);
    expect(sha256(again.text)).toBe(first.publication.sha256);
    expect((await publishedVersion(cli(), 2021)).publication.version).toBe(2);
    const db = store.handles.db;
    await expect(db.updateTable('publications').set({ note: 'x' }).execute()).rejects.toThrow(/immutable/);
    await expect(db.deleteFrom('publications').execute()).rejects.toThrow(/immutable/);
    if (store.dialect === 'postgres') await expect(sql`truncate publications`.execute(db)).rejects.toThrow(/immutable/);
    expect(await listPublications(cli(), 2021)).toHaveLength(2);
  });

  it('publishes a cycle whose entries were approved through the stages', async () => {
    await importDocument(cli(), demo());
    await openCycle(cli(), 2021);
    await setScopes(cli(), 2021, { scope: 'skip' });
    await setScopes(cli(), 2021, { scope: 'full', keys: ['agi-subsidy'] });
    for (const to of ['submitted', 'reviewed', 'approved']) await transition(cli(), 2021, 'agi-subsidy', { to });
    expect(await publishCycle(testContext(store, testUser('a', 'admin')), 2021, { note: '公表' })).toMatchObject({ fiscalYear: 2021, version: 1, by: 'a' });
    expect((await store.cycles.byYear(1, 2021))?.state).toBe('open');
  });
});
