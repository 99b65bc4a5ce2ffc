import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { unzipEntries } from '../xlsx/test-support.js';
import { describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../../domain/model.js';
import { BUDGET_COLUMNS, PERIOD_COLUMNS } from '../csv/columns.js';
import { PROJECT_COLUMNS } from './columns.js';
import { type OpenDataFile, openDataFiles } from './files.js';
import { saveOpenData } from './save.js';
import { zipFiles } from './zip.js';

const demo: HyokaDocument = JSON.parse(readFileSync(new URL('../../../data/kitakyushu.hyoka.json', import.meta.url), 'utf8'));
const files = openDataFiles(demo, 2021, { date: '2026-04-01' });
const byPath = new Map(files.map((file) => [file.path, file.bytes]));
const text = (path: string) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(byPath.get(path)!);
const csvRows = (path: string) => parse(text(path).replace(/^\uFEFF/u, ''), { columns: true }) as Record<string, string>[];

describe('openDataFiles', () => {
  it('gives a README, a column description and each dataset as CSV and JSON', () => {
    expect(files.map((file) => file.path)).toEqual([
      'README.md',
      'columns.json',
      '401005_projects_2021.csv',
      '401005_projects_2021.json',
      '401005_indicator_periods_2021.csv',
      '401005_indicator_periods_2021.json',
      '401005_budgets_2021.csv',
      '401005_budgets_2021.json',
    ]);
  });

  it('writes UTF-8 CSV with a BOM, one header row, the organization code and name first', () => {
    for (const [path, columns] of [
      ['401005_projects_2021.csv', PROJECT_COLUMNS],
      ['401005_indicator_periods_2021.csv', PERIOD_COLUMNS],
      ['401005_budgets_2021.csv', BUDGET_COLUMNS],
    ] as const) {
      expect([...byPath.get(path)!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const header = text(path).slice(1).split('\r\n')[0]!.split(',');
      expect(header).toEqual(columns.map((column) => column.header));
      expect(header.slice(0, 2)).toEqual(['全国地方公共団体コード', '地方公共団体名']);
    }
  });

  it('holds the sheet of R3年度: 21 projects, periods of R3–R5, budgets of R4 and R5', () => {
    const projects = csvRows('401005_projects_2021.csv');
    expect(projects).toHaveLength(21);
    expect(new Set(csvRows('401005_indicator_periods_2021.csv').map((r) => r['年度']))).toEqual(new Set(['2021', '2022', '2023']));
    expect(csvRows('401005_budgets_2021.csv')).toHaveLength(42);
    const tabunka = projects.find((r) => r['事業キー'] === 'tabunka')!;
    expect(tabunka).toMatchObject({ 予算年度: '2023', '予算額(千円)': '43921', '前年度予算額(千円)': '42803', 事業費の増減: '維持', '人件費(目安)(千円)': '3075', 'No.': '5;7;9;29' });
    // No. 32 and 34 are one project graded per row, with their own personnel costs (13,300 + 3,075).
    const regional = projects.find((r) => r['事業キー'] === 'regional-administration')!;
    expect(regional['事業評価']).toBe('');
    expect(regional['行ごとの評価']).toBe('No.32: 順調、継続 / No.34: 大変順調、継続');
    expect(regional['人件費(目安)(千円)']).toBe('16375');
  });

  it('gives the same rows in JSON, keyed by the English names, numbers as numbers', () => {
    for (const name of ['projects', 'indicator_periods', 'budgets']) {
      const json = JSON.parse(text(`401005_${name}_2021.json`)) as Record<string, unknown>[];
      expect(json).toHaveLength(csvRows(`401005_${name}_2021.csv`).length);
    }
    const periods = JSON.parse(text('401005_indicator_periods_2021.json')) as Record<string, unknown>[];
    expect(periods[0]).toMatchObject({ organizationCode: '401005', fiscalYear: 2021 });
    expect(periods.some((row) => typeof row.achievementRate === 'number')).toBe(true);
  });

  it('describes every column of every file in columns.json and the README', () => {
    const description = JSON.parse(text('columns.json'));
    expect(description).toMatchObject({ organization: { name: '北九州市', code: '401005' }, fiscalYear: 2021, published: '2026-04-01' });
    const readme = text('README.md');
    for (const dataset of description.datasets) {
      const header = text(dataset.files.csv).slice(1).split('\r\n')[0]!.split(',');
      expect(dataset.columns.map((c: { header: string }) => c.header)).toEqual(header);
      for (const column of dataset.columns) {
        expect(column.description.ja.length).toBeGreaterThan(0);
        expect(column.description.en.length).toBeGreaterThan(0);
        expect(readme).toContain(`| ${column.header} | ${column.name} |`);
      }
    }
    expect(readme).toContain('北九州市 行政評価 (PDCAシート) 令和3年度 オープンデータ');
  });
});

async function unzip(bytes: Uint8Array): Promise<OpenDataFile[]> {
  return (await unzipEntries(bytes)).map(({ name, data }) => ({ path: name, bytes: new Uint8Array(data) }));
}

describe('zipFiles and saveOpenData', () => {
  it('zips the files so that a zip reader gives them back byte for byte, the same bytes each time', async () => {
    const zip = zipFiles(files, '2026-04-01');
    expect(zipFiles(files, '2026-04-01')).toEqual(zip);
    expect(await unzip(zip)).toEqual(files);
    expect(zip.length).toBeLessThan(files.reduce((n, f) => n + f.bytes.length, 0));
  });

  it('keeps Japanese file names', async () => {
    const named = [{ path: 'データ/事業一覧.csv', bytes: new TextEncoder().encode('a,b\r\n') }];
    expect((await unzip(zipFiles(named)))[0]!.path).toBe('データ/事業一覧.csv');
  });

  it('writes the files to a directory, and refuses a path outside it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hyoka-open-data-'));
    try {
      await saveOpenData(dir, files);
      expect(new Uint8Array(await readFile(join(dir, 'README.md')))).toEqual(byPath.get('README.md'));
      await expect(saveOpenData(dir, [{ path: '../escape.txt', bytes: new Uint8Array() }])).rejects.toThrow(RangeError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
