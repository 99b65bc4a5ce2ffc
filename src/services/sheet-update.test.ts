// The round trip of a division's own PDCA sheet, through the services and the store
// on both dialects: export, type two inputs and change one computed cell; the preview lists
// the two changes and refuses the computed cell by its address; without it the workbook
// imports (`update`, written as a merge within the division's rights, into the change log),
// and a new export equals the first but for the two values.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKeysSheet, readKeys } from '../interchange/xlsx/sheet-keys.js';
import type { Store } from '../store/index.js';
import { testStores } from '../store/test-stores.js';
import { CLI, createContext, type UserActor } from './context.js';
import { loadDemoIfEmpty } from './demo.js';
import { ServiceError } from './errors.js';
import { exportFile, importFile } from './files.js';
import { SheetUpdateError } from './sheet-update.js';
import { userActor } from './user-actor.js';
import { addUser } from './users.js';

const DIVISION = { division: '国際政策課' };
const UPDATE = { format: 'xlsx', mode: 'update' } as const;

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const save = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

/** Every cell of the visible sheets that holds a value (merged ranges by their first cell). */
function cellsOf(workbook: ExcelJS.Workbook): Map<string, string> {
  const cells = new Map<string, string>();
  for (const ws of workbook.worksheets.filter((sheet) => sheet.state === 'visible')) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (!cell.isMerged || cell.master.address === cell.address) cells.set(`${ws.name}!${cell.address}`, JSON.stringify(cell.value));
      }),
    );
  }
  return cells;
}

/** The first line of a project's row, from the workbook's keys. */
function firstLine(workbook: ExcelJS.Workbook, project: string): number {
  return readKeys(findKeysSheet(workbook)!, [])!.rows.find((key) => key.project === project)!.first;
}

describe.each(testStores())('a division’s PDCA sheet round trip ($name)', (factory) => {
  let store: Store;
  let actor: UserActor;
  /** A request's context: its organization (and revision) is resolved once, so each step takes a new one. */
  const division = () => createContext(store, actor);

  beforeAll(async () => {
    store = await factory.open();
    const cli = createContext(store, CLI);
    await loadDemoIfEmpty(cli);
    const { id } = await cli.organization();
    await addUser(cli, { login: 'kokusai', role: 'division', bureau: '企画調整局', division: '国際政策課' });
    actor = userActor((await store.users.byLogin(id, 'kokusai'))!);
  });
  afterAll(() => store.close());

  it('previews two typed cells, refuses the changed 達成率 by its address, then imports the two alone', async () => {
    const exported = await exportFile(division(), { format: 'xlsx', filter: DIVISION });
    const first = await load(exported.bytes);
    const top = firstLine(first, 'asean-cities');
    const ws = first.getWorksheet('PDCAシート')!;
    expect(ws.getCell(`S${top}`).value).toBe('遅れ');
    ws.getCell(`S${top}`).value = '順調';
    ws.getCell(`T${top}`).value = '対面での交流事業を再開する。';
    const rate = ws.getCell(`J${top + 2}`).value;
    ws.getCell(`J${top + 2}`).value = '100.0%';

    const refusal = await importFile(division(), await save(first), { ...UPDATE, dryRun: true, listChanges: 100 }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SheetUpdateError);
    const refused = refusal as SheetUpdateError;
    expect(refused.problems.map((problem) => problem.path)).toEqual([`PDCAシート!J${top + 2}`]);
    expect(refused.problems[0]!.message).toContain('自動で計算する値');
    expect(refused.changes.map(({ place, path, before, after }) => ({ place, path, before, after }))).toEqual([
      { place: `PDCAシート!S${top}`, path: 'projects/asean-cities/evaluations/2021/grade', before: '遅れ', after: '順調' },
      { place: `PDCAシート!T${top}`, path: 'projects/asean-cities/evaluations/2021/improvement', before: expect.stringContaining('姉妹都市'), after: '対面での交流事業を再開する。' },
    ]);

    ws.getCell(`J${top + 2}`).value = rate;
    const { report: preview } = await importFile(division(), await save(first), { ...UPDATE, dryRun: true, listChanges: 100 });
    expect(preview.changes!.changes.map(({ place, path, after }) => ({ place, path, after }))).toEqual([
      { place: `PDCAシート!S${top}`, path: 'projects/asean-cities/evaluations/2021/grade', after: '順調' },
      { place: `PDCAシート!T${top}`, path: 'projects/asean-cities/evaluations/2021/improvement', after: '対面での交流事業を再開する。' },
    ]);

    await importFile(division(), await save(first), UPDATE);
    const again = cellsOf(await load((await exportFile(division(), { format: 'xlsx', filter: DIVISION })).bytes));
    const before = cellsOf(await load(exported.bytes));
    const differing = [...new Set([...before.keys(), ...again.keys()])].filter((address) => before.get(address) !== again.get(address));
    expect(differing).toEqual([`PDCAシート!S${top}`, `PDCAシート!T${top}`]);
    const logged = await store.changeLog.forProject((await division().organization()).id, 'asean-cities', { limit: 10 });
    expect(logged.map((entry) => [entry.actor, entry.channel, entry.path]).sort()).toEqual([
      ['cli', 'cycle', 'projects/asean-cities/cycles/2021/stage'],
      ['kokusai', 'import', 'projects/asean-cities/evaluations/2021/grade'],
      ['kokusai', 'import', 'projects/asean-cities/evaluations/2021/improvement'],
    ]);

    // Read back unedited, the new export changes nothing.
    const unchanged = await importFile(division(), Buffer.from((await exportFile(division(), { format: 'xlsx', filter: DIVISION })).bytes), { ...UPDATE, dryRun: true, listChanges: 100 });
    expect(unchanged.report.changes!.total).toBe(0);
    expect(unchanged.report.organization.status).toBe('unchanged');
  });

  it('refuses, with the path, a division’s sheet that changes another division’s project', async () => {
    const whole = await load((await exportFile(createContext(store, CLI), { format: 'xlsx' })).bytes);
    const top = firstLine(whole, projectOf(whole, '企画課'));
    whole.worksheets[0]!.getCell(`N${top}`).value = '拡大';
    const error = await importFile(division(), await save(whole), UPDATE).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).kind).toBe('forbidden');
    expect((error as ServiceError).problems.map((problem) => problem.path)).toEqual([expect.stringMatching(/^projects\/[^/]+\/evaluations\/2021\/course$/)]);
  });
});

/** A project of `division` on the workbook's first sheet (its division in column E). */
function projectOf(workbook: ExcelJS.Workbook, division: string): string {
  const ws = workbook.worksheets[0]!;
  return readKeys(findKeysSheet(workbook)!, [])!.rows.find((row) => row.sheet === ws.name && ws.getCell(`E${row.first}`).value === division)!.project;
}
