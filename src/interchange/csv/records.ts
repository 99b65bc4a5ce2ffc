// CSV text to records whose cells know their place: the line each record starts on (a
// quoted cell with line breaks spans several lines) and the column of each header. Headers
// are matched by their Japanese name or the English machine name, width and spacing
// folded (予算額（千円） is 予算額(千円)); cells lose the quote the writer put before a
// formula-looking value.
import { parse } from 'csv-parse/sync';
import { type Column, type Table, BUDGET_COLUMNS, PERIOD_COLUMNS } from './columns.js';
import { type CsvProblem, both, csvProblem } from './problems.js';
import { ESCAPED_START_CHARS } from './table.js';
import { boundsMessages, hasForbiddenCharacter } from '../bounds.js';

export interface Cell {
  text: string;
  line: number;
  column: number;
  header: string;
}

export interface CsvRecord {
  line: number;
  /** The cell of a column, '' when the row is short; undefined when the file has no such column. */
  cell(name: string): Cell | undefined;
}

export interface Records {
  table: Table;
  /** The machine names of the columns the file has. */
  names: ReadonlySet<string>;
  records: CsvRecord[];
}

const LINE_BREAK = /\r\n|\r|\n/gu;
const ESCAPED = new RegExp(`^'[${ESCAPED_START_CHARS}]`, 'u');

/** `'=1+1` → `=1+1`, `''abc` → `'abc`: the quote table.ts's escapeCell adds, removed. */
function unescapeCell(text: string): string {
  return ESCAPED.test(text) ? text.slice(1) : text;
}

const fold = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

export function readRecords(text: string, problems: CsvProblem[], notices: CsvProblem[]): Records | undefined {
  let parsed: { record: string[]; raw: string }[];
  try {
    parsed = parse(text, {
      raw: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      delimiter: delimiterOf(text),
      max_record_size: 1 << 20,
    }) as unknown as { record: string[]; raw: string }[];
  } catch (error) {
    problems.push(parseProblem(error));
    return undefined;
  }
  let line = 1;
  const lines: number[] = [];
  for (const { raw } of parsed) {
    lines.push(line);
    line += raw.match(LINE_BREAK)?.length ?? 0;
  }
  const headerAt = parsed.findIndex(({ record }) => record.some((cell) => cell.trim() !== ''));
  if (headerAt < 0) {
    problems.push(csvProblem({}, both('見出し行がありません (ファイルが空です)', 'there is no header row (the file is empty)')));
    return undefined;
  }
  const header = parsed[headerAt]!.record;
  const table = tableOf(header);
  if (!table) {
    problems.push(
      csvProblem(
        { line: lines[headerAt]! },
        both(
          '見出し行が読めません。1行目に「事業キー」「指標キー」「年度」(目標・実績) または「事業キー」「年度」「予算額(千円)」(予算) などの見出しを書いてください',
          'the header row is not recognised; line 1 must name the columns, e.g. 事業キー, 指標キー, 年度 (periods) or 事業キー, 年度, 予算額(千円) (budgets)',
        ),
      ),
    );
    return undefined;
  }
  const columns = table === 'periods' ? PERIOD_COLUMNS : BUDGET_COLUMNS;
  const indexOf = new Map<string, number>();
  header.forEach((raw, index) => {
    const place = { line: lines[headerAt]!, column: index + 1, header: raw.trim() };
    if (raw.trim() === '') return;
    const column = columnNamed(columns, raw);
    if (!column) {
      notices.push(csvProblem(place, both(`見出し「${raw.trim()}」は使わない列なので読み飛ばしました`, `the column 「${raw.trim()}」 is not one hyoka reads; it was skipped`)));
      return;
    }
    if (indexOf.has(column.name)) {
      problems.push(csvProblem(place, both(`列「${column.header}」が2つあります。どちらか一方を消してください`, `the column 「${column.header}」 appears twice; delete one of them`)));
      return;
    }
    indexOf.set(column.name, index);
  });
  const headerOf = new Map(columns.map((column) => [column.name, column.header]));
  const records: CsvRecord[] = [];
  for (let i = headerAt + 1; i < parsed.length; i++) {
    const cells = parsed[i]!.record;
    if (cells.every((cell) => cell.trim() === '')) continue;
    const start = lines[i]!;
    const record: CsvRecord = {
      line: start,
      cell(name) {
        const index = indexOf.get(name);
        if (index === undefined) return undefined;
        const before = cells.slice(0, index).reduce((n, text) => n + (text.match(LINE_BREAK)?.length ?? 0), 0);
        return { text: unescapeCell(cells[index] ?? ''), line: start + before, column: index + 1, header: headerOf.get(name) ?? name };
      },
    };
    // Text no document may hold (bounds.ts), named by its cell rather than by the document path it would reach.
    for (const [name, index] of indexOf) {
      const text = cells[index] ?? '';
      if (hasForbiddenCharacter(text)) problems.push(csvProblem(record.cell(name)!, boundsMessages.control(text)));
    }
    records.push(record);
  }
  return { table, names: new Set(indexOf.keys()), records };
}

function columnNamed(columns: readonly Column[], raw: string): Column | undefined {
  const folded = fold(raw);
  return columns.find((column) => fold(column.header) === folded || column.name.toLowerCase() === folded);
}

function tableOf(header: readonly string[]): Table | undefined {
  const names = new Set(header.map(fold));
  const has = (column: Column | undefined) => column !== undefined && (names.has(fold(column.header)) || names.has(column.name.toLowerCase()));
  const find = (columns: readonly Column[], name: string) => columns.find((column) => column.name === name);
  if (has(find(PERIOD_COLUMNS, 'indicatorKey'))) return 'periods';
  if (has(find(BUDGET_COLUMNS, 'budget')) || has(find(BUDGET_COLUMNS, 'personnelCost'))) return 'budgets';
  return undefined;
}

/** A comma file, or a tab-separated one (what Excel's "text" formats save) when its first line has tabs and no commas. */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(LINE_BREAK) < 0 ? text.length : text.search(LINE_BREAK));
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}

function parseProblem(error: unknown): CsvProblem {
  const { code, lines } = (error ?? {}) as { code?: string; lines?: number };
  const place = typeof lines === 'number' && lines > 0 ? { line: lines } : {};
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return csvProblem(place, both('「"」で始まったセルが閉じられていません。対になる「"」を書き足してください', 'a cell opened with " is never closed; add the closing "'));
    case 'CSV_MAX_RECORD_SIZE':
      return csvProblem(place, both('1行が長すぎます (1 MiB 超)。閉じていない「"」がないか確かめてください', 'a row is too long (over 1 MiB); check for an unclosed "'));
    default:
      return csvProblem(place, both('CSV として読めません。Excel で CSV として保存し直してください', 'the file cannot be read as CSV; save it again from Excel as CSV'));
  }
}
