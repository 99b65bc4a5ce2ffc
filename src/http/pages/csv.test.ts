// Every page's ?format=csv as a spreadsheet reads it: any line break outside quotes ends a
// record (Excel and LibreOffice do so), quotes are strict and every record has the header's
// width. A cell holding a line break (No. 1's improvement text) must stay one cell.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Sheet } from '../../interchange/sheet-rows.js';
import { useDemoApp } from '../../../test/demo-app.js';
import { publishYears } from '../../../test/publish.js';
import { changesCsv } from './changes.js';
import { sdgsCsv } from './sdgs.js';
import { dashboardCsv } from '../../services/views/dashboard-csv.js';
import type { ChangesView } from '../../services/views/changes.js';
import type { DashboardView } from '../../services/views/dashboard.js';
import type { ProjectView } from '../../services/views/project.js';
import { projectCsv } from '../../services/views/project-csv.js';
import type { SdgsView } from '../../services/views/sdgs.js';

// Cycle 2022 published too (from the demo as it stands), so that /changes compares R3 and R4.
const { app } = useDemoApp({ seed: (store) => publishYears(store, { years: [2022] }) });

/** The records of a page's CSV, read strictly; the header first. */
async function records(url: string): Promise<string[][]> {
  const response = await app().inject(`${url}${url.includes('?') ? '&' : '?'}format=csv`);
  expect(response.statusCode).toBe(200);
  expect(response.body.startsWith('\uFEFF')).toBe(true);
  return parse(response.body.slice(1), { relax_quotes: false, relax_column_count: false, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
}

const json = async <T>(url: string) => (await app().inject(`${url}${url.includes('?') ? '&' : '?'}format=json`)).json() as T;

describe('every page’s CSV reads as one record per row it shows', () => {
  it('/sheet: one record per indicator of each row, No. 1’s two-paragraph improvement in one cell', async () => {
    const [header, ...lines] = await records('/sheet?fiscalYear=2021');
    const sheet = await json<Sheet>('/sheet?fiscalYear=2021');
    expect(lines).toHaveLength(sheet.rows.reduce((sum, row) => sum + Math.max(1, row.indicators.length), 0));
    const improvement = header!.indexOf('R5年度に向けて強化・見直した内容');
    const one = lines.find((line) => line[2] === '1')!;
    expect(one[improvement]).toBe(sheet.rows[0]!.improvement);
    expect(one[improvement]).toContain('\n');
  });

  it('a project page, with its multi-line texts', async () => {
    const [, ...lines] = await records('/projects/kitakyushu-univ');
    const view = await json<ProjectView>('/projects/kitakyushu-univ');
    expect(lines).toEqual(projectCsv(view).rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))));
    expect(lines.some((line) => line.some((cell) => cell.includes('\n')))).toBe(true);
  });

  it('/search?q=', async () => {
    const [, ...lines] = await records(`/search?q=${encodeURIComponent('支援')}`);
    const found = await json<{ hits: { matches: unknown[] }[] }>(`/search?q=${encodeURIComponent('支援')}`);
    expect(lines).toHaveLength(found.hits.reduce((sum, hit) => sum + hit.matches.length, 0));
    expect(lines.length).toBeGreaterThan(0);
  });

  it('/changes', async () => {
    const [, ...lines] = await records('/changes?from=2021&to=2022');
    expect(lines).toHaveLength(changesCsv(await json<ChangesView>('/changes?from=2021&to=2022')).rows.length);
    expect(lines.some((line) => line.some((cell) => cell.includes('\n')))).toBe(true);
  });

  it('/, /sdgs and the policies', async () => {
    expect((await records('/')).length - 1).toBe(dashboardCsv(await json<DashboardView>('/')).rows.length);
    expect((await records('/sdgs')).length - 1).toBe(sdgsCsv(await json<SdgsView>('/sdgs')).rows.length);
    expect((await records('/policies')).length).toBeGreaterThan(1);
    expect((await records(`/policies/${encodeURIComponent('I-2-(1)-④')}`)).length).toBeGreaterThan(1);
  });
});
