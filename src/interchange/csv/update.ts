// The document a CSV file updates. Given a base (the organization's current document) it
// is a copy of it, and a row naming a project or indicator the base lacks is a problem.
// Without one it is a fragment: the projects the rows name, with the names, bureau,
// division and indicators the label columns give, no policies and no rows (placements) —
// enough to inspect, not to import on its own.
import type { HyokaDocument, Indicator, Project } from '../../domain/model.js';
import { BETTER, englishOf } from './columns.js';
import type { RowReader } from './cells.js';
import { both, placeText } from './problems.js';

export interface CsvChanges {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}

export class DocumentUpdate {
  readonly document: HyokaDocument;
  readonly changes: CsvChanges = { added: 0, updated: 0, removed: 0, unchanged: 0 };
  /** Keys of the projects the rows name, in the order first named. */
  readonly named = new Set<string>();
  /** The line each record a row states was read from, by change path (places.ts). */
  readonly places = new Map<string, string>();
  private readonly projects = new Map<string, Project>();
  private readonly labelLines = new Map<string, number>();
  private organizationChecked = false;

  constructor(readonly base: HyokaDocument | undefined) {
    this.document = base ? structuredClone(base) : { format: 'hyoka/1', organization: { name: '' }, policies: [], projects: [] };
    for (const project of this.document.projects) this.projects.set(project.key, project);
  }

  /** With a base, the row's 全国地方公共団体コード must be the base's: a file of another city is refused. */
  checkOrganization(row: RowReader): void {
    const codeCell = row.record.cell('organizationCode');
    const nameCell = row.record.cell('organizationName');
    const code = codeCell?.text.trim() ?? '';
    const name = nameCell?.text.trim() ?? '';
    if (!this.base) {
      if (this.organizationChecked) return;
      this.organizationChecked = true;
      if (name !== '') this.document.organization.name = name;
      if (code !== '') this.document.organization.code = code;
      return;
    }
    const expected = this.base.organization.code;
    if (code === '' || expected === undefined || code.padStart(6, '0') === expected.trim().padStart(6, '0')) return;
    row.problem(codeCell, both(`この行は団体コード ${code} のものですが、取り込み先は ${this.base.organization.name} (${expected}) です。正しい団体のファイルか確かめてください`, `this row belongs to organization ${code}, but the import goes to ${this.base.organization.name} (${expected}); check that the file is the right one`));
  }

  project(row: RowReader, key: string): Project | undefined {
    const known = this.projects.get(key);
    if (this.base) {
      if (!known) return row.problem(row.record.cell('projectKey'), both(`事業キー「${key}」の事業は登録されていません。キーを確かめるか、先に事業を登録してください`, `no project has the key 「${key}」; check the key or add the project first`));
      this.named.add(key);
      return known;
    }
    const labels = { name: this.label(row, 'projectName'), bureau: this.label(row, 'bureau'), division: this.label(row, 'division') };
    if (!known) {
      const project: Project = { key, name: labels.name ?? '', division: labels.division ?? '', placements: [] };
      if (labels.bureau !== undefined && labels.bureau !== '') project.bureau = labels.bureau;
      this.projects.set(key, project);
      this.document.projects.push(project);
      this.labelLines.set(`p ${key}`, row.record.line);
      return project;
    }
    this.agree(row, `p ${key}`, 'projectName', known.name);
    this.agree(row, `p ${key}`, 'bureau', known.bureau ?? '');
    this.agree(row, `p ${key}`, 'division', known.division);
    return known;
  }

  indicator(row: RowReader, project: Project, key: string): Indicator | undefined {
    const known = project.indicators?.find((indicator) => indicator.key === key);
    if (this.base) {
      if (!known) return row.problem(row.record.cell('indicatorKey'), both(`事業「${project.key}」に指標キー「${key}」の指標はありません。キーを確かめるか、先に指標を登録してください`, `project 「${project.key}」 has no indicator 「${key}」; check the key or add the indicator first`));
      return known;
    }
    const id = `i ${project.key} ${key}`;
    if (known) {
      this.agree(row, id, 'indicatorName', known.name);
      this.agree(row, id, 'unit', known.unit);
      return known;
    }
    const indicator: Indicator = { key, name: this.label(row, 'indicatorName') ?? '', unit: this.label(row, 'unit') ?? '' };
    const better = this.label(row, 'better');
    if (better) {
      const word = englishOf(BETTER, better);
      if (word) indicator.better = word as 'higher' | 'lower';
      else row.problem(row.record.cell('better'), both(`良い方向「${better}」は使えません。「高いほど良い」か「低いほど良い」を書いてください`, `「${better}」 is not a direction; write 高いほど良い (higher) or 低いほど良い (lower)`));
    }
    const decimals = this.label(row, 'decimals');
    if (decimals) {
      const n = Number(decimals.normalize('NFKC'));
      if (Number.isInteger(n) && n >= 0 && n <= 4) indicator.decimals = n;
      else row.problem(row.record.cell('decimals'), both(`小数桁数「${decimals}」は 0 から 4 の整数で書いてください`, `decimals 「${decimals}」 must be a whole number from 0 to 4`));
    }
    (project.indicators ??= []).push(indicator);
    this.labelLines.set(id, row.record.line);
    return indicator;
  }

  /** Remembers the row's line as the place of the record at `path` (projects/KEY/budgets/2021 …). */
  place(row: RowReader, path: string): void {
    this.places.set(path, placeText({ line: row.record.line }));
  }

  private label(row: RowReader, name: string): string | undefined {
    return row.record.cell(name)?.text.trim();
  }

  /** Without a base, every row of a project or indicator must give it the same labels. */
  private agree(row: RowReader, id: string, name: string, value: string): void {
    const written = this.label(row, name);
    if (written === undefined || written === value.trim()) return;
    const cell = row.record.cell(name);
    row.problem(cell, both(`「${cell?.header}」が ${this.labelLines.get(id)}行目の「${value}」と違います。同じ事業・指標の行はそろえてください`, `「${cell?.header}」 differs from 「${value}」 on line ${this.labelLines.get(id)}; rows of one project or indicator must agree`));
  }
}
