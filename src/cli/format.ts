// Plain-text output of the commands: reports, problems and findings, Japanese first.
import { resolve } from 'node:path';
import type { CheckResult } from '../domain/check.js';
import { formatFiscalYear, readFiscalYear } from '../domain/era.js';
import type { ChangeList } from '../interchange/change-list.js';
import type { ImportOutcome } from '../services/documents.js';
import type { Problem } from '../services/errors.js';

export function formatImportOutcome({ report, unknownFields }: ImportOutcome, dryRun: boolean): string {
  const head = dryRun
    ? `試行（書込みなし） / Dry run, nothing written: ${report.organization.name}`
    : `取込み完了 / Imported: ${report.organization.name}`;
  const rows = Object.entries(report.counts).map(
    ([kind, c]) => `  ${kind.padEnd(20)} ${pad(c.added)} ${pad(c.updated)} ${pad(c.removed)} ${pad(c.unchanged)}`,
  );
  const lines = [head, `  ${'record'.padEnd(20)} ${pad('追加 added')} ${pad('更新 updated')} ${pad('削除 removed')} ${pad('変更なし same')}`, ...rows];
  if (report.changes) lines.push(...changeLines(report.changes));
  // A dry run shows what a real import would need allowed; an allowed one says what went.
  if (report.largeRemoval) lines.push(report.largeRemoval.message);
  if (unknownFields.length > 0) {
    lines.push(`未定義の項目（保存はします。綴りを確認してください） / Unknown fields, kept — check their spelling: ${unknownFields.length}`);
    for (const path of unknownFields) lines.push(`  ${path}`);
  }
  return `${lines.join('\n')}\n`;
}

const pad = (value: number | string) => String(value).padStart(14);

/** Each changed value: path, where the file holds it, before → after (— for none); or that nothing changes. */
function changeLines({ total, changes }: ChangeList): string[] {
  if (total === 0) return ['変更なし：このファイルは何も変えません / Unchanged: the file changes nothing'];
  const shown = changes.length < total ? ` (最初の ${changes.length} 件 / the first ${changes.length})` : '';
  return [
    `変更される値 ${total} 件${shown} / ${total} changed value(s)`,
    ...changes.map((change) => `  ${change.path}${change.place === undefined ? '' : ` [${change.place}]`}: ${shortValue(change.before)} → ${shortValue(change.after)}`),
  ];
}

function shortValue(value: unknown): string {
  if (value === undefined) return '—';
  const text = JSON.stringify(value);
  return [...text].length > 80 ? `${[...text].slice(0, 79).join('')}…` : text;
}

export function formatProblems(problems: readonly Problem[]): string {
  const head = `文書に ${problems.length} 件の問題があります / The document has ${problems.length} problem(s)`;
  return `${[head, ...problems.map((p) => `${p.path}: ${p.message}`)].join('\n')}\n`;
}

/** A finding with, where known, the sheet's row numbers and the project or policy it concerns. */
export type PlacedFinding = CheckResult['findings'][number] & { nos: number[]; subject?: string };

export function formatFindings(result: { fiscalYear: number | null; findings: readonly PlacedFinding[] }): string {
  const year = result.fiscalYear === null ? '—' : formatFiscalYear(result.fiscalYear, { western: true });
  const lines = [
    `対象年度 / Fiscal year: ${year}`,
    `${result.findings.length} 件の指摘 / ${result.findings.length} finding(s)`,
    ...result.findings.map((f) => `${placeOf(f)}${f.path}: ${f.message}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** `No. 5・7 多文化共生の推進 — `: where on the sheet, before the JSON path. */
function placeOf(finding: PlacedFinding): string {
  const nos = finding.nos.length === 0 ? '' : `No. ${finding.nos.join('・')} `;
  const subject = finding.subject === undefined || finding.subject === finding.path ? '' : `${finding.subject} `;
  return nos === '' && subject === '' ? '' : `${nos}${subject}— `;
}

/** --fiscal-year takes 2021, 2021年度, R3年度 or 令和3年度. */
export function parseFiscalYearOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const read = readFiscalYear(text);
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

/** Where a file was written, what it holds and how big it is: two lines, Japanese first. */
export function formatWritten([ja, en]: readonly [string, string], file: string, bytes: number): string {
  const size = bytes.toLocaleString('en-US');
  return `書き出しました / Written: ${resolve(file)}\n  ${ja}、${size} バイト / ${en}, ${size} bytes\n`;
}
