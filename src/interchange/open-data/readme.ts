// README.md of an open-data edition: what the files are, how they are written, and every
// column — generated from the same column list the files are written from.
import { formatFiscalYear } from '../../domain/era.js';
import type { HyokaDocument } from '../../domain/model.js';
import type { Column, ColumnType } from '../csv/columns.js';
import type { Dataset } from './files.js';

const TYPE_WORDS: Readonly<Record<ColumnType, readonly [string, string]>> = {
  string: ['文字列', 'text'],
  code: ['文字列 (コード)', 'text (code)'],
  integer: ['整数', 'integer'],
  number: ['数値', 'number'],
  'number-or-text': ['数値または文字列', 'number or text'],
};

/** A Markdown table cell: pipes escaped, line breaks made spaces. */
const cell = (text: string) => text.replace(/\|/gu, '\\|').replace(/\r?\n/gu, ' ');

export function readme(doc: HyokaDocument, fiscalYear: number, date: string, datasets: readonly Dataset[]): string {
  const org = doc.organization;
  const code = org.code === undefined ? '' : ` (${org.code})`;
  const era = formatFiscalYear(fiscalYear);
  const years = (set: Dataset) => set.fiscalYears.map((y) => formatFiscalYear(y, { letter: true })).join('・');
  const lines = [
    `# ${cell(org.name)} 行政評価 (PDCAシート) ${era} オープンデータ`,
    '',
    `${cell(org.name)}${code}の${era}の行政評価 (事業評価) のデータです。公開日: ${date}`,
    '',
    `Administrative evaluation (PDCA sheet) data of ${cell(org.name)}${code} for fiscal year ${fiscalYear} (${era}). Published ${date}.`,
    '',
    '## ファイル / Files',
    '',
    '| ファイル / file | 内容 / content | 年度 / fiscal years | 行数 / rows |',
    '|---|---|---|---|',
    ...datasets.flatMap((set) => [
      `| ${set.csv} | ${set.title.ja} (CSV) / ${set.title.en} | ${years(set)} | ${set.rows.length} |`,
      `| ${set.json} | ${set.title.ja} (JSON) / ${set.title.en} | ${years(set)} | ${set.rows.length} |`,
    ]),
    '| columns.json | 全ファイルの列の説明 / description of every column | | |',
    '',
    '## 形式 / Format',
    '',
    '- CSV: 文字コード UTF-8 (BOM 付き)、改行 CRLF、1行目が見出し (日本語の列名)、1セル1値、セルの結合なし。 / UTF-8 with a BOM, CRLF line ends, one header row of Japanese names, one value per cell, no merged cells.',
    '- 年度は西暦の数値 (4月始まりの年)、和暦は別の列。日付は ISO 8601 (YYYY-MM-DD)。金額は千円単位の整数。 / Fiscal years are Western years (starting in April), the era form in its own column; dates are ISO 8601; amounts are whole thousand yen.',
    '- 空のセルは値なし (シートの「—」)。「=」「+」「-」「@」で始まる文字列は表計算ソフトで数式にならないよう先頭に「\'」を付けています。 / An empty cell means no value (the sheet\'s —). Text starting with = + - @ is prefixed with \' so that spreadsheets do not run it as a formula.',
    '- JSON: CSV と同じ行を、列の英語名をキーにしたオブジェクトの配列で収録 (空は null、数値は数値)。 / The same rows as CSV, as an array of objects keyed by the English column names (null for empty, numbers as numbers).',
    `- 達成率・達成・中期目標進捗・事業費の増減・評価の目安は hyoka が定めたルールで自動計算した値です。 / Achievement rates, achieved, mid-term progress, budget change and suggested grades are computed by hyoka's rules.`,
    '',
    ...datasets.flatMap((set) => columnTable(set)),
  ];
  return `${lines.join('\n')}\n`;
}

function columnTable(set: Dataset): string[] {
  return [
    `## ${set.title.ja} / ${set.title.en} (${set.csv})`,
    '',
    '| 列名 / header | 英語名 / name | 型 / type | 単位 / unit | 説明 | description |',
    '|---|---|---|---|---|---|',
    ...set.columns.map((column) => columnLine(column)),
    '',
  ];
}

function columnLine(column: Column): string {
  const [typeJa, typeEn] = TYPE_WORDS[column.type];
  const values = column.values ? ` (${column.values.map(([ja]) => ja).join('、')})` : '';
  return `| ${cell(column.header)} | ${column.name} | ${typeJa} / ${typeEn} | ${cell(column.unit ?? '')} | ${cell(column.ja)}${cell(values)} | ${cell(column.en)} |`;
}
