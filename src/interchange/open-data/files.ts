// Open data for one fiscal year, in the conventions of Japanese municipal open data (the
// Digital Agency's 自治体標準オープンデータセット): UTF-8 CSV with one header row of
// Japanese names, 全国地方公共団体コード and 地方公共団体名 first, one value per cell (no
// merged cells), years as numbers and dates as ISO 8601; the same rows as JSON; a README
// and columns.json that describe every column. The edition of fiscal year Y is the sheet of
// Y: the projects with their evaluation of Y, the indicator periods of Y, Y + 1 and Y + 2,
// and the budgets of Y + 1 and Y + 2. Pure: the files come back in memory.
import type { HyokaDocument } from '../../domain/model.js';
import { compute } from '../compute.js';
import { BUDGET_COLUMNS, type Column, PERIOD_COLUMNS, type Row } from '../csv/columns.js';
import { tableBytes } from '../csv/table.js';
import { budgetRows, periodRows } from '../csv/write.js';
import { PROJECT_COLUMNS } from './columns.js';
import { projectRows } from './projects.js';
import { readme } from './readme.js';

export interface OpenDataFile {
  /** Relative, with `/` separators. */
  path: string;
  bytes: Uint8Array;
}

export interface OpenDataOptions {
  /** The date the data is published, ISO 8601 (default: today in Japan). */
  date?: string;
}

export interface Dataset {
  name: 'projects' | 'indicator_periods' | 'budgets';
  title: { ja: string; en: string };
  fiscalYears: number[];
  columns: readonly Column[];
  rows: Row[];
  csv: string;
  json: string;
}

export function openDataFiles(doc: HyokaDocument, fiscalYear: number, options: OpenDataOptions = {}): OpenDataFile[] {
  const computed = compute(doc);
  const prefix = /^[A-Za-z0-9-]+$/u.test(doc.organization.code ?? '') ? doc.organization.code! : 'hyoka';
  const dataset = (name: Dataset['name'], title: Dataset['title'], fiscalYears: number[], columns: readonly Column[], rows: Row[]): Dataset => {
    const base = `${prefix}_${name}_${fiscalYear}`;
    return { name, title, fiscalYears, columns, rows, csv: `${base}.csv`, json: `${base}.json` };
  };
  const periodYears = [fiscalYear, fiscalYear + 1, fiscalYear + 2];
  const budgetYears = [fiscalYear + 1, fiscalYear + 2];
  const datasets = [
    dataset('projects', { ja: '事業一覧', en: 'projects' }, [fiscalYear], PROJECT_COLUMNS, projectRows(computed, fiscalYear)),
    dataset('indicator_periods', { ja: '成果指標の目標・実績', en: 'indicator targets and actuals' }, periodYears, PERIOD_COLUMNS, periodRows(computed, { computed: true, fiscalYears: periodYears })),
    dataset('budgets', { ja: '予算額・人件費', en: 'budgets and personnel costs' }, budgetYears, BUDGET_COLUMNS, budgetRows(computed, { computed: true, fiscalYears: budgetYears })),
  ];
  const date = options.date ?? todayInJapan();
  const files: OpenDataFile[] = [];
  const text = (path: string, content: string) => files.push({ path, bytes: new TextEncoder().encode(content) });
  text('README.md', readme(doc, fiscalYear, date, datasets));
  text('columns.json', `${JSON.stringify(description(doc, fiscalYear, date, datasets), null, 2)}\n`);
  for (const set of datasets) {
    const csv = tableBytes(set.columns, set.rows);
    if (!csv.ok) throw new Error('UTF-8 holds every character'); // only CP932 can refuse a cell
    files.push({ path: set.csv, bytes: csv.bytes });
    text(set.json, `${JSON.stringify(set.rows, null, 2)}\n`);
  }
  return files;
}

function todayInJapan(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
}

/** columns.json: every dataset and every column, with Japanese and English descriptions. */
function description(doc: HyokaDocument, fiscalYear: number, date: string, datasets: readonly Dataset[]) {
  return {
    format: 'hyoka-open-data/1',
    organization: { name: doc.organization.name, ...(doc.organization.code !== undefined && { code: doc.organization.code }) },
    fiscalYear,
    published: date,
    encoding: 'UTF-8 (BOM), CRLF',
    datasets: datasets.map((set) => ({
      name: set.name,
      title: set.title,
      fiscalYears: set.fiscalYears,
      files: { csv: set.csv, json: set.json },
      rows: set.rows.length,
      columns: set.columns.map((column) => ({
        name: column.name,
        header: column.header,
        type: column.type,
        ...(column.unit !== undefined && { unit: column.unit }),
        ...(column.values !== undefined && { values: column.values.map(([ja, en]) => ({ ja, en })) }),
        description: { ja: column.ja, en: column.en },
      })),
    })),
  };
}
