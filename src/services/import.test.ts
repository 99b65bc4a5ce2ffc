import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HyokaDocument, Project } from '../domain/model.js';
import { generateDocument } from '../interchange/generate.js';
import { tableCounts, testStores } from '../store/test-stores.js';
import type { Store } from '../store/index.js';
import { countRows, flattenDocument } from '../store/raw-baseline.js';
import { RECORD_KINDS } from '../store/steps.js';
import { buildDocument, buildProject, buildRichDocument } from '../../test/factories.js';
import { importDocument, type ImportReport, type RecordCounts } from './import.js';
import { exportDocument } from './export.js';
import { ServiceError } from './errors.js';
import { testContext } from './test-context.js';
import { CLI } from './context.js';

type Counts = ImportReport['counts'];
const none: RecordCounts = { added: 0, updated: 0, removed: 0, unchanged: 0 };

/** Counts for every kind: `fill` for each, with the exceptions given. */
function counts(fill: Partial<RecordCounts>, exceptions: Partial<Record<keyof Counts, Partial<RecordCounts>>> = {}): Counts {
  return Object.fromEntries(RECORD_KINDS.map((kind) => [kind, { ...none, ...fill, ...exceptions[kind] }])) as Counts;
}

/** Rows per table that a document makes, as the raw baseline flattens it. */
function expectedTableCounts(...docs: HyokaDocument[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const doc of docs) for (const t of flattenDocument(doc)) total[t.table] = (total[t.table] ?? 0) + t.rows.length;
  return total;
}

/** Records of each kind in a document (as a first import adds them). */
function recordsOf(doc: HyokaDocument): Record<keyof Counts, number> {
  const byTable = expectedTableCounts(doc);
  return {
    policies: byTable.policies!,
    projects: byTable.projects!,
    placements: byTable.placements!,
    indicators: byTable.indicators!,
    periods: byTable.periods!,
    budgets: byTable.budgets!,
    personnelCosts: byTable.personnel_costs!,
    evaluations: byTable.evaluations!,
    policyEvaluations: byTable.policy_evaluations!,
  };
}

/**
 * The rich document changed in every way an import must notice (see the expected counts
 * in the test below, derived step by step).
 */
function changedRichDocument(): HyokaDocument {
  const doc = buildRichDocument();
  const [a, b] = doc.policies;
  a!.title = '体制の構築（改）'; // policies: 1 updated
  doc.policies = [a!, b!]; // IV-4-(2)-① removed with the row placed under it
  const tabunka = doc.projects[0]!;
  // Indicator soudan removed with its 5 periods; rank, span and spanned move up one place.
  tabunka.indicators = tabunka.indicators!.filter((i) => i.key !== 'soudan');
  tabunka.indicators[0]!.periods![1]!.actual = 60.2; // periods: 1 updated
  tabunka.budgets!.push({ fiscalYear: 2024, amount: 45000 }); // budgets: 1 added
  // Rows II-3-(3)-② No.7 (with its own personnel cost and evaluation) and No.29 removed.
  tabunka.placements = [tabunka.placements[0]!];
  doc.projects = [
    tabunka,
    doc.projects[1]!, // sdgs-empty unchanged; bare removed with its row
    buildProject({
      key: 'new',
      placements: [{ policy: 'II-3-(3)-①', no: 9 }],
      budgets: [{ fiscalYear: 2023, amount: 100 }],
    }),
  ];
  doc.policyEvaluations = [
    { ...doc.policyEvaluations![0]!, grade: 'やや遅れ' }, // updated
    doc.policyEvaluations![1]!, // unchanged; the third removed
  ];
  return doc;
}

describe.each(testStores())('importDocument on $name', (factory) => {
  let store: Store;
  beforeEach(async () => {
    store = await factory.open();
  });
  afterEach(async () => {
    await store.close();
  });

  it('imports into an empty database and reports every record added', async () => {
    const doc = buildRichDocument();
    const report = await importDocument(testContext(store), doc);
    expect(report.organization).toMatchObject({ name: '北九州市', code: '401005', status: 'added' });
    expect(report.dryRun).toBe(false);
    const records = recordsOf(doc);
    for (const kind of RECORD_KINDS) expect(report.counts[kind], kind).toEqual({ ...none, added: records[kind] });
    expect(await tableCounts(store)).toEqual(expectedTableCounts(doc));
  });

  it('changes nothing when the same document comes again', async () => {
    const doc = buildRichDocument();
    const first = await importDocument(testContext(store), doc);
    const before = await tableCounts(store);
    const again = await importDocument(testContext(store), buildRichDocument());
    expect(again.organization).toEqual({ ...first.organization, status: 'unchanged' });
    const records = recordsOf(doc);
    for (const kind of RECORD_KINDS) expect(again.counts[kind], kind).toEqual({ ...none, unchanged: records[kind] });
    expect(await tableCounts(store)).toEqual(before);
  });

  it('updates a changed document in place, removing what it no longer holds with everything below', async () => {
    await importDocument(testContext(store), buildRichDocument());
    const changed = changedRichDocument();
    const report = await importDocument(testContext(store), changed);
    expect(report.organization.status).toBe('unchanged');
    expect(report.counts).toEqual(
      counts(
        {},
        {
          policies: { updated: 1, removed: 1, unchanged: 1 },
          projects: { added: 1, removed: 1, unchanged: 2 },
          // removed: No.29, No.7 and bare's No.8; kept: No.5 and No.6
          placements: { added: 1, removed: 3, unchanged: 2 },
          // soudan removed; rank, span, spanned moved up (position updated)
          indicators: { added: 1, updated: 3, removed: 1, unchanged: 2 },
          // soudan's 5 removed; the new project's 2 added; one actual changed
          periods: { added: 2, updated: 1, removed: 5, unchanged: 6 },
          budgets: { added: 2, unchanged: 2 },
          // No.7's own personnel cost and evaluation went with the row
          personnelCosts: { removed: 1, unchanged: 1 },
          evaluations: { added: 1, removed: 1, unchanged: 2 },
          policyEvaluations: { updated: 1, removed: 1, unchanged: 1 },
        },
      ),
    );
    expect(await tableCounts(store)).toEqual(expectedTableCounts(changed));
    expect(await exportDocument(testContext(store))).toStrictEqual(changed);
  });

  it('keeps the primary keys of updated records (no delete and re-insert)', async () => {
    const indicatorsOfTabunka = () =>
      store.handles.db
        .selectFrom('indicators as i')
        .innerJoin('projects as p', 'p.id', 'i.project_id')
        .select(['i.id', 'i.key'])
        .where('p.key', '=', 'tabunka')
        .orderBy('i.key')
        .execute();
    await importDocument(testContext(store), buildRichDocument());
    const before = await indicatorsOfTabunka();
    await importDocument(testContext(store), changedRichDocument());
    expect(await indicatorsOfTabunka()).toEqual(before.filter((row) => row.key !== 'soudan'));
  });

  it('keeps two organizations apart, even with the same project keys', async () => {
    const kitakyushu = buildRichDocument();
    const other = buildDocument({ organization: { name: '下関市', code: '352012' }, projects: [buildProject({ name: '別の事業' })] });
    await importDocument(testContext(store), kitakyushu);
    const report = await importDocument(testContext(store), other);
    expect(report.organization.status).toBe('added');
    expect(report.counts.projects).toEqual({ ...none, added: 1 });

    await importDocument(testContext(store), changedRichDocument());
    expect(await exportDocument(testContext(store, CLI, '352012'))).toStrictEqual(other);
    expect(await exportDocument(testContext(store, CLI, '北九州市'))).toStrictEqual(changedRichDocument());
    expect(await tableCounts(store)).toEqual(expectedTableCounts(changedRichDocument(), other));
  });

  it('identifies the organization by code, else by exact name', async () => {
    const unnumbered = buildDocument({ organization: { name: '門司区' } });
    expect((await importDocument(testContext(store), unnumbered)).organization.status).toBe('added');
    expect((await importDocument(testContext(store), unnumbered)).organization.status).toBe('unchanged');
    // The same name with a code: the organization gets its code.
    const numbered = buildDocument({ organization: { name: '門司区', code: '401013' } });
    expect((await importDocument(testContext(store), numbered)).organization.status).toBe('updated');
    // Renamed under the same code: still the same organization.
    const renamed = buildDocument({ organization: { name: '北九州市門司区', code: '401013' } });
    const report = await importDocument(testContext(store), renamed);
    expect(report.organization.status).toBe('updated');
    expect(report.counts.projects).toEqual({ ...none, unchanged: 1 });
    expect((await tableCounts(store)).organizations).toBe(1);
  });

  it('writes nothing on a dry run, and reports what the import would do', async () => {
    const dryFirst = await importDocument(testContext(store), buildRichDocument(), { dryRun: true });
    expect(dryFirst.dryRun).toBe(true);
    expect(dryFirst.organization).toMatchObject({ id: null, status: 'added' });
    expect(Object.values(await tableCounts(store)).every((n) => n === 0)).toBe(true);

    const real = await importDocument(testContext(store), buildRichDocument());
    expect(dryFirst.counts).toEqual(real.counts);

    const before = await tableCounts(store);
    const dry = await importDocument(testContext(store), changedRichDocument(), { dryRun: true });
    expect(await tableCounts(store)).toEqual(before);
    expect(await exportDocument(testContext(store))).toStrictEqual(buildRichDocument());
    const applied = await importDocument(testContext(store), changedRichDocument());
    expect(dry).toEqual({ ...applied, dryRun: true });
  });

  it('writes all or nothing: a failure in the last project leaves the database as it was', async () => {
    const original = generateDocument({ projects: 40, seed: 3 });
    await importDocument(testContext(store), original);
    const before = await tableCounts(store);

    // Unvalidated input: every other record is written before the last period fails.
    const broken = generateDocument({ projects: 60, seed: 4 });
    broken.organization = original.organization;
    const last = broken.projects.at(-1) as Project;
    const lastPeriod = last.indicators!.at(-1)!.periods!.at(-1)!;
    (lastPeriod as { fiscalYear: unknown }).fiscalYear = null;
    await expect(importDocument(testContext(store), broken)).rejects.toThrow();

    expect(await tableCounts(store)).toEqual(before);
    expect(await exportDocument(testContext(store))).toStrictEqual(original);
  });

  it('writes nothing for a new organization whose import fails', async () => {
    const broken = buildRichDocument();
    (broken.projects.at(-1) as { division: unknown }).division = null;
    await expect(importDocument(testContext(store), broken)).rejects.toThrow();
    expect(Object.values(await tableCounts(store)).every((n) => n === 0)).toBe(true);
  });

  it('refuses duplicate keys and unknown policies as an invalid document', async () => {
    await importDocument(testContext(store), buildRichDocument());
    const duplicate = buildRichDocument();
    duplicate.projects[0]!.budgets!.push({ fiscalYear: 2022, amount: 1 });
    await expect(importDocument(testContext(store), duplicate)).rejects.toMatchObject({ kind: 'invalid' });
    const unknownPolicy = buildRichDocument();
    unknownPolicy.projects[2]!.placements[0]!.policy = 'IX-9-(9)-⑨';
    const error = await importDocument(testContext(store), unknownPolicy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).problems[0]?.message).toMatch(/IX-9-\(9\)-⑨/);
    expect(await exportDocument(testContext(store))).toStrictEqual(buildRichDocument());
  });

  it('serializes concurrent imports of one organization', async () => {
    const one = generateDocument({ projects: 30, seed: 5 });
    const two = generateDocument({ projects: 45, seed: 6 });
    const three = generateDocument({ projects: 20, seed: 7 });
    two.organization = one.organization;
    three.organization = one.organization;
    // First racing to create the organization, then to replace data both read as `three`'s:
    // unserialized, each would apply its difference from `three` over the other's.
    for (const start of [undefined, three]) {
      if (start) await importDocument(testContext(store), start, { allowRemovals: true });
      // Unrelated documents replace one another whole: removals allowed.
      const reports = await Promise.all([importDocument(testContext(store), one, { allowRemovals: true }), importDocument(testContext(store), two, { allowRemovals: true })]);
      expect(reports[1]!.organization.id).toBe(reports[0]!.organization.id);
      const stored = await exportDocument(testContext(store));
      const winner = stored.projects.length === one.projects.length ? one : two;
      expect(stored).toStrictEqual(winner);
      expect(await tableCounts(store)).toEqual(expectedTableCounts(winner));
    }
  });

  it('flattens a document into as many rows as the import writes', async () => {
    const doc = generateDocument({ projects: 25, seed: 9 });
    await importDocument(testContext(store), doc);
    const written = Object.values(await tableCounts(store)).reduce((a, b) => a + b, 0);
    expect(written).toBe(countRows(flattenDocument(doc)));
  });
});
